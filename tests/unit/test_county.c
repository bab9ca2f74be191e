/*
 * test_county.c -- county.c: the built-in county and district tables, their
 * sums against the official figures of the shared data files, the
 * differences from the state returns, and out-of-memory behaviour.
 */
#include "testutil.h"

static tly_areas *counties(int year, const char *st)
{
  tly_areas *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_areas_counties(year, st, NULL, &t, &err), TLY_OK, "%s",
               err.msg);
  return t;
}

static void sums(const tly_areas *t, int64_t *d, int64_t *r)
{
  *d = *r = 0;
  for (size_t i = 0; i < tly_areas_n(t); i++) {
    *d += tly_areas_row(t, i)->votes[TLY_AREA_DEM];
    *r += tly_areas_row(t, i)->votes[TLY_AREA_REP];
  }
}

static const tly_area *find(const tly_areas *t, const char *code)
{
  for (size_t i = 0; i < tly_areas_n(t); i++)
    if (strcmp(tly_areas_row(t, i)->code, code) == 0)
      return tly_areas_row(t, i);
  return NULL;
}

/* MEDSL county file, PA 2020 (67 counties, all TOTAL rows):
 * Biden 3,458,229, Trump 3,377,674 = the MEDSL state return. */
Test(county, pa_2020)
{
  tly_areas *t = counties(2020, "PA");
  cr_assert_eq(tly_areas_n(t), 67);
  int64_t d, r;
  sums(t, &d, &r);
  cr_assert_eq(d, 3458229);
  cr_assert_eq(r, 3377674);
  cr_assert_str_eq(tly_areas_candidate(t, TLY_AREA_DEM), "Joe Biden");
  cr_assert_str_eq(tly_areas_candidate(t, TLY_AREA_LIB), "Jo Jorgensen");
  const tly_area *phl = find(t, "42101");
  cr_assert_not_null(phl);
  cr_assert_str_eq(phl->name, "Philadelphia County");
  cr_assert_eq(phl->pop, 1603797); /* 2020 census, Philadelphia County */
  cr_assert_eq(tly_areas_census(t), 2020);
  cr_assert(strstr(tly_areas_source(t), "MEDSL") != NULL);
  tly_areas_free(t);
}

/* The mode rule: GA 2020 counties report only by mode (ABSENTEE, ADVANCED
 * VOTING, ELECTION DAY, PROV); their sum is Biden +874, Trump -17 against
 * the MEDSL state return 2,473,633 / 2,461,854 (shared data README). */
