/*
 * test_history.c -- the historical elections (history.c) and the rule of
 * art. II before the 12th Amendment (article2.c). Figures from
 * ../shared/data/README.md (president_state_1789_2020_clavesi.csv) and the
 * record of the contingent elections.
 */
#include <criterion/criterion.h>

#include "tally.h"

#include "article2.h"

#include <string.h>

#include "testutil.h"

static int64_t cast_of(const tly_election *e, const tly_outcome *o,
                       const char *name)
{
  int32_t c = tly_election_find_candidate(e, name);
  cr_assert_geq(c, 0, "no candidate %s", name);
  return tly_outcome_cast(o, (size_t)c);
}

Test(article2, majority_tie_and_vice_president)
{
  /* 1796: Adams 71, Jefferson 68, Pinckney 59, Burr 30, others 48 of 138
   * electors (majority 70): Adams President, Jefferson Vice President. */
  int64_t v1796[] = {71, 68, 59, 30, 48};
  int32_t p, vp, top[5];
  size_t nt;
  tly__art2_count(v1796, 5, 138, &p, &vp, top, 5, &nt);
  cr_assert_eq(p, 0);
  cr_assert_eq(vp, 1);
  cr_assert_eq(nt, 0);
  /* 1800: Jefferson 73 = Burr 73, both a majority of 138: the House. */
  int64_t v1800[] = {73, 73, 65, 64, 1};
  tly__art2_count(v1800, 5, 138, &p, &vp, top, 5, &nt);
  cr_assert_eq(p, -1);
  cr_assert_eq(nt, 2);
  cr_assert_eq(top[0], 0);
  cr_assert_eq(top[1], 1);
  /* No majority: the five highest. */
  int64_t none[] = {10, 9, 8, 7, 6, 5};
  tly__art2_count(none, 6, 40, &p, &vp, top, 5, &nt);
  cr_assert_eq(p, -1);
  cr_assert_eq(nt, 5);
  cr_assert_eq(top[4], 4);
}

Test(history, record_totals)
{
  static const struct {
    int year;
    const char *name;
    int64_t ev;
  } want[] = {
      {1789, "George Washington", 69},   {1800, "Thomas Jefferson", 73},
      {1800, "Aaron Burr", 73},          {1824, "Andrew Jackson", 99},
      {1824, "John Quincy Adams", 84},   {1824, "William H. Crawford", 41},
      {1824, "Henry Clay", 37},          {1872, "Ulysses S. Grant", 286},
      {1872, "Thomas Hendricks", 42},    {1872, "B. Gratz Brown", 18},
      {1876, "Rutherford B. Hayes", 185}, {1876, "Samuel Tilden", 184},
      {1888, "Benjamin Harrison", 233},  {1888, "Grover Cleveland", 168},
      {1960, "John F. Kennedy", 303},    {1960, "Richard Nixon", 219},
      {1960, "Harry Byrd", 15},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    tly_election *e = tu_builtin(want[i].year, TLY_SOURCE_HISTORY);
    tly_outcome *o = NULL;
    tly_error err;
    cr_assert_eq(tly_college(e, &o, &err), TLY_OK, "%s", err.msg);
    cr_assert_eq(cast_of(e, o, want[i].name), want[i].ev, "%d %s",
                 want[i].year, want[i].name);
    tly_outcome_free(o);
    tly_election_free(e);
  }
}

Test(history, every_year_loads_and_counts)
{
  int years[128];
  size_t n = tly_builtin_years(years, 128);
  cr_assert_eq(n, 60);
  for (size_t i = 0; i < n; i++) {
    tly_election *e = tu_builtin(years[i], tly_builtin_source(years[i]));
    tly_outcome *o = NULL;
    tly_error err;
    cr_assert_eq(tly_college(e, &o, &err), TLY_OK, "%d: %s", years[i],
                 err.msg);
    tly_outcome_free(o);
    tly_election_free(e);
  }
}

