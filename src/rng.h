/*
 * rng.h -- random streams for the forecast: xoshiro256++ (Blackman and
 * Vigna, "Scrambled linear pseudorandom number generators", 2021) seeded
 * per (seed, stream) through SplitMix64, standard normals by the ziggurat
 * method (Marsaglia and Tsang, "The Ziggurat Method for Generating Random
 * Variables", 2000) and gamma variates (Marsaglia and Tsang, 2000).
 * Nothing here is global: each caller holds its own state and tables.
 */
#ifndef TLY_RNG_H
#define TLY_RNG_H

#include "internal.h"

#include <stdint.h>

/* One xoshiro256++ stream: 256 bits of state, never all zero. */
typedef struct tly__rng {
  uint64_t s[4];
} tly__rng;

/* The ziggurat's tables for 256 layers (read-only once made). */
typedef struct tly__zig {
  uint64_t k[256]; /* accept |j| < k[i] at once (52-bit scale) */
  double w[256];   /* x[i] / 2^52: turns the 52-bit j into a value */
  double f[257];   /* exp(-x[i]^2 / 2) */
  double x[257];   /* layer edges: x[0] = v / f(r) > x[1] = r > ... = 0 */
} tly__zig;

/* SplitMix64's output function (Steele, Lea and Flood 2014): a bijective
 * 64-bit mixer. */
static inline uint64_t tly__mix64(uint64_t z)
{
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* Seeds r for stream `stream` of `seed`: the state is four SplitMix64
 * outputs from a start that mixes both, so distinct (seed, stream) pairs
 * give unrelated streams and the same pair always the same one. */
void tly__rng_seed(tly__rng *r, uint64_t seed, uint64_t stream);

static inline uint64_t tly__rotl64(uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

/* The next 64 random bits (xoshiro256++). */
static inline uint64_t tly__rng_next(tly__rng *r)
{
  uint64_t *s = r->s;
  uint64_t out = tly__rotl64(s[0] + s[3], 23) + s[0];
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = tly__rotl64(s[3], 45);
  return out;
}

/* A uniform double in (0, 1]: 53 random bits, never 0 (safe for log). */
static inline double tly__rng_uniform(tly__rng *r)
{
  return (double)((tly__rng_next(r) >> 11) + 1) * 0x1.0p-53;
}

/* Builds the ziggurat tables (uses exp, log, erfc; a few microseconds). */
void tly__zig_init(tly__zig *z);

/* The rare paths of the ziggurat: the base strip's tail and the wedges.
 * `bits` is the 64-bit word the fast path rejected. */
double tly__rng_normal_slow(tly__rng *r, const tly__zig *z, uint64_t bits);

/* A standard normal variate. Bits of one 64-bit word: 0-7 the layer, 8 the
 * sign, 12-63 the position j in [0, 2^52) across the layer; about 99.3 % of
 * draws end at the first comparison. */
static inline double tly__rng_normal(tly__rng *r, const tly__zig *z)
{
  uint64_t bits = tly__rng_next(r);
  unsigned i = (unsigned)(bits & 0xff);
  uint64_t j = bits >> 12;
  if (j < z->k[i]) {
    double x = (double)j * z->w[i];
    return (bits & 0x100) ? -x : x;
  }
  return tly__rng_normal_slow(r, z, bits);
}

/* A Gamma(shape, 1) variate, shape > 0 (Marsaglia and Tsang's squeeze for
 * shape >= 1; shape < 1 through Gamma(shape + 1) * U^(1/shape)). */
double tly__rng_gamma(tly__rng *r, const tly__zig *z, double shape);

#endif
