/*
 * power_wide.c -- the normalized Banzhaf index (Banzhaf 1968) of games too
 * large for 64-bit counts: the College under the district method has some
 * 480 units, so coalitions number up to 2^479. The same generating-
 * function count as power.c (Brams and Affuso 1976; Matsui and Matsui
 * 2000), in 1088-bit integers; players of equal weight have equal swings,
 * so each weight's factor is divided out once.
 */
#include "power.h"

#include <math.h>
#include <string.h>

enum { L = TLY__POWER_WIDE_LIMBS };

/* r = a + b and r = a - b modulo 2^(64 L). */
static void wadd(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
  unsigned __int128 carry = 0;
  for (size_t i = 0; i < L; i++) {
    carry += (unsigned __int128)a[i] + b[i];
    r[i] = (uint64_t)carry;
    carry >>= 64;
  }
}

static void wsub(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
  uint64_t borrow = 0;
  for (size_t i = 0; i < L; i++) {
    uint64_t x = a[i] - b[i];
    uint64_t b1 = a[i] < b[i];
    uint64_t y = x - borrow;
    borrow = b1 | (x < borrow);
    r[i] = y;
  }
}

/* The nearest long double to a (each limb scaled by 2^(64 i); relative
 * error below 2^-62, as tly__big_to_ld). */
static long double wide_ld(const uint64_t *a)
{
  long double x = 0.0L;
  for (size_t i = L; i-- > 0;)
    x = x * 18446744073709551616.0L + (long double)a[i];
  return x;
}

tly_status tly__power_banzhaf_wide(const int64_t *w, size_t n, int64_t quota,
                                   const tly_allocator *a, double *values,
                                   tly_error *err)
{
  for (size_t i = 0; i < n; i++)
    values[i] = 0.0;
  if (n > TLY__POWER_WIDE_MAX)
    return tly__fail(err, TLY_EINVAL, "a game needs 1 to %d players, not %zu",
                     TLY__POWER_WIDE_MAX, n);
  int64_t total = 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i] < 0 || w[i] > TLY_POWER_MAX_WEIGHT - total)
      return tly__fail(err, TLY_EINVAL, "weights out of range");
    total += w[i]; /* <= TLY_POWER_MAX_WEIGHT, checked above */
  }
  if (quota < 1 || quota > total)
    return TLY_OK; /* no swing at all */
  size_t q = (size_t)quota;
  uint64_t *c = tly__calloc(a, q * L, sizeof *c);
  uint64_t *ci = tly__calloc(a, q * L, sizeof *ci);
  uint64_t *sw = tly__calloc(a, n * L, sizeof *sw);
  uint64_t *sum = tly__calloc(a, L, sizeof *sum);
  tly_status s = TLY_OK;
  if (c == NULL || ci == NULL || sw == NULL || sum == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  /* c[s]: coalitions of all players of weight s < quota, modulo 2^(64 L).
   * Every true value of c_i (the others' coalitions) counts subsets of at
   * most n - 1 players: below 2^999 < 2^(64 L), so the residues are
   * the counts, whatever c itself wrapped to. */
  c[0] = 1;
  for (size_t j = 0; j < n; j++) {
    size_t wj = (size_t)w[j];
    if (wj == 0)
      continue; /* a null player: no swing, and none changes elsewhere */
    for (size_t t = q; t-- > wj;)
      wadd(&c[t * L], &c[t * L], &c[(t - wj) * L]);
  }
  for (size_t j = 0; j < n; j++) {
    size_t wj = (size_t)w[j];
    if (wj == 0)
      continue;
    size_t k = 0; /* an earlier player of the same weight: same swings */
    while (k < j && w[k] != w[j])
      k++;
    if (k < j) {
      memcpy(&sw[j * L], &sw[k * L], L * sizeof *sw);
    } else {
      for (size_t t = 0; t < q; t++) {
        if (t >= wj)
          wsub(&ci[t * L], &c[t * L], &ci[(t - wj) * L]);
        else
          memcpy(&ci[t * L], &c[t * L], L * sizeof *ci);
        if (t + wj >= q)
          wadd(&sw[j * L], &sw[j * L], &ci[t * L]);
      }
    }
    wadd(sum, sum, &sw[j * L]);
  }
  /* The sum of the swings is at most n x 2^(n - 1) < 2^(n + 9) for n <=
   * TLY__POWER_WIDE_MAX (1000): below 2^(64 L) = 2^1088, so exact. */
  long double d = wide_ld(sum);
  for (size_t j = 0; j < n && d > 0.0L; j++)
    values[j] = (double)(wide_ld(&sw[j * L]) / d);
done:
  tly__free(a, sum, L * sizeof *sum);
  tly__free(a, sw, n * L * sizeof *sw);
  tly__free(a, ci, q * L * sizeof *ci);
  tly__free(a, c, q * L * sizeof *c);
  return s;
}
