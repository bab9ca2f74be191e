/*
 * test_process_audit.c -- src/audit.c: BRAVO's expected sample size
 * against the example in process-facts.md §5 (Stark's ballotPollTools
 * formula: p_w = .55, p_l = .45, a = .10 -> about 469; a = .05 -> about
 * 608), k_min(100) = 64 there, the SPRT consistency of k_min, and the
 * seeded simulation (reproducible, never beyond its caps).
 */
#include "internal.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>

#include "testutil.h"

Test(process_audit, asn_example)
{
  double asn = 0;
  cr_assert_eq(tly_bravo_asn(0.10, 0.55, 0.45, &asn, NULL), TLY_OK);
  cr_assert_eq(lround(asn), 469, "asn %f", asn);
  cr_assert(fabs(asn - 469.26) < 0.01, "asn %f", asn);
  cr_assert_eq(tly_bravo_asn(0.05, 0.55, 0.45, &asn, NULL), TLY_OK);
  cr_assert_eq(lround(asn), 608, "asn %f", asn);
}

Test(process_audit, asn_errors)
{
  double asn;
  tly_error err = {0};
  cr_assert_eq(tly_bravo_asn(0, 0.55, 0.45, &asn, &err), TLY_EINVAL);
  cr_assert_eq(tly_bravo_asn(1, 0.55, 0.45, &asn, &err), TLY_EINVAL);
  cr_assert_eq(tly_bravo_asn(0.1, 0.5, 0.5, &asn, &err), TLY_EINVAL);
  cr_assert_eq(tly_bravo_asn(0.1, 0.45, 0.55, &asn, &err), TLY_EINVAL);
  cr_assert_eq(tly_bravo_asn(0.1, 0.6, 0.5, &asn, &err), TLY_EINVAL);
  cr_assert_eq(tly_bravo_asn(0.1, NAN, 0.5, &asn, &err), TLY_EINVAL);
}

Test(process_audit, kmin_example)
{
  int64_t k;
  cr_assert_eq(tly_bravo_kmin(0.10, 0.55, 100, &k, NULL), TLY_OK);
  cr_assert_eq(k, 64);
  /* With no loser ballots the audit stops after ceil(ln 10 / ln 1.1) =
   * 25 winner ballots. */
  cr_assert_eq(tly_bravo_kmin(0.10, 0.55, 25, &k, NULL), TLY_OK);
  cr_assert_eq(k, 25);
  cr_assert_eq(tly_bravo_kmin(0.10, 0.55, 24, &k, NULL), TLY_OK);
  cr_assert_gt(k, 24);
  tly_error err = {0};
  cr_assert_eq(tly_bravo_kmin(0.10, 0.5, 100, &k, &err), TLY_EINVAL);
}

/* k_min(n) is the least k whose likelihood ratio reaches 1/a, and it
 * never decreases with n. */
Test(process_audit, kmin_is_the_sprt)
{
  double s = 0.52, a = 0.05;
  double lw = log(2 * s), ll = log(2 - 2 * s), target = log(1 / a);
  int64_t prev = 0;
  for (int64_t n = 0; n <= 5000; n += 7) {
    int64_t k;
    cr_assert_eq(tly_bravo_kmin(a, s, n, &k, NULL), TLY_OK);
    cr_assert((double)k * lw + (double)(n - k) * ll >= target, "n %lld",
              (long long)n);
    cr_assert((double)(k - 1) * lw + (double)(n - k + 1) * ll < target,
              "n %lld", (long long)n);
    cr_assert_geq(k, prev);
    prev = k;
  }
}

static tly_bravo_result sim(uint64_t seed, int64_t trials)
{
  tly_bravo_opts o = {.risk = 0.10, .p_winner = 0.55, .p_loser = 0.45,
                      .seed = seed, .trials = trials,
                      .max_sample = 1000000};
  tly_bravo_result r;
  tly_error err = {0};
  cr_assert_eq(tly_bravo_simulate(&o, &r, &err), TLY_OK, "%s", err.msg);
  return r;
}

/* The same seed gives the same distribution; the simulated mean sits near
 * the ASN (Wald's approximation ignores the overshoot, so a little
 * above the simulated mean); no audit stops before 25 ballots. */
Test(process_audit, simulation)
{
  tly_bravo_result a = sim(7, 4000), b = sim(7, 4000), c = sim(8, 4000);
  cr_assert(a.practical);
  cr_assert_eq(a.trials, 4000);
  for (size_t i = 0; i < TLY_BRAVO_NQ; i++)
    cr_assert_eq(a.quantiles[i], b.quantiles[i]);
  cr_assert_eq(a.mean, b.mean);
  cr_assert_neq(a.mean, c.mean);
  cr_assert(a.mean > 0.85 * a.asn && a.mean < 1.05 * a.asn, "mean %f",
            a.mean);
  cr_assert_geq(a.quantiles[0], 25);
  for (size_t i = 1; i < TLY_BRAVO_NQ; i++)
    cr_assert_geq(a.quantiles[i], a.quantiles[i - 1]);
  cr_assert_eq(a.escalated, 0);
}

