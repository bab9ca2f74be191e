/*
 * test_district.c -- the district method in every state (district.c):
 * 2 electors to the statewide winner and 1 to each congressional
 * district's, districts from the built-in results (The Downballot).
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <string.h>

#include "testutil.h"

static tly_election *builtin(int year)
{
  tly_election *e = NULL;
  tly_error err;
  cr_assert_eq(tly_election_builtin(year, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK, "%s", err.msg);
  return e;
}

static int64_t pledged_to(const tly_election *e, const tly_outcome *o,
                          const char *who)
{
  int32_t c = tly_election_find_candidate(e, who);
  cr_assert(c >= 0, "%s", who);
  return tly_outcome_pledged(o, (size_t)c);
}

/* The election of `year` under the district method, its College in *o. */
static tly_election *district(const tly_election *e, tly_outcome **o)
{
  tly_election *w = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_rule(e, TLY_RULE_DISTRICT, &w, &err), TLY_OK,
               "%s", err.msg);
  cr_assert_eq(tly_college(w, o, &err), TLY_OK, "%s", err.msg);
  return w;
}

Test(district, the_2012_college)
{
  /* Romney 274, Obama 264: the figure published for the district method
   * in 2012 (Romney carried 226 districts, Obama 209: The Downballot,
   * "Presidential results by congressional district"). */
  tly_election *e = builtin(2012);
  tly_outcome *o = NULL;
  tly_election *w = district(e, &o);
  cr_assert_eq(pledged_to(w, o, "Romney"), 274);
  cr_assert_eq(pledged_to(w, o, "Obama"), 264);
  cr_assert_eq(tly_outcome_electors(o), 538);
  /* Every district of a state of more than one seat is a unit: 435 less
   * the districts of the 7 states of one seat in 2012 (AK DE MT ND SD VT
   * WY), beside the 50 states and DC. */
  size_t n_dist = 0;
  for (size_t u = 0; u < tly_election_n_units(w); u++)
    n_dist += tly_election_unit(w, u)->parent >= 0;
  cr_assert_eq(n_dist, 435 - 7);
  cr_assert_eq(tly_election_n_units(w), 51 + 428);
  /* A district unit: PA-7, 1 elector, the D and R counts of the table. */
  int32_t pa7 = tly_election_find_unit(w, "PA-7");
  cr_assert(pa7 >= 0);
  cr_assert_eq(tly_election_unit(w, (size_t)pa7)->electors, 1);
  cr_assert(tly_election_unit(w, (size_t)pa7)->has_votes);
  /* The notes name the source of the district results. */
  cr_assert(strstr(tly_election_notes(w), "The Downballot") != NULL);
  /* The input is untouched; applying the rule again adds nothing. */
  cr_assert_eq(tly_election_n_units(e), 56);
  tly_election *w2 = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_rule(w, TLY_RULE_DISTRICT, &w2, &err), TLY_OK);
  cr_assert_eq(tly_election_n_units(w2), tly_election_n_units(w));
  tly_election_free(w2);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(district, approximate_years_say_so)
{
  tly_election *e = builtin(2020);
  tly_outcome *o = NULL;
  tly_election *w = district(e, &o);
  cr_assert(strstr(tly_election_notes(w), "approximate") != NULL, "%s",
            tly_election_notes(w));
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(district, years_without_district_results)
{
  tly_election *e = builtin(2004);
  tly_election *w = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_rule(e, TLY_RULE_DISTRICT, &w, &err),
               TLY_EUNSUPPORTED);
  cr_assert_null(w);
  cr_assert(strstr(err.msg, "2008-2024") != NULL, "%s", err.msg);
  tly_election_free(e);
}

Test(district, not_with_a_reapportioned_house)
{
  tly_election *e = builtin(2016);
  const char *wo[] = {"CA"};
  tly_whatif_opts op = {.without = wo, .n_without = 1, .reapportion = true,
                        .rule = TLY_RULE_DISTRICT};
  tly_election *w = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_apply(e, &op, &w, &err), TLY_EINVAL);
  cr_assert_null(w);
  cr_assert(strstr(err.msg, "reapportion") != NULL, "%s", err.msg);
  tly_election_free(e);
}

Test(district, swing_and_set_reach_the_districts)
{
  /* In tly_whatif_apply the districts are units before the swing and the
   * set: a swing of 10 points toward Harris moves every district, and
   * setting TX forces its 38 districts with it. */
  tly_election *e = builtin(2024);
  tly_whatif_opts op = {.swing = true, .swing_num = 10, .swing_den = 1,
                        .rule = TLY_RULE_DISTRICT};
  tly_election *w = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_apply(e, &op, &w, &err), TLY_OK, "%s", err.msg);
  int32_t u = tly_election_find_unit(w, "TX-15");
  int32_t d = tly_election_find_candidate(w, "D");
  int32_t r = tly_election_find_candidate(w, "R");
  /* TX-15 2024 (The Downballot): Harris 93,470, Trump 134,492 (the
   * committed data/district_results.csv); X/200 x (D + R) = 11,398.1. */
  cr_assert_eq(tly_election_votes(w, (size_t)u, (size_t)d), 93470 + 11398);
  cr_assert_eq(tly_election_votes(w, (size_t)u, (size_t)r), 134492 - 11398);
  cr_assert(strstr(tly_election_notes(w), "hold more") == NULL, "%s",
            tly_election_notes(w));
  tly_election_free(w);
  tly_whatif_opts op2 = {.set = (tly_assign[]){{"TX", "D"}},
                         .n_set = 1, .rule = TLY_RULE_DISTRICT};
  cr_assert_eq(tly_whatif_apply(e, &op2, &w, &err), TLY_OK, "%s", err.msg);
  tly_outcome *o = NULL;
  cr_assert_eq(tly_college(w, &o, &err), TLY_OK);
  /* 246 + TX's 40 (the 11 districts Harris carried are hers already). */
  cr_assert_eq(pledged_to(w, o, "D"), 246 + 40 - 11);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(district_oom, every_allocation)
{
  /* Loaded with an allocator that does not fail yet; then every what-if
   * allocation fails in turn (what-ifs use their input's allocator). */
  for (long long k = 1;; k++) {
    tu_alloc f = {0};
    tly_allocator a = {tu_realloc, &f};
    tly_election *e = NULL;
    tly_error err;
    cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, &a, &e, &err),
                 TLY_OK);
    f.count = 0;
    f.fail_at = k;
    tly_election *w = NULL;
    tly_status s = tly_whatif_rule(e, TLY_RULE_DISTRICT, &w, &err);
    cr_assert(s == TLY_OK || s == TLY_ENOMEM, "allocation %lld: %s", k,
              err.msg);
    if (s != TLY_OK)
      cr_assert_null(w);
    bool done = s == TLY_OK && f.count < k;
    tly_election_free(w);
    f.fail_at = 0;
    tly_election_free(e);
    cr_assert_eq(f.blocks, 0, "leak at allocation %lld", k);
    cr_assert_eq(f.bytes, 0, "bytes left at allocation %lld", k);
    if (done)
      break;
    cr_assert(k < 100000);
  }
}
