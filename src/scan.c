/*
 * scan.c -- strict bounded number scanning, after redis's string2ll and
 * curl's curlx_str_number: every byte of the token must belong to the
 * number, and overflow is detected before it can happen.
 */
#include "scan.h"

#include "buf.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Range rule: the magnitude is accumulated in uint64_t, refusing any step
 * that would pass 2^63 (the magnitude of INT64_MIN); the signed value is
 * then compared with [min, max]. All bytes are checked to be digits before
 * the range is judged, so "99999999999999999999x" is EPARSE, not ERANGE. */
tly_status tly__scan_i64(const char *p, size_t n, int64_t min, int64_t max,
                         int64_t *out)
{
  size_t i = 0;
  bool neg = false;
  if (n > 0 && p[0] == '-' && min < 0) {
    neg = true;
    i = 1;
  }
  if (i == n)
    return TLY_EPARSE; /* empty, or a lone '-' */
  for (size_t k = i; k < n; k++) {
    if (p[k] < '0' || p[k] > '9')
      return TLY_EPARSE;
  }
  const uint64_t limit = (uint64_t)INT64_MAX + 1u; /* |INT64_MIN| */
  uint64_t mag = 0;
  for (; i < n; i++) {
    uint64_t d = (uint64_t)(p[i] - '0');
    if (mag > (limit - d) / 10u)
      return TLY_ERANGE;
    mag = mag * 10u + d;
  }
  int64_t v;
  if (neg) {
    /* mag <= 2^63: -(mag - 1) - 1 never overflows. */
    v = mag == 0 ? 0 : -(int64_t)(mag - 1u) - 1;
  } else {
    if (mag > (uint64_t)INT64_MAX)
      return TLY_ERANGE;
    v = (int64_t)mag;
  }
  if (v < min || v > max)
    return TLY_ERANGE;
  *out = v;
  return TLY_OK;
}

static bool isdigit_c(char c)
{
  return c >= '0' && c <= '9';
}

/* Longest token scan_double accepts: far more digits than a double can
 * tell apart, yet small enough for a stack copy. */
#define SCAN_DOUBLE_MAX 400

tly_status tly__scan_double(const char *p, size_t n, double *out)
{
  if (n == 0 || n > SCAN_DOUBLE_MAX)
    return TLY_EPARSE;
  size_t i = 0;
  if (p[i] == '-')
    i++;
  size_t n_digits = 0;
  while (i < n && isdigit_c(p[i])) {
    i++;
    n_digits++;
  }
  if (i < n && p[i] == '.') {
    i++;
    while (i < n && isdigit_c(p[i])) {
      i++;
      n_digits++;
    }
  }
  if (n_digits == 0)
    return TLY_EPARSE;
  if (i < n && (p[i] == 'e' || p[i] == 'E')) {
    i++;
    if (i < n && (p[i] == '+' || p[i] == '-'))
      i++;
    size_t n_exp = 0;
    while (i < n && isdigit_c(p[i])) {
      i++;
      n_exp++;
    }
    if (n_exp == 0)
      return TLY_EPARSE;
  }
  if (i != n)
    return TLY_EPARSE;
  /* The token was validated in "C" notation: read it in the "C" locale,
   * whatever the host's (tly__strtod_c, thread-safe). */
  char buf[SCAN_DOUBLE_MAX + 8];
  memcpy(buf, p, n);
  size_t k = n;
  buf[k] = '\0';
  char *end = NULL;
  double v = tly__strtod_c(buf, &end);
  if (end != buf + k || !isfinite(v))
    return TLY_EPARSE;
  *out = v;
  return TLY_OK;
}
