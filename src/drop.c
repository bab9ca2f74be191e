/*
 * drop.c -- a candidate leaves the ballot and their votes are reallocated:
 * the what-if "had X not run", with stated shares of X's voters going to
 * the Democratic and the Republican nominee and the rest abstaining. Whole
 * votes per unit, rounded half to even, every count conserved exactly.
 */
#include "results.h"

#include "whatif.h"

#include <stdio.h>
#include <string.h>

/* The votes v of the dropped candidate in one unit split into to_d (to
 * the Democrat) and to_r (to the Republican): to_d = round-half-even(v P /
 * 100), to_d + to_r = round-half-even(v (P + Q) / 100), with P = p /
 * 10^9 and Q = q / 10^9. Rounding is monotone and P + Q <= 100, so 0 <=
 * to_d <= to_d + to_r <= v and the rest, v - to_d - to_r >= 0, abstain.
 * v < 2^63 and p + q <= 10^11 < 2^37: products stay below 2^100. */
static void split_votes(int64_t v, int64_t p, int64_t q, int64_t *to_d,
                        int64_t *to_r)
{
  __int128 den = (__int128)100 * TLY_DROP_SHARE_ONE;
  __int128 d = tly__round_half_even((__int128)v * p, den);
  __int128 dr = tly__round_half_even((__int128)v * (p + q), den);
  *to_d = (int64_t)d;
  *to_r = (int64_t)(dr - d);
}

/* "45" or "12.5": a share in percent x 10^9 as an exact decimal. */
static void format_share(int64_t x, char *buf, size_t size)
{
  int64_t ip = x / TLY_DROP_SHARE_ONE;
  int64_t frac = x % TLY_DROP_SHARE_ONE;
  if (frac == 0) {
    snprintf(buf, size, "%lld", (long long)ip);
    return;
  }
  char f[16];
  snprintf(f, sizeof f, "%09lld", (long long)frac);
  size_t n = strlen(f);
  while (n > 0 && f[n - 1] == '0')
    f[--n] = '\0';
  snprintf(buf, size, "%lld.%s", (long long)ip, f);
}

tly_status tly_whatif_drop(const tly_election *in, const char *candidate,
                           int64_t d_share, int64_t r_share,
                           tly_election **out, tly_error *err)
{
  *out = NULL;
  const int64_t all = 100 * TLY_DROP_SHARE_ONE;
  char sd[32], sr[32];
  if (d_share < 0 || r_share < 0 || d_share > all || r_share > all ||
      d_share + r_share > all) {
    format_share(d_share < 0 ? 0 : d_share, sd, sizeof sd);
    format_share(r_share < 0 ? 0 : r_share, sr, sizeof sr);
    return tly__fail(err, TLY_ERANGE,
                     "drop: shares D %s %% + R %s %% are over 100 %%", sd,
                     sr);
  }
  int32_t x = tly_election_find_candidate(in, candidate);
  if (x < 0)
    return tly__fail(err, TLY_ENOTFOUND,
                     "drop: no candidate \"%.64s\" in %d (or more than one)",
                     candidate, in->year);
  int32_t dc = tly_election_find_candidate(in, "D");
  int32_t rc = tly_election_find_candidate(in, "R");
  if ((d_share > 0 && dc < 0) || (r_share > 0 && rc < 0))
    return tly__fail(err, TLY_ENOTFOUND, "drop: no %s nominee in %d",
                     d_share > 0 && dc < 0 ? "Democratic" : "Republican",
                     in->year);
  if ((d_share > 0 && dc == x) || (r_share > 0 && rc == x))
    return tly__fail(err, TLY_EINVAL,
                     "drop: %s's votes cannot go to %s", in->cands[x].name,
                     in->cands[x].name);
  size_t nc = in->n_cands;
  tly_election *e = NULL;
  tly_status s = tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    return s;
  int64_t n_votes = 0, n_d = 0, n_r = 0;
  for (size_t u = 0; u < in->n_units; u++) {
    const tly_unit *un = &in->units[u];
    int64_t v = in->votes[u * nc + (size_t)x];
    int64_t to_d = 0, to_r = 0;
    split_votes(v, d_share, r_share, &to_d, &to_r);
    if (un->parent < 0) {
      /* A state with district returns: the sum of its parts' moves and of
       * its votes outside any district, so state and districts agree. */
      int64_t sv = 0, sd_ = 0, sr_ = 0;
      size_t n_dist = 0;
      bool all_returns = true;
      for (size_t j = 0; j < in->n_units; j++) {
        if (in->units[j].parent != (int32_t)u)
          continue;
        n_dist++;
        all_returns = all_returns && in->units[j].has_votes;
        int64_t jd, jr;
        int64_t jv = in->votes[j * nc + (size_t)x];
        split_votes(jv, d_share, r_share, &jd, &jr);
        sv += jv; /* parts of a checked state count: no overflow */
        sd_ += jd;
        sr_ += jr;
      }
      if (n_dist > 0 && all_returns && sv <= v) {
        int64_t od, orr;
        split_votes(v - sv, d_share, r_share, &od, &orr);
        to_d = sd_ + od;
        to_r = sr_ + orr;
      }
      n_votes += v; /* the national count of a checked election */
      n_d += to_d;
      n_r += to_r;
    }
    e->votes[u * nc + (size_t)x] = 0;
    if (to_d > 0)
      e->votes[u * nc + (size_t)dc] += to_d; /* <= the unit's total */
    if (to_r > 0)
      e->votes[u * nc + (size_t)rc] += to_r;
    e->totals[u] -= v - to_d - to_r;
  }
  char line[512], bv[32], bd[32], br[32], ba[32];
  format_share(d_share, sd, sizeof sd);
  format_share(r_share, sr, sizeof sr);
  tly_format_count(n_votes, bv, sizeof bv);
  tly_format_count(n_d, bd, sizeof bd);
  tly_format_count(n_r, br, sizeof br);
  tly_format_count(n_votes - n_d - n_r, ba, sizeof ba);
  if (d_share == 0 && r_share == 0)
    snprintf(line, sizeof line,
             "%s dropped: their %s votes leave the count (no one else "
             "gets them)",
             in->cands[x].name, bv);
  else
    snprintf(line, sizeof line,
             "%s dropped: of their %s votes, %s (%s %%) go to %s, %s "
             "(%s %%) to %s and %s abstain (whole votes in each state and "
             "district, rounded half to even)",
             in->cands[x].name, bv, bd, sd,
             dc >= 0 ? in->cands[dc].name : "the Democrat", br, sr,
             rc >= 0 ? in->cands[rc].name : "the Republican", ba);
  s = tly__election_note(e, err, "%s", line);
  if (s != TLY_OK) {
    tly_election_free(e);
    return s;
  }
  *out = e;
  return TLY_OK;
}