/* A margin too small: the ASN exceeds the ballots, nothing is simulated. */
Test(process_audit, impractical)
{
  tly_bravo_opts o = {.risk = 0.05, .p_winner = 0.5001, .p_loser = 0.4999,
                      .ballots = 1000000, .seed = 1, .trials = 1000,
                      .max_sample = 1000000};
  tly_bravo_result r;
  cr_assert_eq(tly_bravo_simulate(&o, &r, NULL), TLY_OK);
  cr_assert(!r.practical);
  cr_assert_eq(r.trials, 0);
  cr_assert_gt(r.asn, 1e6);
  cr_assert_eq(r.quantiles[1], -1);
}

/* A small cap makes audits escalate, and the quantiles say so. */
Test(process_audit, escalation)
{
  tly_bravo_opts o = {.risk = 0.10, .p_winner = 0.55, .p_loser = 0.45,
                      .seed = 3, .trials = 1000, .max_sample = 500};
  tly_bravo_result r;
  cr_assert_eq(tly_bravo_simulate(&o, &r, NULL), TLY_OK);
  cr_assert(r.practical); /* ASN 469 < 500 */
  cr_assert_gt(r.escalated, 0);
  cr_assert_lt(r.escalated, 1000);
  cr_assert_eq(r.quantiles[TLY_BRAVO_NQ - 1], -1); /* the 99th escalated */
  cr_assert_geq(r.quantiles[0], 25);
  o.trials = 0;
  cr_assert_eq(tly_bravo_simulate(&o, &r, NULL), TLY_EINVAL);
}

/* Issue 10: trials whose expected draws exceed the budget (10^9 ballots
 * in all) are refused up front with the most that fit, never run in part.
 * Michigan 2016's reported shares (MEDSL: Trump 2,279,543, Clinton
 * 2,268,839 of 4,799,284) give an ASN of about 1.14 million ballots. */
Test(process_audit, too_many_trials_refused_not_truncated)
{
  tly_bravo_opts o = {.risk = 0.05, .p_winner = 2279543.0 / 4799284,
                      .p_loser = 2268839.0 / 4799284, .ballots = 4799284,
                      .seed = 20121108, .trials = 2000,
                      .max_sample = 4799284};
  tly_bravo_result r;
  tly_error err = {0};
  cr_assert_eq(tly_bravo_simulate(&o, &r, &err), TLY_ERANGE);
  cr_expect_str_eq(err.msg,
                   "2,000 simulated audits of about 1,141,943 ballots each "
                   "would draw more than the limit of 1,000,000,000 ballots "
                   "in all: ask for at most 875 trials");
  /* What fits runs whole: every trial asked. */
  o.trials = 20;
  cr_assert_eq(tly_bravo_simulate(&o, &r, &err), TLY_OK, "%s", err.msg);
  cr_expect_eq(r.trials, 20);
}

/* The stopping samples' array is the one allocation: failing it gives
 * TLY_ENOMEM and nothing else. */
Test(process_audit, out_of_memory)
{
  tu_alloc st = {0};
  tu_fail_after(&st, 0); /* every allocation fails */
  tly_allocator a = {tu_realloc, &st};
  tly_bravo_opts o = {.risk = 0.10, .p_winner = 0.55, .p_loser = 0.45,
                      .seed = 1, .trials = 10, .max_sample = 1000,
                      .alloc = &a};
  tly_bravo_result r;
  tly_error err = {0};
  cr_assert_eq(tly_bravo_simulate(&o, &r, &err), TLY_ENOMEM);
  cr_assert_eq(err.status, TLY_ENOMEM);
  cr_assert_eq(st.blocks, 0);
}

/*---- A state's contest, the defaults, the ladder ----*/

/* Wisconsin 2016 (MEDSL, as certified after the recount; WEC): Trump
 * 1,405,284, Clinton 1,382,536 of 2,976,150 votes for the office. */
Test(process_audit, contest_wisconsin_2016)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_bravo_opts o = {.risk = 0.10};
  tly_bravo_contest c;
  tly_error err = {0};
  cr_assert_eq(tly_bravo_contest_find(e, "WI", &o, &c, &err), TLY_OK, "%s",
               err.msg);
  cr_assert_str_eq(tly_election_candidate(e, (size_t)c.winner)->name,
                   "Donald Trump");
  cr_assert_str_eq(tly_election_candidate(e, (size_t)c.loser)->name,
                   "Hillary Clinton");
  cr_assert_eq(c.winner_votes, 1405284);
  cr_assert_eq(c.loser_votes, 1382536);
  cr_assert_eq(c.total_votes, 2976150);
  cr_assert_eq(o.ballots, 2976150);
  cr_assert_eq(o.p_winner, 1405284.0 / 2976150);
  cr_assert_eq(o.p_loser, 1382536.0 / 2976150);
  cr_assert_str_eq(tly_election_unit(e, (size_t)c.unit)->code, "WI");
  /* c may be NULL. */
  tly_bravo_opts o2 = {0};
  cr_assert_eq(tly_bravo_contest_find(e, "wi", &o2, NULL, &err), TLY_OK);
  cr_assert_eq(o2.ballots, 2976150);
  tly_election_free(e);
}

