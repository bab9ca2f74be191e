/*
 * power.h -- the exact counts behind tly_power_game, for tests: the
 * Shapley-Shubik numerators as 320-bit integers.
 */
#ifndef TLY_POWER_H
#define TLY_POWER_H

#include "internal.h"

/* 320 bits, little-endian 64-bit limbs: holds n! for n <= 64 (< 2^297). */
#define TLY__BIG_LIMBS 5
typedef struct tly__big {
  uint64_t limb[TLY__BIG_LIMBS];
} tly__big;

/* The Shapley-Shubik counts of [quota; weights]: num[i] = the orders of
 * the players with a non-zero weight in which player i is pivotal (0 for a
 * zero weight), den = the number of such orders (m! for m players of
 * non-zero weight), so value_i = num[i] / den and the num sum to den when
 * some coalition wins. Arguments and errors as tly_power_game. */
tly_status tly__power_shapley_counts(const int64_t *weights, size_t n,
                                     int64_t quota, const tly_allocator *a,
                                     tly__big *num, tly__big *den,
                                     tly_error *err);

/* a == b. */
bool tly__big_eq(const tly__big *a, const tly__big *b);
/* *r = a + b; false on overflow of 320 bits. */
bool tly__big_add(const tly__big *a, const tly__big *b, tly__big *r);
/* The nearest long double to a (relative error below 2^-62). */
long double tly__big_to_ld(const tly__big *a);

/* Games larger than TLY_POWER_MAX_PLAYERS (the College by district): up
 * to TLY__POWER_WIDE_MAX players, counts in TLY__POWER_WIDE_LIMBS 64-bit
 * limbs (2^1088 > 1000 x 2^999, the largest sum of swings). */
#define TLY__POWER_WIDE_MAX 1000
#define TLY__POWER_WIDE_LIMBS 17

/* The normalized Banzhaf index of each of the n players of [quota; w] into
 * values[0..n), exact counts in 1088-bit integers, only the final ratio
 * rounded (relative error below 2^-60). Zeros when no coalition wins.
 * TLY_EINVAL for n above TLY__POWER_WIDE_MAX or weights out of range (as
 * tly_power_game); TLY_ENOMEM. */
tly_status tly__power_banzhaf_wide(const int64_t *w, size_t n, int64_t quota,
                                   const tly_allocator *a, double *values,
                                   tly_error *err);

#endif
