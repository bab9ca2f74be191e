/*
 * status.c -- the status table (one X-macro list in tally.h, after libuv's
 * UV_ERRNO_MAP), error filling, the version string and exact number
 * formatting shared by every front end.
 */
#include "arith.h"
#include "internal.h"

#include "buf.h"

#include <stdio.h>
#include <string.h>

const char *tly_version(void)
{
#define TLY_STR2(x) #x
#define TLY_STR(x) TLY_STR2(x)
  return TLY_STR(TLY_VERSION_MAJOR) "." TLY_STR(TLY_VERSION_MINOR) "."
      TLY_STR(TLY_VERSION_PATCH);
}

const char *tly_status_name(tly_status s)
{
  switch (s) {
#define TLY_XX(name, value, desc)                                            \
  case TLY_##name:                                                           \
    return "TLY_" #name;
    TLY_STATUS_MAP(TLY_XX)
#undef TLY_XX
  }
  return "TLY_UNKNOWN";
}

const char *tly_status_str(tly_status s)
{
  switch (s) {
#define TLY_XX(name, value, desc)                                            \
  case TLY_##name:                                                           \
    return desc;
    TLY_STATUS_MAP(TLY_XX)
#undef TLY_XX
  }
  return "unknown status";
}

static void vfill(tly_error *err, tly_status s, const char *file,
                  int64_t line, int64_t col, const char *fmt, va_list ap)
{
  err->status = s;
  err->line = line;
  err->col = col;
  err->file[0] = '\0';
  if (file != NULL) {
    size_t n = strlen(file);
    if (n >= sizeof err->file)
      n = sizeof err->file - 1;
    memcpy(err->file, file, n);
    err->file[n] = '\0';
  }
  va_list again;
  va_copy(again, ap);
  if (tly__vsnprintf_c(err->msg, sizeof err->msg, fmt, ap) < 0)
    vsnprintf(err->msg, sizeof err->msg, fmt, again); /* no "C" locale */
  va_end(again);
}

tly_status tly__fail(tly_error *err, tly_status s, const char *fmt, ...)
{
  if (err != NULL) {
    va_list ap;
    va_start(ap, fmt);
    vfill(err, s, NULL, 0, 0, fmt, ap);
    va_end(ap);
  }
  return s;
}

tly_status tly__fail_at(tly_error *err, tly_status s, const char *file,
                        int64_t line, int64_t col, const char *fmt, ...)
{
  if (err != NULL) {
    va_list ap;
    va_start(ap, fmt);
    vfill(err, s, file, line, col, fmt, ap);
    va_end(ap);
  }
  return s;
}

void tly__error_clear(tly_error *err)
{
  if (err == NULL)
    return;
  memset(err, 0, sizeof *err);
}

/*---- Exact number formatting ----*/

char *tly_format_count(int64_t v, char *buf, size_t size)
{
  char digits[32];
  /* Work in uint64_t so that INT64_MIN has a magnitude. */
  uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  int nd = 0;
  do {
    digits[nd++] = (char)('0' + (int)(mag % 10));
    mag /= 10;
  } while (mag != 0);
  char tmp[40];
  size_t k = 0;
  if (v < 0)
    tmp[k++] = '-';
  for (int i = nd - 1; i >= 0; i--) {
    tmp[k++] = digits[i];
    if (i > 0 && i % 3 == 0)
      tmp[k++] = ',';
  }
  tmp[k] = '\0';
  if (size > 0) {
    size_t n = k < size - 1 ? k : size - 1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
  }
  return buf;
}

/* Rounding rule: q = num * 100 * 10^digits / den, computed in unsigned
 * 128-bit integers (num <= INT64_MAX and the factor <= 10^11 keeps the
 * product below 2^101); the remainder decides: more than half rounds up,
 * exactly half rounds to the even neighbour, less rounds down. */
char *tly_format_percent(int64_t num, int64_t den, int digits, char *buf,
                         size_t size)
{
  if (den <= 0 || num < 0 || digits < 0 || digits > 9) {
    snprintf(buf, size, "-");
    return buf;
  }
  unsigned __int128 scale = 100;
  for (int i = 0; i < digits; i++)
    scale *= 10;
  unsigned __int128 n = (unsigned __int128)num * scale;
  unsigned __int128 d = (unsigned __int128)den;
  unsigned __int128 q = n / d;
  unsigned __int128 r = n % d;
  if (2 * r > d || (2 * r == d && (q & 1) != 0))
    q++;
  unsigned __int128 pow10 = scale / 100;
  uint64_t ip = (uint64_t)(q / pow10);
  uint64_t fp = (uint64_t)(q % pow10);
  if (digits == 0)
    snprintf(buf, size, "%llu", (unsigned long long)ip);
  else
    snprintf(buf, size, "%llu.%0*llu", (unsigned long long)ip, digits,
             (unsigned long long)fp);
  return buf;
}
