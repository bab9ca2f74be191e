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

/* Layers of the ziggurat: 1024 rather than Marsaglia and Tsang's 256, so
 * that 99.6 % of draws rather than 98.5 % end on the fast path. */
#define TLY__ZIG_LAYERS 1024

/* The ziggurat's tables (read-only once made). */
typedef struct tly__zig {
  uint64_t k[TLY__ZIG_LAYERS]; /* accept j < k[i] at once (52-bit scale) */
  double w[TLY__ZIG_LAYERS];   /* x[i] / 2^52: turns j into a value */
  double f[TLY__ZIG_LAYERS + 1]; /* exp(-x[i]^2 / 2) */
  double x[TLY__ZIG_LAYERS + 1]; /* edges: x[0] = v / f(r) > x[1] = r > ..
                                    > x[LAYERS] = 0 */
  uint64_t kw[2 * TLY__ZIG_LAYERS]; /* k[i] and the bits of w[i] side by
                                       side: one 16-byte load for both */
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

/* Builds the ziggurat tables (uses exp, log, erfc; some microseconds). */
void tly__zig_init(tly__zig *z);

/* The rare paths of the ziggurat: the base strip's tail and the wedges.
 * `bits` is the 64-bit word the fast path rejected. */
double tly__rng_normal_slow(tly__rng *r, const tly__zig *z, uint64_t bits);

/* A standard normal variate. Bits of one 64-bit word: 0-9 the layer, 10
 * the sign, 12-63 the position j in [0, 2^52) across the layer; about
 * 99.6 % of draws end at the first comparison. */
static inline double tly__rng_normal(tly__rng *r, const tly__zig *z)
{
  uint64_t bits = tly__rng_next(r);
  unsigned i = (unsigned)(bits & (TLY__ZIG_LAYERS - 1));
  uint64_t j = bits >> 12;
  if (j < z->k[i]) {
    double x = (double)j * z->w[i];
    return (bits & 0x400) ? -x : x;
  }
  return tly__rng_normal_slow(r, z, bits);
}

/* A Gamma(shape, 1) variate, shape > 0 (Marsaglia and Tsang's squeeze for
 * shape >= 1; shape < 1 through Gamma(shape + 1) * U^(1/shape)). */
double tly__rng_gamma(tly__rng *r, const tly__zig *z, double shape);

#endif
