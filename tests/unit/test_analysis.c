/*
 * test_analysis.c -- the fewest votes to flip (src/analysis.c) against the
 * acceptance figures of issue 4 and against brute force (over the closest
 * 12 units of 2020, and over every subset of random small Colleges), and
 * the tipping point of 2016 and 2020. Counts: MEDSL (built in).
 */
#include "tally.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const tly_flip_unit *flipped(const tly_flip *f, const char *code)
{
  for (size_t i = 0; i < tly_flip_n_units(f); i++) {
    if (strcmp(tly_flip_unit_at(f, i)->code, code) == 0)
      return tly_flip_unit_at(f, i);
  }
  return NULL;
}

/* Acceptance: WI, MI, PA; 22,748 + 10,704 + 44,292 = 77,744 in margins
 * (MEDSL 2016; WI after its recount, WEC); 38,875 voters switching;
 * Clinton 278 after. */
Test(analysis, flip_2016)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_flip *f = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_flip_compute(e, NULL, &f, &err), TLY_OK, "%s", err.msg);
  int32_t clinton = tly_election_find_candidate(e, "Clinton");
  int32_t trump = tly_election_find_candidate(e, "Trump");
  cr_assert_eq(tly_flip_from(f), trump);
  cr_assert_eq(tly_flip_to(f), clinton);
  cr_assert_eq(tly_flip_n_units(f), 3);
  const tly_flip_unit *wi = flipped(f, "WI");
  const tly_flip_unit *mi = flipped(f, "MI");
  const tly_flip_unit *pa = flipped(f, "PA");
  cr_assert(wi && mi && pa);
  cr_expect_eq(wi->margin, 22748);
  cr_expect_eq(mi->margin, 10704);
  cr_expect_eq(pa->margin, 44292);
  cr_expect_eq(wi->votes_to_move, 11375);
  cr_expect_eq(mi->votes_to_move, 5353);
  cr_expect_eq(pa->votes_to_move, 22147);
  cr_expect_eq(tly_flip_margin_sum(f), 77744);
  cr_expect_eq(tly_flip_voters(f), 38875);
  cr_expect_eq(tly_flip_electors_after(f, (size_t)clinton), 278);
  cr_expect_eq(tly_flip_electors_after(f, (size_t)trump), 260);
  cr_expect_eq(tly_flip_electors_before(f, (size_t)clinton), 232);
  tly_flip_free(f);
  tly_election_free(e);
}

/* Acceptance: a 269-269 tie in 2020 by AZ, GA and WI, 42,918 in margins
 * (MEDSL 2020: AZ 10,457, GA 11,779, WI 20,682). */
Test(analysis, flip_2020_tie)
{
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  tly_flip *f = NULL;
  tly_flip_opts o = {TLY_FLIP_TIE, -1};
  cr_assert_eq(tly_flip_compute(e, &o, &f, NULL), TLY_OK);
  cr_expect_eq(tly_flip_n_units(f), 3);
  cr_expect(flipped(f, "AZ") && flipped(f, "GA") && flipped(f, "WI"));
  cr_expect_eq(tly_flip_margin_sum(f), 42918);
  cr_expect_eq(tly_flip_voters(f), 5229 + 5890 + 10342);
  int32_t biden = tly_election_find_candidate(e, "Biden");
  int32_t trump = tly_election_find_candidate(e, "Trump");
  cr_expect_eq(tly_flip_electors_after(f, (size_t)biden), 269);
  cr_expect_eq(tly_flip_electors_after(f, (size_t)trump), 269);
  tly_flip_free(f);
  tly_election_free(e);
}

/* The 12 units Biden carried in 2020 that were cheapest to flip, with
 * their votes as certified (MEDSL 2020 = the states' certified returns):
 * the brute force below searches all 4,096 subsets of them. */
static const struct {
  const char *code;
  int electors;
  int64_t biden, trump;
} close2020[12] = {
    {"AZ", 11, 1672143, 1661686},  {"GA", 16, 2473633, 2461854},
    {"WI", 10, 1630866, 1610184},  {"NE-2", 1, 176468, 154377},
    {"NV", 6, 703486, 669890},     {"NH", 4, 424921, 365654},
    {"ME", 2, 435072, 360737},     {"PA", 20, 3458229, 3377674},
    {"DE", 3, 296268, 200603},     {"NM", 5, 501614, 401894},
    {"ME-1", 1, 263594, 163665},   {"RI", 4, 307486, 199922},
};

