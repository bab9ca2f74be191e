/*
 * article2.c -- the Electoral College before the 12th Amendment: U.S.
 * Const. art. II §1 cl. 3 (elections of 1789-1800). Each elector voted for
 * two persons, undistinguished; "the Person having the greatest Number of
 * Votes shall be the President, if such Number be a Majority of the whole
 * Number of Electors appointed", the House choosing among those tied with
 * a majority, or else among the five highest; after the President, the
 * person with the most votes became Vice President, the Senate choosing
 * among any tied for it.
 */
#include "article2.h"

/* Index of the candidate with the most votes among those not in skip[]
 * (n_skip of them), ties to the lower index; -1 when none has a vote. */
static int32_t best(const int64_t *votes, size_t n, const int32_t *skip,
                    size_t n_skip)
{
  int32_t b = -1;
  for (size_t c = 0; c < n; c++) {
    bool skipped = false;
    for (size_t k = 0; k < n_skip; k++)
      skipped = skipped || skip[k] == (int32_t)c;
    if (skipped || votes[c] <= 0)
      continue;
    if (b < 0 || votes[c] > votes[b])
      b = (int32_t)c;
  }
  return b;
}

void tly__art2_count(const int64_t *votes, size_t n, int64_t electors,
                     int32_t *president, int32_t *vice, int32_t *top,
                     size_t cap, size_t *n_top)
{
  /* A majority of the whole number of electors: floor(n / 2) + 1; the
   * votes are twice as many as the electors. */
  int64_t majority = electors / 2 + 1;
  *president = -1;
  *vice = -1;
  *n_top = 0;
  int32_t first = best(votes, n, NULL, 0);
  if (first < 0)
    return;
  size_t n_first = 0;
  for (size_t c = 0; c < n; c++)
    n_first += votes[c] == votes[first];
  if (votes[first] >= majority && n_first == 1) {
    *president = first;
    int32_t second = best(votes, n, &first, 1);
    size_t n_second = 0;
    for (size_t c = 0; second >= 0 && c < n; c++)
      n_second += votes[c] == votes[second];
    if (second >= 0 && n_second == 1)
      *vice = second;
    return;
  }
  if (votes[first] >= majority) {
    /* A tie with a majority: the House chooses between those tied. */
    for (size_t c = 0; c < n && *n_top < cap; c++) {
      if (votes[c] == votes[first])
        top[(*n_top)++] = (int32_t)c;
    }
    return;
  }
  /* No majority: the House chooses among the five highest. */
  while (*n_top < cap && *n_top < 5) {
    int32_t b = best(votes, n, top, *n_top);
    if (b < 0)
      break;
    top[(*n_top)++] = b;
  }
}
