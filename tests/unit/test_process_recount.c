/*
 * test_process_recount.c -- src/recount.c: exact thresholds (strict and
 * inclusive bounds, lesser/greater combinations), the trigger table's
 * integrity, and the 2016 and 2000 margins against their triggers, from
 * the built-in MEDSL results (= the states' certified returns: Michigan
 * certified Trump by 10,704; Wisconsin 22,748 after its recount; PA
 * 44,292; Florida 2000 Bush by 537 of 5,963,110; process-facts.md §4.3).
 */
#include "internal.h"

#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"

static const tly_recount_trigger *find(const char *st, int year,
                                       tly_recount_kind kind)
{
  for (size_t i = 0; i < tly_recount_n_triggers(); i++) {
    const tly_recount_trigger *t = tly_recount_trigger_at(i);
    if (strcmp(t->state, st) == 0 && t->kind == kind &&
        year >= t->first_year && year <= t->last_year)
      return t;
  }
  return NULL;
}

static int64_t thr(const tly_recount_trigger *t, int64_t total, int64_t a,
                   int64_t b)
{
  int64_t m = -1;
  cr_assert_eq(tly_recount_threshold(t, total, a, b, &m, NULL), TLY_OK);
  return m;
}

Test(process_recount, threshold_bounds)
{
  tly_recount_trigger le = {.base = TLY_BASE_TOTAL, .pct_num = 5,
                            .pct_den = 1000, .votes = -1};
  cr_assert_eq(thr(&le, 1000, 0, 0), 5);  /* m <= 5 exactly */
  cr_assert_eq(thr(&le, 1199, 0, 0), 5);  /* 5.995 */
  tly_recount_trigger lt = le;
  lt.pct_strict = true;
  cr_assert_eq(thr(&lt, 1000, 0, 0), 4); /* m < 5 */
  cr_assert_eq(thr(&lt, 1001, 0, 0), 5); /* m < 5.005 */
  tly_recount_trigger tie = {.base = TLY_BASE_NONE, .votes = 0};
  cr_assert_eq(thr(&tie, 1000000, 500000, 499999), 0);
  tly_recount_trigger any = {.any_margin = true, .votes = -1};
  cr_assert_eq(thr(&any, 10, 6, 4), INT64_MAX);
}

/* Hawaii: the larger of 100 votes and 0.25 %; Washington's machine
 * recount: both < 2,000 votes and < 0.5 % of the top two. */
Test(process_recount, combinations)
{
  const tly_recount_trigger *hi = find("HI", 2024, TLY_RECOUNT_AUTOMATIC);
  cr_assert_not_null(hi);
  cr_assert_eq(thr(hi, 10000, 6000, 4000), 100);
  cr_assert_eq(thr(hi, 100000, 60000, 40000), 250);
  const tly_recount_trigger *wa = find("WA", 2024, TLY_RECOUNT_AUTOMATIC);
  cr_assert_not_null(wa);
  cr_assert_str_eq(wa->label, "machine recount");
  cr_assert_eq(thr(wa, 4000000, 2000000, 1800000), 1999);
  cr_assert_eq(thr(wa, 200000, 100000, 90000), 949); /* < 950 */
  /* Colorado's base is the winner's votes. */
  const tly_recount_trigger *co = find("CO", 2024, TLY_RECOUNT_AUTOMATIC);
  cr_assert_eq(thr(co, 3000000, 1800000, 1100000), 9000);
  tly_error err = {0};
  int64_t m;
  cr_assert_eq(tly_recount_threshold(co, -1, 0, 0, &m, &err), TLY_EINVAL);
  cr_assert_eq(tly_recount_threshold(co, 0, INT64_MAX, 0, &m, &err),
               TLY_EOVERFLOW);
}

/* Every row names a state, a rule, a mark and a source; years are
 * ordered; a percentage part has a base. */
Test(process_recount, table_integrity)
{
  cr_assert_geq(tly_recount_n_triggers(), 30);
  cr_assert_null(tly_recount_trigger_at(tly_recount_n_triggers()));
  for (size_t i = 0; i < tly_recount_n_triggers(); i++) {
    const tly_recount_trigger *t = tly_recount_trigger_at(i);
    cr_assert_not_null(tly_state_name(t->state), "row %zu: %s", i, t->state);
    cr_assert(t->rule[0] && t->source[0], "row %zu", i);
    cr_assert(strcmp(t->mark, "V") == 0 || strcmp(t->mark, "P") == 0 ||
                  strcmp(t->mark, "U") == 0,
              "row %zu", i);
    cr_assert_leq(t->first_year, t->last_year, "row %zu", i);
    cr_assert_eq(t->pct_den > 0, t->base != TLY_BASE_NONE, "row %zu", i);
    cr_assert(t->any_margin || t->pct_den > 0 || t->votes >= 0, "row %zu",
              i);
  }
}