Test(analysis, flip_2020_brute_force)
{
  /* Trump: 232 electors pledged (National Archives 2020), 270 to win. */
  int need = 270 - 232;
  int64_t best = -1;
  unsigned best_set = 0;
  for (unsigned s = 0; s < (1u << 12); s++) {
    int ev = 0;
    int64_t cost = 0;
    for (int i = 0; i < 12; i++) {
      if (s & (1u << i)) {
        ev += close2020[i].electors;
        cost += (close2020[i].biden - close2020[i].trump) / 2 + 1;
      }
    }
    if (ev >= need && (best < 0 || cost < best)) {
      best = cost;
      best_set = s;
    }
  }
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  tly_flip *f = NULL;
  cr_assert_eq(tly_flip_compute(e, NULL, &f, NULL), TLY_OK);
  cr_expect_eq(tly_flip_voters(f), best);
  cr_expect_eq(tly_flip_voters(f), 32507);
  for (int i = 0; i < 12; i++) {
    bool in = (best_set >> i) & 1u;
    cr_expect_eq(flipped(f, close2020[i].code) != NULL, in, "%s",
                 close2020[i].code);
  }
  /* The tie set is not enough: NE-2 has to come too. */
  cr_expect(flipped(f, "NE-2") != NULL);
  int32_t trump = tly_election_find_candidate(e, "Trump");
  cr_expect_eq(tly_flip_electors_after(f, (size_t)trump), 270);
  /* The search was complete: every other unit Biden carried costs more
   * than the whole minimum, so no cheaper set can contain it. */
  int32_t biden = tly_election_find_candidate(e, "Biden");
  tly_outcome *o = NULL;
  cr_assert_eq(tly_college(e, &o, NULL), TLY_OK);
  size_t n_biden = 0;
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    if (w->winner != biden)
      continue;
    n_biden++;
    bool listed = false;
    for (int k = 0; k < 12; k++)
      listed = listed || strcmp(close2020[k].code, w->code) == 0;
    if (listed)
      continue;
    int64_t m = tly_election_votes(e, (size_t)w->unit, (size_t)biden) -
                tly_election_votes(e, (size_t)w->unit, (size_t)trump);
    cr_expect_gt(m / 2 + 1, best, "%s", w->code);
  }
  cr_expect_gt(n_biden, 12);
  tly_outcome_free(o);
  tly_flip_free(f);
  tly_election_free(e);
}

/*---- random small Colleges: the DP against every subset ----*/

static uint64_t lcg(uint64_t *s)
{
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return *s >> 33;
}

Test(analysis, flip_random_brute_force)
{
  static const char *codes[] = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT",
                                "DE", "FL", "GA", "HI", "ID", "IL", "IN"};
  uint64_t seed = 12345;
  int n_checked = 0;
  for (int trial = 0; trial < 200; trial++) {
    int n = 3 + (int)(lcg(&seed) % 12);
    int ev[14];
    int64_t va[14], vb[14], vc[14];
    char csv[4096];
    size_t len = (size_t)snprintf(csv, sizeof csv,
                                  "year,unit,candidate,party,votes,electors\n");
    for (int i = 0; i < n; i++) {
      ev[i] = 1 + (int)(lcg(&seed) % 9);
      va[i] = (int64_t)(lcg(&seed) % 1000);
      vb[i] = (int64_t)(lcg(&seed) % 1000);
      vc[i] = trial % 3 == 0 ? (int64_t)(lcg(&seed) % 400) : 0;
      if (va[i] == vb[i])
        va[i]++; /* no ties for the lead between A and B */
      len += (size_t)snprintf(csv + len, sizeof csv - len,
                              "2020,%s,Ann A,Alpha,%lld,%d\n"
                              "2020,%s,Bob B,Beta,%lld,%d\n"
                              "2020,%s,Cy C,Gamma,%lld,%d\n",
                              codes[i], (long long)va[i], ev[i], codes[i],
                              (long long)vb[i], ev[i], codes[i],
                              (long long)vc[i], ev[i]);
    }
    tly_election *e = NULL;
    tly_error err = {0};
    cr_assert_eq(tly_election_parse("random.csv", csv, len, NULL, NULL, &e,
                                    &err),
                 TLY_OK, "%s", err.msg);
    tly_outcome *o = NULL;
    cr_assert_eq(tly_college(e, &o, NULL), TLY_OK);
    if (tly_outcome_winner(o) < 0) {
      tly_outcome_free(o);
      tly_election_free(e);
      continue;
    }
    int32_t from = tly_outcome_winner(o);
    for (int target = 0; target < 2; target++) {
      tly_flip_opts fo = {(tly_flip_target)target, -1};
      tly_flip *f = NULL;
      tly_status s = tly_flip_compute(e, &fo, &f, NULL);
      int32_t to = s == TLY_OK ? tly_flip_to(f) : -1;
      if (to < 0) {
        /* The runner-up: most pledged after the winner, lower index. */
        for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
          if ((int32_t)c != from &&
              (to < 0 || tly_outcome_pledged(o, c) >
                             tly_outcome_pledged(o, (size_t)to)))
            to = (int32_t)c;
        }
      }
      /* Brute force: each unit's cost is the fewest switchers to `to`,
       * found by trying k = 0, 1, ... directly. */
      int64_t cost[14];
      int held[14];
      size_t nu = tly_outcome_n_awards(o);
      int64_t total = tly_outcome_electors(o);
      int64_t base = tly_outcome_pledged(o, (size_t)to);
      for (size_t i = 0; i < nu; i++) {
        const tly_award *w = tly_outcome_award(o, i);
        held[i] = w->winner == to;
        int64_t v[3];
        for (int c = 0; c < 3; c++)
          v[c] = tly_election_votes(e, (size_t)w->unit, (size_t)c);
        for (int64_t k = 0;; k++) {
          /* Can k switchers (taken greedily from the top) make `to`
           * strictly first? */
          int64_t need = 0;
          for (int c = 0; c < 3; c++) {
            if (c != to && v[c] > v[to] + k - 1)
              need += v[c] - (v[to] + k - 1);
          }
          if (need <= k) {
            cost[i] = k;
            break;
          }
        }
      }
      int64_t best = -1;
      for (unsigned sset = 0; sset < (1u << nu); sset++) {
        int64_t gain = 0, c = 0;
        bool ok = true;
        for (size_t i = 0; i < nu; i++) {
          if (!(sset & (1u << i)))
            continue;
          if (held[i]) {
            ok = false;
            break;
          }
          gain += tly_outcome_award(o, i)->electors;
          c += cost[i];
        }
        if (!ok)
          continue;
        bool hit = target == 0 ? base + gain >= tly_outcome_majority(o)
                               : 2 * (base + gain) == total;
        if (hit && (best < 0 || c < best))
          best = c;
      }
      if (best < 0) {
        cr_expect_neq(s, TLY_OK, "trial %d target %d", trial, target);
      } else {
        cr_assert_eq(s, TLY_OK, "trial %d target %d", trial, target);
        n_checked++;
        cr_expect_eq(tly_flip_voters(f), best, "trial %d target %d", trial,
                     target);
        int64_t after = tly_flip_electors_after(f, (size_t)to);
        if (target == 0)
          cr_expect_geq(after, tly_outcome_majority(o));
        else
          cr_expect_eq(2 * after, total);
      }
      tly_flip_free(f);
    }
    tly_outcome_free(o);
    tly_election_free(e);
  }
  cr_expect_gt(n_checked, 150, "%d cases with a solution", n_checked);
}

