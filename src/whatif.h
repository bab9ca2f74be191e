/*
 * whatif.h -- internal helpers of the what-if transforms (whatif.c), shared
 * with the unit tests: the exact rounding kernel of the uniform swing.
 */
#ifndef TLY_WHATIF_H
#define TLY_WHATIF_H

#include "internal.h"

/* round-half-even(p / q) for q > 0, exact: floor(p / q) (toward minus
 * infinity, unlike C's truncating `/`), plus one when the remainder is
 * more than half of q, or exactly half and the floor is odd. Callers keep
 * |p| < 2^126. */
__int128 tly__round_half_even(__int128 p, __int128 q);

/* The votes moved from R to D in a unit with d and r votes by a swing of
 * num/den points: round-half-even(num * (d + r) / (200 * den)), capped to
 * [-d, r] so that no count goes negative. d, r >= 0; den > 0; |num| <=
 * 100 * den <= 10^17 (so the product stays below 2^126). */
int64_t tly__swing_moved(int64_t d, int64_t r, int64_t num, int64_t den);

#endif