/* Rules change: Michigan's 2,000 votes through 2024, 0.5 % of the top two
 * from 2025; Arizona 0.1 % through 2021, 0.5 % from 2022. */
Test(process_recount, years)
{
  cr_assert_eq(find("MI", 2016, TLY_RECOUNT_AUTOMATIC)->votes, 2000);
  cr_assert_eq(find("MI", 2028, TLY_RECOUNT_AUTOMATIC)->pct_num, 5);
  cr_assert_eq(find("AZ", 2020, TLY_RECOUNT_AUTOMATIC)->pct_num, 1);
  cr_assert_eq(find("AZ", 2024, TLY_RECOUNT_AUTOMATIC)->pct_num, 5);
  cr_assert_null(find("WI", 2016, TLY_RECOUNT_AUTOMATIC));
  cr_assert(find("WI", 2016, TLY_RECOUNT_REQUESTED)->any_margin);
  cr_assert(!find("WI", 2020, TLY_RECOUNT_REQUESTED)->any_margin);
}

static const tly_recount_check *row(const tly_recount_check *rows, size_t n,
                                    const char *st, const char *label)
{
  for (size_t i = 0; i < n; i++) {
    if (strcmp(rows[i].trigger->state, st) == 0 &&
        strcmp(rows[i].trigger->label, label) == 0)
      return &rows[i];
  }
  cr_assert_fail("no row %s (%s)", st, label);
  return NULL;
}

Test(process_recount, election_2016)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_recount_check rows[128];
  size_t n = 0;
  tly_error err = {0};
  cr_assert_eq(tly_recount_check_election(e, NULL, rows, 128, &n, &err),
               TLY_OK, "%s", err.msg);
  const tly_recount_check *mi = row(rows, n, "MI", "");
  cr_assert_eq(mi->margin, 10704);
  cr_assert_eq(mi->threshold, 2000);
  cr_assert(!mi->met);
  cr_assert_str_eq(tly_election_candidate(e, (size_t)mi->first)->name,
                   "Donald Trump");
  const tly_recount_check *pa = row(rows, n, "PA", "");
  cr_assert_eq(pa->margin, 44292);
  cr_assert_eq(pa->total_votes, 6115402);
  cr_assert_eq(pa->threshold, 30577); /* 0.5 % of 6,115,402 = 30,577.01 */
  cr_assert(!pa->met);
  const tly_recount_check *wi = row(rows, n, "WI", "on request");
  cr_assert_eq(wi->margin, 22748);
  cr_assert(wi->met); /* any candidate could petition in 2016 */
  const tly_recount_check *wif = row(rows, n, "WI", "free on request");
  cr_assert_eq(wif->threshold, 7440); /* 0.25 % of 2,976,150 */
  cr_assert(!wif->met);
  /* One state only, case-insensitive. */
  cr_assert_eq(tly_recount_check_election(e, "mi", rows, 128, &n, &err),
               TLY_OK);
  cr_assert_eq(n, 1);
  cr_assert_eq(tly_recount_check_election(e, "ZZ", rows, 128, &n, &err),
               TLY_ENOTFOUND);
  tly_election_free(e);
}

/* Florida 2000: Bush by 537 of 5,963,110, within 0.5 % (29,815). */
Test(process_recount, florida_2000)
{
  tly_election *e = tu_builtin(2000, TLY_SOURCE_MEDSL);
  tly_recount_check rows[128];
  size_t n = 0;
  cr_assert_eq(tly_recount_check_election(e, "FL", rows, 128, &n, NULL),
               TLY_OK);
  cr_assert_eq(n, 1);
  cr_assert_eq(rows[0].margin, 537);
  cr_assert_eq(rows[0].total_votes, 5963110);
  cr_assert_eq(rows[0].threshold, 29815);
  cr_assert(rows[0].met);
  cr_assert_str_eq(tly_election_candidate(e, (size_t)rows[0].first)->name,
                   "George W. Bush");
  tly_election_free(e);
}
