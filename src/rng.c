/*
 * rng.c -- seeding of xoshiro256++ streams (Blackman and Vigna 2021), the
 * ziggurat tables and its rare paths (Marsaglia and Tsang 2000, with the
 * normal tail of Marsaglia 1964), and gamma variates (Marsaglia and Tsang,
 * "A Simple Method for Generating Gamma Variables", 2000).
 */
#include "rng.h"

#include <math.h>
#include <string.h>

void tly__rng_seed(tly__rng *r, uint64_t seed, uint64_t stream)
{
  /* The start mixes the stream through a different odd constant than the
   * SplitMix64 increment, so (seed, stream) and (seed + 1, stream - k)
   * do not collide as plain sums would. */
  uint64_t x = tly__mix64(seed ^ 0x6a09e667f3bcc909u) ^
               tly__mix64(stream * 0xd1342543de82ef95u + 0x3c6ef372fe94f82bu);
  for (int i = 0; i < 4; i++) {
    x += 0x9e3779b97f4a7c15u;
    r->s[i] = tly__mix64(x);
  }
  if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
    r->s[0] = 1; /* the one forbidden state; unreachable in practice */
}

/* Unnormalised normal density. */
static double fden(double x)
{
  return exp(-0.5 * x * x);
}

void tly__zig_init(tly__zig *z)
{
  /* r: the start of the tail for 1024 layers of equal area v, solved (by
   * bisection, in double precision) so that the recursion below reaches
   * the top, f = 1, at the last layer, as Marsaglia and Tsang's 3.6541528…
   * does for 256; v is recomputed from r. */
  const int n = TLY__ZIG_LAYERS;
  const double r = 4.038849846109504;
  const double v = r * fden(r) + sqrt(M_PI / 2) * erfc(r / M_SQRT2);
  z->x[0] = v / fden(r);
  z->x[1] = r;
  for (int i = 1; i < n - 1; i++)
    z->x[i + 1] = sqrt(-2.0 * log(fden(z->x[i]) + v / z->x[i]));
  z->x[n] = 0.0;
  for (int i = 0; i <= n; i++)
    z->f[i] = fden(z->x[i]);
  for (int i = 0; i < n; i++) {
    z->w[i] = z->x[i] * 0x1.0p-52;
    z->k[i] = (uint64_t)(z->x[i + 1] / z->x[i] * 0x1.0p52);
    z->kw[2 * i] = z->k[i];
    memcpy(&z->kw[2 * i + 1], &z->w[i], sizeof z->w[i]);
  }
}

double tly__rng_normal_slow(tly__rng *r, const tly__zig *z, uint64_t bits)
{
  for (;;) {
    unsigned i = (unsigned)(bits & (TLY__ZIG_LAYERS - 1));
    uint64_t j = bits >> 12;
    double sign = (bits & 0x400) ? -1.0 : 1.0;
    double x = (double)j * z->w[i];
    if (j < z->k[i])
      return sign * x;
    if (i == 0) {
      /* The tail beyond r: Marsaglia's 1964 method. */
      double a, b;
      do {
        a = -log(tly__rng_uniform(r)) / z->x[1];
        b = -log(tly__rng_uniform(r));
      } while (b + b < a * a);
      return sign * (z->x[1] + a);
    }
    /* The wedge between x[i+1] and x[i]: accept under the curve. */
    double y = z->f[i] + tly__rng_uniform(r) * (z->f[i + 1] - z->f[i]);
    if (y < fden(x))
      return sign * x;
    bits = tly__rng_next(r);
  }
}

double tly__rng_gamma(tly__rng *r, const tly__zig *z, double shape)
{
  if (shape < 1.0) {
    double g = tly__rng_gamma(r, z, shape + 1.0);
    return g * pow(tly__rng_uniform(r), 1.0 / shape);
  }
  double d = shape - 1.0 / 3.0;
  double c = 1.0 / sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = tly__rng_normal(r, z);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    double u = tly__rng_uniform(r);
    double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2)
      return d * v;
    if (log(u) < 0.5 * x2 + d * (1.0 - v + log(v)))
      return d * v;
  }
}
