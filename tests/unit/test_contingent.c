/*
 * test_contingent.c -- the contingent election decided (contingent.c) and
 * third-party votes reallocated (drop.c): the House of the 117th Congress
 * on a 269-269 tie (27 Republican delegations, 20 Democratic, 3 tied:
 * ../shared/data/README.md, from unitedstates/congress-legislators), the
 * Senate at its convening (51 Republicans), delegations given, states
 * leaving, no majority of the states, and Nader's 2000 votes reallocated
 * with every count conserved, checked against rounding written here.
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <string.h>

#include "testutil.h"

static tly_outcome *college(const tly_election *e)
{
  tly_outcome *o = NULL;
  tly_error err;
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK, "%s", err.msg);
  return o;
}

static tly_election *apply(const tly_election *in, const tly_whatif_opts *op)
{
  tly_election *w = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_apply(in, op, &w, &err), TLY_OK, "%s", err.msg);
  return w;
}

static int32_t cand(const tly_election *e, const char *who)
{
  int32_t c = tly_election_find_candidate(e, who);
  cr_assert(c >= 0, "no candidate %s", who);
  return c;
}

/* The House's count for candidate c, from the decision. */
static int64_t states_for(const tly_contingent *k, int32_t c)
{
  for (size_t i = 0; i < k->n_top; i++)
    if (k->top[i] == c)
      return k->state_votes[i];
  return -1;
}

static const tly_assign flip3[] = {
    {"AZ", "Trump"}, {"GA", "Trump"}, {"WI", "Trump"}};

/*==== The House and the Senate ============================================*/