Test(analysis, flip_refusals)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_flip *f = NULL;
  tly_error err = {0};
  tly_flip_opts o = {TLY_FLIP_WIN, tly_election_find_candidate(e, "Trump")};
  cr_expect_eq(tly_flip_compute(e, &o, &f, &err), TLY_EINVAL);
  cr_expect_null(f);
  cr_expect_str_eq(err.msg, "Donald Trump already wins");
  /* A third candidate can be the target: every unit can move to Gary
   * Johnson (Libertarian, 0 electors), at a price. */
  o.to = tly_election_find_candidate(e, "Johnson");
  cr_expect_eq(tly_flip_compute(e, &o, &f, &err), TLY_OK, "%s", err.msg);
  cr_expect_geq(tly_flip_electors_after(f, (size_t)o.to), 270);
  tly_flip_free(f);
  tly_election_free(e);
}

/*---- tipping point ----*/

static const tly_tipping_row *tipping_unit(const tly_tipping *t)
{
  return tly_tipping_row_at(t, tly_tipping_point(t));
}

/* Acceptance: Wisconsin, R+0.76 in 2016 (MEDSL: Trump 1,405,284, Clinton
 * 1,382,536 of 2,976,150); Maine's 2nd district, a unit of its own, puts
 * the count at 270 with Wisconsin, not Pennsylvania. */
Test(analysis, tipping_2016)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_tipping *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_tipping_compute(e, &t, &err), TLY_OK, "%s", err.msg);
  const tly_tipping_row *p = tipping_unit(t);
  cr_expect_str_eq(p->code, "WI");
  cr_expect_eq(p->lead, 22748);
  char b[32];
  cr_expect_str_eq(tly_format_percent(p->lead, p->total_votes, 2, b,
                                      sizeof b),
                   "0.76");
  cr_expect_eq(p->cumulative, 270);
  bool me2 = false;
  for (size_t i = 0; i < tly_tipping_point(t); i++)
    me2 = me2 || strcmp(tly_tipping_row_at(t, i)->code, "ME-2") == 0;
  cr_expect(me2, "ME-2 is counted before WI");
  /* Trump trails nationally by 2,868,519 (MEDSL). */
  cr_expect_eq(tly_tipping_national_lead(t), -2868519);
  cr_expect_gt(tly_tipping_tilt_num(t), 0);
  tly_tipping_free(t);
  tly_election_free(e);
}

