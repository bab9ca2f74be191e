/*
 * article2.h -- the original rule of U.S. Const. art. II §1 cl. 3
 * (1789-1800): two undistinguished votes per elector.
 */
#ifndef TLY_ARTICLE2_H
#define TLY_ARTICLE2_H

#include "internal.h"

/* The count of art. II §1 cl. 3 for votes[0..n) (each elector's two votes
 * summed per candidate) and `electors` electors: *president is the one
 * candidate with the most votes when they are a majority of the electors
 * (floor(electors / 2) + 1), and *vice the one with the next most (-1 when
 * several tie for it: the Senate would choose). Otherwise *president is -1
 * and top[0..*n_top) are those the House chooses among: the candidates
 * tied with a majority, or without a majority the five highest (at most
 * `cap`). */
void tly__art2_count(const int64_t *votes, size_t n, int64_t electors,
                     int32_t *president, int32_t *vice, int32_t *top,
                     size_t cap, size_t *n_top);

#endif