Test(contingent, tie_269_2020_house_117th_elects_trump_senate_pence)
{
  /* AZ 11, GA 16, WI 10 to Trump: 232 + 37 = 269, Biden 306 - 37 = 269
   * (National Archives 2020 pledged). The 117th Congress at convening
   * (3 Jan 2021): R 27, D 20, tied 3 (MI, MN, PA); Senate 51 R, 46 D, 2
   * independents, Georgia's second seat vacant (Perdue's term ended). */
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  tly_whatif_opts op = {.set = flip3, .n_set = 3};
  tly_election *w = apply(e, &op);
  tly_outcome *o = college(w);
  cr_assert_eq(tly_outcome_winner(o), -1);
  cr_assert_eq(tly_outcome_pledged(o, (size_t)cand(w, "Trump")), 269);
  cr_assert_eq(tly_outcome_pledged(o, (size_t)cand(w, "Biden")), 269);
  tly_contingent k;
  tly_error err;
  cr_assert_eq(tly_contingent_decide(w, o, &k, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(k.congress, 117);
  cr_assert_eq(k.convened, 2021);
  cr_assert_eq(k.n_states, 50);
  cr_assert_eq(k.states_needed, 26);
  cr_assert_eq(states_for(&k, cand(w, "Trump")), 27);
  cr_assert_eq(states_for(&k, cand(w, "Biden")), 20);
  cr_assert_eq(k.n_split, 3);
  cr_assert_eq(k.n_unknown, 0);
  char split[32] = "";
  for (size_t i = 0; i < k.n_states; i++)
    if (k.states[i].delegation == TLY_DELEGATION_SPLIT)
      strcat(split, k.states[i].code);
  cr_assert_str_eq(split, "MIMNPA");
  cr_assert_eq(k.president, cand(w, "Trump"));
  cr_assert_eq(k.senate_r, 51);
  cr_assert_eq(k.senate_d, 46);
  cr_assert_eq(k.senate_other, 2);
  cr_assert_eq(k.senators, 100);
  cr_assert_eq(k.senate_needed, 51);
  cr_assert_eq(k.n_vp, 2);
  cr_assert(k.vice_president >= 0);
  cr_assert_str_eq(k.vp_name[k.vice_president], "Mike Pence");
  for (size_t i = 0; i < 2; i++)
    if (strcmp(k.vp_name[i], "Kamala Harris") == 0)
      cr_assert_eq(k.senate_votes[i], 46);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(contingent, proportional_2016_among_three_115th)
{
  /* Under Hamilton's proportional rule no one has 270; the House chooses
   * among Trump, Clinton and Johnson. 115th Congress (Jan 2017): R 32,
   * D 17, tied 1 (ME); Senate 52 R, 46 D, 2 independents. */
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_whatif_opts op = {.rule = TLY_RULE_PROP_HAMILTON};
  tly_election *w = apply(e, &op);
  tly_outcome *o = college(w);
  tly_contingent k;
  tly_error err;
  cr_assert_eq(tly_contingent_decide(w, o, &k, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(k.n_top, 3);
  cr_assert_eq(k.top[0], cand(w, "Trump"));
  cr_assert_eq(k.top[1], cand(w, "Clinton"));
  cr_assert_eq(k.top[2], cand(w, "Johnson"));
  cr_assert_eq(k.state_votes[0], 32);
  cr_assert_eq(k.state_votes[1], 17);
  cr_assert_eq(k.state_votes[2], 0);
  cr_assert_eq(k.n_split, 1);
  cr_assert_eq(k.president, cand(w, "Trump"));
  cr_assert_str_eq(k.vp_name[0], "Mike Pence");
  cr_assert_str_eq(k.vp_name[1], "Tim Kaine");
  cr_assert_eq(k.senate_votes[0], 52);
  cr_assert_eq(k.senate_votes[1], 46);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(contingent, states_leaving_recompute_the_majority_of_states)
{
  /* Without WY (3, Trump; R delegation) and VT (3, Biden; D): 266-266 of
   * 532, majority 267. 48 states: 25 needed; Trump 26, Biden 19. The
   * whole Senate is 96: 49 needed. */
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  const char *wo[] = {"WY", "VT"};
  tly_whatif_opts op = {.without = wo, .n_without = 2, .set = flip3,
                        .n_set = 3};
  tly_election *w = apply(e, &op);
  tly_outcome *o = college(w);
  cr_assert_eq(tly_outcome_winner(o), -1);
  tly_contingent k;
  tly_error err;
  cr_assert_eq(tly_contingent_decide(w, o, &k, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(k.n_states, 48);
  cr_assert_eq(k.states_needed, 25);
  cr_assert_eq(states_for(&k, cand(w, "Trump")), 26);
  cr_assert_eq(states_for(&k, cand(w, "Biden")), 19);
  cr_assert_eq(k.senators, 96);
  cr_assert_eq(k.senate_needed, 49);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(contingent, delegations_given_and_no_majority_of_states)
{
  /* TX and FL (Republican delegations) given as split: Trump 25 of 26
   * needed, Biden 20: the House has not chosen, and Pence, chosen by the
   * Senate, acts as President. MI and PA given R: 29 would elect. */
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  tly_delegation_assign dl[] = {{"TX", TLY_DELEGATION_SPLIT},
                                {"FL", TLY_DELEGATION_SPLIT}};
  tly_whatif_opts op = {.set = flip3, .n_set = 3, .delegation = dl,
                        .n_delegation = 2};
  tly_election *w = apply(e, &op);
  tly_outcome *o = college(w);
  tly_contingent k;
  tly_error err;
  cr_assert_eq(tly_contingent_decide(w, o, &k, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(states_for(&k, cand(w, "Trump")), 25);
  cr_assert_eq(k.n_split, 5);
  cr_assert_eq(k.president, -1);
  cr_assert(k.vice_president >= 0);
  cr_assert_str_eq(k.vp_name[k.vice_president], "Mike Pence");
  tly_outcome_free(o);
  tly_election_free(w);
  tly_delegation_assign dl2[] = {{"MI", TLY_DELEGATION_R},
                                 {"PA", TLY_DELEGATION_R}};
  op.delegation = dl2;
  w = apply(e, &op);
  o = college(w);
  cr_assert_eq(tly_contingent_decide(w, o, &k, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(states_for(&k, cand(w, "Trump")), 29);
  cr_assert_eq(k.n_split, 1);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(contingent, refusals)
{
  tly_error err;
  tly_contingent k;
  /* A winner: nothing to decide. */
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  tly_outcome *o = college(e);
  cr_assert_eq(tly_contingent_decide(e, o, &k, &err), TLY_EINVAL);
  tly_outcome_free(o);
  /* Unknown and absent states, DC, a district. */
  tly_election *w = NULL;
  cr_assert_eq(tly_whatif_delegation(e, "XX", TLY_DELEGATION_R, &w, &err),
               TLY_ENOTFOUND);
  cr_assert_str_eq(err.msg, "delegation: unknown state \"XX\"");
  cr_assert_eq(tly_whatif_delegation(e, "DC", TLY_DELEGATION_R, &w, &err),
               TLY_EINVAL);
  cr_assert_eq(tly_whatif_delegation(e, "NE-2", TLY_DELEGATION_R, &w, &err),
               TLY_EINVAL);
  cr_assert_null(w);
  tly_election_free(e);
  /* 1824 (the record: the House chose Adams): no delegations built in. */
  e = tu_builtin(1824, TLY_SOURCE_HISTORY);
  o = college(e);
  cr_assert_eq(tly_outcome_winner(o), -1);
  cr_assert_eq(tly_contingent_decide(e, o, &k, &err), TLY_ENODATA);
  tly_outcome_free(o);
  tly_election_free(e);
}

/*==== Third-party votes reallocated =======================================*/

/* round-half-even(v * p / 100), written independently of the library. */
static int64_t rhe_pct(int64_t v, int64_t p)
{
  int64_t n = v * p;
  int64_t q = n / 100;
  int64_t r = n % 100;
  if (r > 50 || (r == 50 && q % 2 != 0))
    q++;
  return q;
}

Test(drop, nader_2000_conserved_gore_wins_florida)
{
  /* FEC, Federal Elections 2000, Florida: Bush 2,912,790, Gore 2,912,253,
   * Nader 97,488 (MEDSL the same). 45 % to Gore: rhe(43,869.6) = 43,870;
   * 65 % together: rhe(63,367.2) = 63,367, so 19,497 to Bush: Gore leads
   * by 2,956,123 - 2,932,287 = 23,836 and takes the 25 electors. */
  tly_election *e = tu_builtin(2000, TLY_SOURCE_MEDSL);
  tly_drop d = {"Nader", 45 * TLY_DROP_SHARE_ONE, 20 * TLY_DROP_SHARE_ONE};
  tly_whatif_opts op = {.drop = &d, .n_drop = 1};
  tly_election *w = apply(e, &op);
  size_t gore = (size_t)cand(e, "Gore"), bush = (size_t)cand(e, "Bush");
  size_t nader = (size_t)cand(e, "Nader");
  int32_t fl = tly_election_find_unit(e, "FL");
  cr_assert_eq(tly_election_votes(w, (size_t)fl, gore), 2912253 + 43870);
  cr_assert_eq(tly_election_votes(w, (size_t)fl, bush), 2912790 + 19497);
  cr_assert_eq(tly_election_votes(w, (size_t)fl, nader), 0);
  /* Every unit: conserved exactly, and the library's rounding is the one
   * written above. */
  for (size_t u = 0; u < tly_election_n_units(e); u++) {
    int64_t v = tly_election_votes(e, u, nader);
    int64_t to_d = tly_election_votes(w, u, gore) -
                   tly_election_votes(e, u, gore);
    int64_t to_r = tly_election_votes(w, u, bush) -
                   tly_election_votes(e, u, bush);
    int64_t gone = tly_election_unit_total(e, u) -
                   tly_election_unit_total(w, u);
    cr_assert_eq(to_d + to_r + gone, v, "unit %zu", u);
    cr_assert_eq(to_d, rhe_pct(v, 45), "unit %zu", u);
    cr_assert_eq(to_d + to_r, rhe_pct(v, 65), "unit %zu", u);
    for (size_t c = 0; c < tly_election_n_candidates(e); c++)
      if (c != gore && c != bush && c != nader)
        cr_assert_eq(tly_election_votes(w, u, c), tly_election_votes(e, u, c));
  }
  tly_outcome *o = college(w);
  cr_assert_eq(tly_outcome_winner(o), (int32_t)gore);
  tly_outcome *ob = college(e);
  cr_assert_eq(tly_outcome_votes(ob, nader), tly_outcome_votes(o, gore) -
               tly_outcome_votes(ob, gore) + tly_outcome_votes(o, bush) -
               tly_outcome_votes(ob, bush) + tly_outcome_total_votes(ob) -
               tly_outcome_total_votes(o));
  tly_outcome_free(ob);
  tly_outcome_free(o);
  tly_election_free(w);
  tly_election_free(e);
}

Test(drop, shares_checked_by_the_spec)
{
  tly_whatif_spec *s = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_spec_new(NULL, &s, &err), TLY_OK);
  cr_assert_eq(tly_whatif_spec_set(s, "drop", "Nader=D:60,R:50", &err),
               TLY_ERANGE);
  cr_assert_str_eq(err.msg,
                   "drop: Nader's shares D 60 % + R 50 % are over 100 %");
  cr_assert_eq(tly_whatif_spec_set(s, "drop", "R:20", &err), TLY_EINVAL);
  cr_assert_eq(tly_whatif_spec_set(s, "drop", "Nader=D:12.5,R:87.5", &err),
               TLY_OK);
  cr_assert_eq(tly_whatif_spec_set(s, "delegation", "TX=maybe", &err),
               TLY_EINVAL);
  cr_assert_eq(tly_whatif_spec_set(s, "delegation", "TX=split", &err),
               TLY_OK);
  char what[256];
  tly_whatif_spec_describe(s, what, sizeof what);
  cr_assert_str_eq(what, "drop Nader=D:12.5,R:87.5 · delegation TX=split");
  tly_whatif_spec_free(s);
}

Test(drop, out_of_memory_drop_delegation_and_the_house)
{
  tly_drop d = {"Nader", 45 * TLY_DROP_SHARE_ONE, 20 * TLY_DROP_SHARE_ONE};
  tly_delegation_assign dl[] = {{"TX", TLY_DELEGATION_SPLIT}};
  tly_whatif_opts op = {.drop = &d, .n_drop = 1, .delegation = dl,
                        .n_delegation = 1,
                        .set = (tly_assign[]){{"MI", "Bush"}, {"NM", "Bush"}},
                        .n_set = 2}; /* Bush 269, Gore 268 cast: the House */
  for (long long k = 1;; k++) {
    tu_alloc f = {0};
    tly_allocator a = {tu_realloc, &f};
    tly_election *e = NULL;
    tly_error err;
    cr_assert_eq(tly_election_builtin(2000, TLY_SOURCE_MEDSL, &a, &e, &err),
                 TLY_OK);
    f.count = 0;
    f.fail_at = k;
    tly_election *w = NULL;
    tly_outcome *o = NULL;
    tly_contingent c;
    tly_status s = tly_whatif_apply(e, &op, &w, &err);
    if (s == TLY_OK)
      s = tly_college(w, &o, &err);
    if (s == TLY_OK)
      s = tly_contingent_decide(w, o, &c, &err);
    cr_assert(s == TLY_OK || s == TLY_ENOMEM, "allocation %lld: %s", k,
              err.msg);
    bool done = s == TLY_OK && f.count < k;
    tly_outcome_free(o);
    tly_election_free(w);
    f.fail_at = 0;
    tly_election_free(e);
    cr_assert_eq(f.blocks, 0, "leak at allocation %lld", k);
    if (done)
      break;
    cr_assert(k < 100000);
  }
}