/* Issue 10: Nebraska's 2nd district (and Maine's two) have no 2008
 * returns in the data, so no margin: they are left out of the order, not
 * sorted first as the safest. The published tipping point is Colorado,
 * D+8.95 (MEDSL 2008: Obama 1,288,576, McCain 1,073,589); Obama's 362
 * electors with a margin reach 270 at Colorado (276), and the 3 without
 * one still count for him (365). */
Test(analysis, tipping_2008_units_without_returns)
{
  tly_election *e = tu_builtin(2008, TLY_SOURCE_MEDSL);
  tly_tipping *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_tipping_compute(e, &t, &err), TLY_OK, "%s", err.msg);
  const tly_tipping_row *p = tipping_unit(t);
  cr_expect_str_eq(p->code, "CO");
  cr_expect_eq(p->lead, 1288576 - 1073589);
  char b[32];
  cr_expect_str_eq(tly_format_percent(p->lead, p->total_votes, 2, b,
                                      sizeof b),
                   "8.95");
  cr_expect_eq(p->cumulative, 276);
  size_t n = tly_tipping_n_ordered(t);
  cr_assert_eq(tly_tipping_n_rows(t), n + 3);
  for (size_t i = 0; i < n; i++)
    cr_expect(!tly_tipping_row_at(t, i)->by_record);
  const char *rest[] = {"ME-1", "ME-2", "NE-2"};
  for (size_t i = 0; i < 3; i++) {
    const tly_tipping_row *x = tly_tipping_row_at(t, n + i);
    cr_expect_str_eq(x->code, rest[i]);
    cr_expect(x->by_record && !x->forced);
  }
  cr_expect_eq(tly_tipping_row_at(t, n + 2)->cumulative, 365);
  tly_tipping_free(t);
  tly_election_free(e);
}

/* Acceptance: Wisconsin, D+0.63 in 2020 against a national D+4.45. */
Test(analysis, tipping_2020)
{
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  tly_tipping *t = NULL;
  cr_assert_eq(tly_tipping_compute(e, &t, NULL), TLY_OK);
  const tly_tipping_row *p = tipping_unit(t);
  cr_expect_str_eq(p->code, "WI");
  char b[32];
  cr_expect_str_eq(tly_format_percent(p->lead, p->total_votes, 2, b,
                                      sizeof b),
                   "0.63");
  cr_expect_str_eq(tly_format_percent(tly_tipping_national_lead(t),
                                      tly_tipping_national_total(t), 2, b,
                                      sizeof b),
                   "4.45");
  /* The tilt is exact: lead_u/total_u - lead_n/total_n. */
  __int128 num = (__int128)p->lead * tly_tipping_national_total(t) -
                 (__int128)tly_tipping_national_lead(t) * p->total_votes;
  cr_expect(num == tly_tipping_tilt_num(t));
  cr_expect_lt(tly_tipping_tilt_num(t), 0);
  /* The order is by margin, largest first. */
  for (size_t i = 1; i < tly_tipping_n_rows(t); i++) {
    const tly_tipping_row *x = tly_tipping_row_at(t, i - 1);
    const tly_tipping_row *y = tly_tipping_row_at(t, i);
    cr_expect((__int128)x->lead * y->total_votes >=
              (__int128)y->lead * x->total_votes);
  }
  tly_tipping_free(t);
  tly_election_free(e);
}

/*---- out of memory ----*/

Test(analysis, out_of_memory)
{
  for (int what = 0; what < 2; what++) {
    bool done = false;
    for (long fail_at = 0; !done && fail_at < 1000; fail_at++) {
      tu_alloc st = {0};
      tly_allocator a = {tu_realloc, &st};
      tly_election *e = NULL;
      cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, &a, &e, NULL),
                   TLY_OK);
      long long before = st.blocks;
      tu_fail_after(&st, fail_at);
      tly_status s;
      if (what == 0) {
        tly_flip *f = NULL;
        s = tly_flip_compute(e, NULL, &f, NULL);
        if (s != TLY_OK)
          cr_expect_null(f);
        tly_flip_free(f);
      } else {
        tly_tipping *t = NULL;
        s = tly_tipping_compute(e, &t, NULL);
        if (s != TLY_OK)
          cr_expect_null(t);
        tly_tipping_free(t);
      }
      if (s == TLY_OK)
        done = true;
      else
        cr_expect_eq(s, TLY_ENOMEM, "fail at %ld", fail_at);
      cr_expect_eq(st.blocks, before, "fail at %ld: leaked", fail_at);
      st.fail_at = 0;
      tly_election_free(e);
      cr_expect_eq(st.blocks, 0);
    }
    cr_expect(done);
  }
}
