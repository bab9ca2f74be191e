/*
 * test_rng.c -- the forecast's random streams (src/rng.c): xoshiro256++
 * against the reference outputs of Blackman and Vigna's code, seeding,
 * and the distribution of the ziggurat normals and gamma variates.
 */
#include "rng.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

Test(rng, xoshiro256pp_reference)
{
  /* xoshiro256plusplus.c (prng.di.unimi.it) from state {1, 2, 3, 4}: the
   * first output is rotl(1 + 4, 23) + 1 = 41943041. */
  static const uint64_t want[6] = {41943041u,
                                   58720359u,
                                   3588806011781223u,
                                   3591011842654386u,
                                   9228616714210784205u,
                                   9973669472204895162u};
  tly__rng r = {{1, 2, 3, 4}};
  for (int i = 0; i < 6; i++)
    cr_assert_eq(tly__rng_next(&r), want[i], "output %d", i);
}

Test(rng, seeding_is_deterministic_and_distinct)
{
  tly__rng a, b, c;
  tly__rng_seed(&a, 42, 7);
  tly__rng_seed(&b, 42, 7);
  tly__rng_seed(&c, 42, 8);
  bool differ = false;
  for (int i = 0; i < 100; i++) {
    uint64_t x = tly__rng_next(&a);
    cr_assert_eq(x, tly__rng_next(&b));
    if (x != tly__rng_next(&c))
      differ = true;
  }
  cr_assert(differ);
}

Test(rng, uniform_is_in_open_closed_unit_interval)
{
  tly__rng r;
  tly__rng_seed(&r, 1, 0);
  for (int i = 0; i < 100000; i++) {
    double u = tly__rng_uniform(&r);
    cr_assert(u > 0.0 && u <= 1.0);
  }
}

Test(rng, ziggurat_tables_close)
{
  tly__zig z;
  tly__zig_init(&z);
  /* The layers of equal area shrink to 0 at the top: the last recursion
   * step lands on f = 1 (to rounding). */
  const int n = TLY__ZIG_LAYERS;
  double v = z.x[1] * z.f[1] + sqrt(M_PI / 2) * erfc(z.x[1] / M_SQRT2);
  cr_assert_float_eq(z.f[n - 1] + v / z.x[n - 1], 1.0, 1e-9);
  for (int i = 1; i < n; i++)
    cr_assert(z.x[i + 1] < z.x[i]);
  /* Each layer's area is v: x[i] (f[i+1] - f[i]) for i >= 1. */
  for (int i = 1; i < n - 1; i++)
    cr_assert_float_eq(z.x[i] * (z.f[i + 1] - z.f[i]), v, 1e-12);
}

/* Standard normal CDF. */
static double phi_cdf(double x)
{
  return 0.5 * erfc(-x / M_SQRT2);
}

Test(rng, normal_moments_and_bins)
{
  tly__zig z;
  tly__zig_init(&z);
  tly__rng r;
  tly__rng_seed(&r, 2024, 0);
  const int n = 4000000;
  /* Bins on [-4, 4] of width 0.5 plus the two tails: every bin's count
   * must be within 5 standard errors of n * its probability; this checks
   * the fast path, the wedges and the tail beyond r = 4.039. */
  enum { NB = 18 };
  int64_t bins[NB] = {0};
  double s1 = 0, s2 = 0, s4 = 0;
  for (int i = 0; i < n; i++) {
    double x = tly__rng_normal(&r, &z);
    s1 += x;
    s2 += x * x;
    s4 += x * x * x * x;
    int b = x < -4 ? 0 : x >= 4 ? NB - 1 : 1 + (int)((x + 4) / 0.5);
    bins[b]++;
  }
  cr_assert(fabs(s1 / n) < 5 / sqrt(n));
  cr_assert(fabs(s2 / n - 1) < 5 * sqrt(2.0 / n));
  cr_assert(fabs(s4 / n - 3) < 5 * sqrt(96.0 / n));
  for (int b = 0; b < NB; b++) {
    double lo = b == 0 ? -INFINITY : -4 + 0.5 * (b - 1);
    double hi = b == NB - 1 ? INFINITY : -4 + 0.5 * b;
    double p = phi_cdf(hi) - phi_cdf(lo);
    double want = n * p;
    double sd = sqrt(n * p * (1 - p));
    cr_assert(fabs((double)bins[b] - want) < 5 * sd + 1,
              "bin %d: %lld, want %.1f", b, (long long)bins[b], want);
  }
}

Test(rng, normal_tail_beyond_r)
{
  tly__zig z;
  tly__zig_init(&z);
  tly__rng r;
  tly__rng_seed(&r, 7, 3);
  const int n = 8000000;
  int64_t beyond = 0, far = 0;
  for (int i = 0; i < n; i++) {
    double x = fabs(tly__rng_normal(&r, &z));
    beyond += x > 4.038849846109504;
    far += x > 4.5;
  }
  double p1 = 2 * phi_cdf(-4.038849846109504);
  double p2 = 2 * phi_cdf(-4.5);
  cr_assert(fabs(beyond - n * p1) < 5 * sqrt(n * p1) + 1);
  cr_assert(fabs(far - n * p2) < 5 * sqrt(n * p2) + 1);
}

Test(rng, gamma_mean_and_variance)
{
  tly__zig z;
  tly__zig_init(&z);
  tly__rng r;
  tly__rng_seed(&r, 11, 0);
  static const double shapes[3] = {0.5, 2.5, 15.0};
  for (int k = 0; k < 3; k++) {
    double a = shapes[k];
    const int n = 400000;
    double s1 = 0, s2 = 0;
    for (int i = 0; i < n; i++) {
      double g = tly__rng_gamma(&r, &z, a);
      cr_assert(g > 0);
      s1 += g;
      s2 += g * g;
    }
    double mean = s1 / n;
    double var = s2 / n - mean * mean;
    /* Gamma(a, 1): mean a, variance a, fourth central moment 3a^2 + 6a. */
    cr_assert(fabs(mean - a) < 5 * sqrt(a / n), "shape %g mean %g", a, mean);
    cr_assert(fabs(var - a) < 5 * sqrt((3 * a * a + 6 * a - a * a) / n),
              "shape %g var %g", a, var);
  }
}

Test(rng, zig_pairs_match_the_tables)
{
  /* kw, the (k, w) pairs the AVX-512 kernel loads 16 bytes at a time,
   * must hold exactly the k and w tables. */
  tly__zig z;
  tly__zig_init(&z);
  for (int i = 0; i < TLY__ZIG_LAYERS; i++) {
    cr_assert_eq(z.kw[2 * i], z.k[i], "layer %d", i);
    cr_assert(memcmp(&z.kw[2 * i + 1], &z.w[i], sizeof z.w[i]) == 0,
              "layer %d", i);
  }
}