Test(history, popular_vote_leader_lost)
{
  tly_history *h = NULL;
  tly_error err;
  cr_assert_eq(tly_history_compute(0, 0, NULL, &h, &err), TLY_OK, "%s",
               err.msg);
  cr_assert_eq(tly_history_n_rows(h), 60);
  int lost[8];
  size_t n = 0;
  for (size_t i = 0; i < tly_history_n_rows(h); i++) {
    const tly_history_row *r = tly_history_row_at(h, i);
    if (r->pv_leader_lost && n < 8)
      lost[n++] = r->year;
  }
  cr_assert_eq(n, 5);
  cr_assert_eq(lost[0], 1824);
  cr_assert_eq(lost[1], 1876);
  cr_assert_eq(lost[2], 1888);
  cr_assert_eq(lost[3], 2000);
  cr_assert_eq(lost[4], 2016);
  const tly_history_row *r1824 = tly_history_row_at(h, 9);
  cr_assert_eq(r1824->year, 1824);
  cr_assert(r1824->by_house);
  cr_assert_str_eq(r1824->president, "John Quincy Adams");
  cr_assert_eq(r1824->n_voted, 18);
  cr_assert_eq(r1824->n_states, 24);
  tly_history_free(h);
}

/* The record (Clerk of the House, shared clavesi file) against MEDSL:
 * equal in every state in 1996, 2000 and 2008; 9 years differ (data/README),
 * e.g. Georgia 2020, Trump 2,461,837 in the record, 2,461,854 in MEDSL. */
Test(history, differences_from_medsl)
{
  tly_history *h = NULL;
  tly_error err;
  cr_assert_eq(tly_history_compute(1976, 2024, NULL, &h, &err), TLY_OK, "%s",
               err.msg);
  cr_assert_eq(tly_history_n_checks(h), 9);
  cr_expect_null(tly_history_check(h, 9));
  cr_expect(strncmp(tly_history_check(h, 0), "1976: ", 6) == 0);
  const char *n2020 = tly_history_check(h, 8);
  cr_expect(strstr(n2020, "in 5 states: GA Donald Trump 2,461,837 (MEDSL "
                          "2,461,854)") != NULL, "%s", n2020);
  tly_history_free(h);
  /* Before 1976 the record is the source: nothing to compare. */
  cr_assert_eq(tly_history_compute(1960, 1972, NULL, &h, &err), TLY_OK);
  cr_expect_eq(tly_history_n_checks(h), 0);
  tly_history_free(h);
}

Test(history, rules_need_votes)
{
  tly_election *e = tu_builtin(1824, TLY_SOURCE_HISTORY);
  tly_election *w = NULL;
  tly_outcome *o = NULL;
  tly_error err;
  cr_assert_eq(tly_whatif_rule(e, TLY_RULE_WTA, &w, &err), TLY_OK);
  cr_assert_eq(tly_college(w, &o, &err), TLY_EUNSUPPORTED);
  cr_assert(strstr(err.msg, "6 states had no popular vote") != NULL, "%s",
            err.msg);
  cr_assert_null(o);
  tly_election_free(w);
  tly_election_free(e);
  e = tu_builtin(1800, TLY_SOURCE_HISTORY);
  cr_assert_eq(tly_whatif_rule(e, TLY_RULE_PROP_HAMILTON, &w, &err), TLY_OK);
  cr_assert_eq(tly_college(w, &o, &err), TLY_EUNSUPPORTED);
  tly_election_free(w);
  tly_election_free(e);
}

static tly_status run_load(const tly_allocator *a, void *ud)
{
  int year = *(const int *)ud;
  tly_election *e = NULL;
  tly_election *c = NULL;
  tly_outcome *o = NULL;
  tly_status s = tly_election_builtin(year, TLY_SOURCE_HISTORY, a, &e, NULL);
  if (s == TLY_OK)
    s = tly_election_copy(e, &c, NULL);
  if (s == TLY_OK)
    s = tly_college(c, &o, NULL);
  tly_outcome_free(o);
  tly_election_free(c);
  tly_election_free(e);
  return s;
}

Test(history, out_of_memory)
{
  int years[] = {1800, 1872, 1960};
  for (size_t i = 0; i < 3; i++)
    tu_each_failure(run_load, &years[i], 100000, true);
}