Test(county, ga_2020_modes_and_diff)
{
  tly_areas *t = counties(2020, "GA");
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  cr_assert_eq(tly_areas_n(t), 159);
  tly_area_diff d[4];
  size_t n = 0;
  tly_error err = {0};
  cr_assert_eq(tly_areas_diffs(t, e, d, 4, &n, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(n, 1);
  cr_assert_str_eq(d[0].state, "GA");
  cr_assert_eq(d[0].areas[0] - d[0].state_votes[0], 874);
  cr_assert_eq(d[0].areas[1] - d[0].state_votes[1], -17);
  tly_election_free(e);
  tly_areas_free(t);
}

/* Kansas City (MEDSL 2938000) is folded into Jackson County 29095; Alaska
 * is one unit 02000; the statewide rows of no county are kept (CT 09000). */
Test(county, folds)
{
  tly_areas *t = counties(2016, NULL);
  const tly_area *ak = find(t, "02000");
  cr_assert_not_null(ak);
  cr_assert_str_eq(ak->state, "AK");
  cr_assert_null(find(t, "02013")); /* a house district, never a borough */
  cr_assert_not_null(find(t, "09000"));
  cr_assert_not_null(find(t, "29095"));
  /* Alaska 2016 whole state equals the MEDSL state return: Clinton 116,454,
   * Trump 163,387. */
  cr_assert_eq(ak->votes[TLY_AREA_DEM], 116454);
  cr_assert_eq(ak->votes[TLY_AREA_REP], 163387);
  tly_areas_free(t);
}

/* 2024 (tonmcg): D, R and total only; OR -12,190 / -8,778 against the MEDSL
 * state return (shared data README). */
Test(county, tonmcg_2024)
{
  tly_areas *t = counties(2024, "OR");
  tly_election *e = tu_builtin(2024, TLY_SOURCE_MEDSL);
  cr_assert_eq(tly_areas_n(t), 36);
  cr_assert_null(tly_areas_candidate(t, TLY_AREA_LIB));
  cr_assert_eq(tly_areas_row(t, 0)->votes[TLY_AREA_GRN], -1);
  tly_area_diff d[2];
  size_t n = 0;
  tly_error err = {0};
  cr_assert_eq(tly_areas_diffs(t, e, d, 2, &n, &err), TLY_OK);
  cr_assert_eq(n, 1);
  cr_assert_eq(d[0].areas[0] - d[0].state_votes[0], -12190);
  cr_assert_eq(d[0].areas[1] - d[0].state_votes[1], -8778);
  tly_election_free(e);
  tly_areas_free(t);
}

/* Districts: 435 a year; NE-2 2024 Harris 163,541, Trump 148,905
 * (president_cd_me_ne.csv); 2016 and 2020 approximate. */
Test(county, districts)
{
  tly_areas *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_areas_districts(2024, NULL, NULL, &t, &err), TLY_OK);
  cr_assert_eq(tly_areas_n(t), 435);
  cr_assert(!tly_areas_approx(t));
  const tly_area *ne2 = find(t, "NE-2");
  cr_assert_eq(ne2->votes[TLY_AREA_DEM], 163541);
  cr_assert_eq(ne2->votes[TLY_AREA_REP], 148905);
  tly_areas_free(t);
  cr_assert_eq(tly_areas_districts(2020, "az", NULL, &t, &err), TLY_OK);
  cr_assert_eq(tly_areas_n(t), 9);
  cr_assert(tly_areas_approx(t));
  cr_assert(strstr(tly_areas_source(t), "approximate") != NULL);
  tly_areas_free(t);
}

Test(county, errors)
{
  tly_areas *t = (tly_areas *)1;
  tly_error err = {0};
  cr_assert_eq(tly_areas_counties(1996, NULL, NULL, &t, &err), TLY_ENODATA);
  cr_assert_null(t);
  cr_assert_eq(tly_areas_districts(2004, NULL, NULL, &t, &err), TLY_ENODATA);
  cr_assert_eq(tly_areas_counties(2020, "ZZ", NULL, &t, &err),
               TLY_ENOTFOUND);
  cr_assert_str_eq(err.msg, "unknown state \"ZZ\"");
  tly_areas_free(NULL);
  t = counties(2016, "WI");
  tly_election *e = tu_builtin(2020, TLY_SOURCE_MEDSL);
  size_t n;
  cr_assert_eq(tly_areas_diffs(t, e, NULL, 0, &n, &err), TLY_EINVAL);
  tly_election_free(e);
  tly_areas_free(t);
}

static tly_status run_counties(const tly_allocator *a, void *ud)
{
  (void)ud;
  tly_areas *t = NULL;
  tly_status s = tly_areas_counties(2020, "DE", a, &t, NULL);
  if (s == TLY_OK)
    cr_assert_eq(tly_areas_n(t), 3);
  else
    cr_assert_null(t);
  tly_areas_free(t);
  return s;
}

static tly_status run_districts(const tly_allocator *a, void *ud)
{
  (void)ud;
  tly_areas *t = NULL;
  tly_status s = tly_areas_districts(2012, "RI", a, &t, NULL);
  tly_areas_free(t);
  return s;
}

Test(county, out_of_memory)
{
  tu_each_failure(run_counties, NULL, 200, true);
  tu_each_failure(run_districts, NULL, 200, true);
}