/* Not a state with votes: a district, an unknown code; nothing changed. */
Test(process_audit, contest_unknown_state)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_bravo_opts o = {.ballots = 7};
  tly_bravo_contest c = {.unit = -5};
  tly_error err = {0};
  cr_assert_eq(tly_bravo_contest_find(e, "XX", &o, &c, &err),
               TLY_ENOTFOUND);
  cr_assert_str_eq(err.msg, "unknown state 'XX'");
  cr_assert_eq(tly_bravo_contest_find(e, "ME-2", &o, &c, &err),
               TLY_ENOTFOUND);
  cr_assert_eq(o.ballots, 7);
  cr_assert_eq(c.unit, -5);
  tly_election_free(e);
}

/* A tie between the top two, and a runner-up without votes, cannot be
 * audited by ballot polling. */
Test(process_audit, contest_tied_or_alone)
{
  tly_election *e = tu_parse("year,unit,candidate,party,votes\n"
                             "2016,DE,Ann,A,100\n2016,DE,Bob,B,100\n"
                             "2016,VT,Ann,A,100\n2016,VT,Bob,B,0\n");
  tly_bravo_opts o = {0};
  tly_error err = {0};
  cr_assert_eq(tly_bravo_contest_find(e, "DE", &o, NULL, &err), TLY_EINVAL);
  cr_assert_str_eq(err.msg, "DE: the top two are tied: no ballot-polling "
                            "audit can confirm a winner; a full hand count "
                            "is needed");
  cr_assert_eq(tly_bravo_contest_find(e, "VT", &o, NULL, &err), TLY_EINVAL);
  cr_assert_str_eq(err.msg, "VT: the top two are 100: no ballot-polling "
                            "audit can confirm a winner; a full hand count "
                            "is needed");
  cr_assert_eq(o.ballots, 0);
  tly_election_free(e);
}

/* Equal shares given directly are refused with the same advice. */
Test(process_audit, shares_tied)
{
  double asn;
  tly_error err = {0};
  cr_assert_eq(tly_bravo_asn(0.05, 0.5, 0.5, &asn, &err), TLY_EINVAL);
  cr_assert_str_eq(err.msg, "shares tied: no ballot-polling audit can "
                            "confirm a winner; a full hand count is needed");
}

/* Defaults: max_sample from the ballots (or 10^6 when unknown); trials
 * 1,000, or for Michigan 2016 (MEDSL: Trump 2,279,543, Clinton 2,268,839
 * of 4,799,284) the 875 that fit the budget; given values are kept. */
Test(process_audit, defaults)
{
  tly_bravo_opts o = {.risk = 0.10, .p_winner = 0.55, .p_loser = 0.45};
  cr_assert(!tly_bravo_defaults(&o));
  cr_assert_eq(o.max_sample, TLY_BRAVO_MAX_SAMPLE);
  cr_assert_eq(o.trials, TLY_BRAVO_TRIALS);
  cr_assert_eq(o.seed, 0);
  tly_bravo_opts mi = {.risk = 0.05, .p_winner = 2279543.0 / 4799284,
                       .p_loser = 2268839.0 / 4799284, .ballots = 4799284};
  cr_assert(tly_bravo_defaults(&mi));
  cr_assert_eq(mi.max_sample, 4799284);
  cr_assert_eq(mi.trials, 875);
  tly_bravo_opts given = mi;
  given.trials = 2000;
  given.max_sample = 10;
  cr_assert(!tly_bravo_defaults(&given));
  cr_assert_eq(given.trials, 2000);
  cr_assert_eq(given.max_sample, 10);
  /* Invalid shares: nothing fits, the default stays for simulate to
   * refuse. */
  tly_bravo_opts bad = {.risk = 0.05, .p_winner = 0.5, .p_loser = 0.5};
  cr_assert(!tly_bravo_defaults(&bad));
  cr_assert_eq(bad.trials, TLY_BRAVO_TRIALS);
}

/* The ladder stops at the first n at or past 4 ASN (p_w + p_l), or at
 * max_sample; never more than cap. */
Test(process_audit, ladder)
{
  tly_bravo_opts o = {.risk = 0.10, .p_winner = 0.55, .p_loser = 0.45,
                      .trials = 10, .seed = 1, .max_sample = 1000000};
  tly_bravo_result r;
  cr_assert_eq(tly_bravo_simulate(&o, &r, NULL), TLY_OK);
  int64_t n_at[16];
  size_t n = tly_bravo_ladder(&o, &r, n_at, 16);
  /* 4 x 469.3 = 1,877: 10, 20, 50, 100, 200, 500, 1000, 2000. */
  static const int64_t want[] = {10, 20, 50, 100, 200, 500, 1000, 2000};
  cr_assert_eq(n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < n; i++)
    cr_assert_eq(n_at[i], want[i]);
  o.max_sample = 150;
  cr_assert_eq(tly_bravo_ladder(&o, &r, n_at, 16), 5); /* ... 100, 200 */
  cr_assert_eq(tly_bravo_ladder(&o, &r, n_at, 3), 3);
  cr_assert_eq(n_at[2], 50);
}
