/*
 * test_redraw.c -- redraw.c: states split, moved, merged, admitted and
 * counties leaving, checked independently: populations are summed here from
 * data/counties.csv and data/redraw_presets.csv, the overseas shares and the
 * House (Huntington-Hill, long double priorities) are recomputed here, and
 * the bad inputs give one line each.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>

/*---- independent figures ----*/

/* Field k (0-based) of a CSV line without quotes, copied into out. */
static void field(const char *line, int k, char *out, size_t size)
{
  const char *p = line;
  for (int i = 0; i < k && p != NULL; i++) {
    p = strchr(p, ',');
    if (p != NULL)
      p++;
  }
  size_t n = 0;
  while (p != NULL && p[n] != ',' && p[n] != '\n' && p[n] != '\0')
    n++;
  snprintf(out, size, "%.*s", (int)n, p != NULL ? p : "");
}

/* The 2010 (col 4) or other census population of a county in
 * data/counties.csv (fips,state,name,pop2000,pop2010,pop2020). */
static long long county_pop(const char *fips, int col)
{
  FILE *fp = fopen("data/counties.csv", "r");
  cr_assert_not_null(fp, "run from the repository root");
  char line[512], f[64];
  long long pop = -1;
  while (fgets(line, sizeof line, fp) != NULL) {
    field(line, 0, f, sizeof f);
    if (strcmp(f, fips) == 0) {
      field(line, col, f, sizeof f);
      pop = atoll(f);
    }
  }
  fclose(fp);
  cr_assert_geq(pop, 0, "no population for %s", fips);
  return pop;
}

/* Sum of a preset part's counties' population (and their count). */
static long long part_pop(const char *preset, const char *code, int col,
                          int *n)
{
  FILE *fp = fopen("data/redraw_presets.csv", "r");
  cr_assert_not_null(fp);
  char line[512], p[64], c[64], fips[16];
  long long sum = 0;
  *n = 0;
  while (fgets(line, sizeof line, fp) != NULL) {
    field(line, 0, p, sizeof p);
    field(line, 2, c, sizeof c);
    field(line, 4, fips, sizeof fips);
    if (strcmp(p, preset) == 0 && strcmp(c, code) == 0) {
      sum += county_pop(fips, col);
      (*n)++;
    }
  }
  fclose(fp);
  return sum;
}

/* Whole-state resident population of a state from data/counties.csv. */
static long long state_pop(const char *st, int col)
{
  FILE *fp = fopen("data/counties.csv", "r");
  cr_assert_not_null(fp);
  char line[512], f[64];
  long long sum = 0;
  while (fgets(line, sizeof line, fp) != NULL) {
    field(line, 1, f, sizeof f);
    if (strcmp(f, st) == 0) {
      field(line, col, f, sizeof f);
      sum += atoll(f);
    }
  }
  fclose(fp);
  return sum;
}

/* Largest remainders of `ov` over parts with residents res[0..n). */
static void shares(long long ov, const long long *res, int n, long long *out)
{
  long long total = 0, placed = 0;
  for (int i = 0; i < n; i++)
    total += res[i];
  long long rem[8];
  for (int i = 0; i < n; i++) {
    out[i] = (long long)((__int128)ov * res[i] / total);
    rem[i] = (long long)((__int128)ov * res[i] % total);
    placed += out[i];
  }
  for (; placed < ov; placed++) {
    int best = 0;
    for (int i = 1; i < n; i++)
      if (rem[i] > rem[best])
        best = i;
    out[best]++;
    rem[best] = -1;
  }
}

/* Huntington-Hill by repeated priorities in long double: seats[i]. */
static void hh(const long long *pop, int n, int house, int *seats)
{
  for (int i = 0; i < n; i++)
    seats[i] = 1;
  for (int k = n; k < house; k++) {
    int best = 0;
    long double bp = -1;
    for (int i = 0; i < n; i++) {
      long double p = pop[i] / sqrtl((long double)seats[i] * (seats[i] + 1));
      if (p > bp) {
        bp = p;
        best = i;
      }
    }
    seats[best]++;
  }
}

/*---- the library's what-if ----*/

static tly_election *redraw(int year, const char *const *kv, size_t n,
                            tly_error *err, tly_status *st)
{
  tly_election *in = tu_builtin(year, TLY_SOURCE_MEDSL);
  tly_whatif_spec *s = NULL;
  cr_assert_eq(tly_whatif_spec_new(NULL, &s, err), TLY_OK);
  *st = TLY_OK;
  for (size_t i = 0; i + 1 < n && *st == TLY_OK; i += 2)
    *st = tly_whatif_spec_set(s, kv[i], kv[i + 1], err);
  tly_election *out = NULL;
  if (*st == TLY_OK)
    *st = tly_whatif_spec_apply(in, s, &out, err);
  tly_whatif_spec_free(s);
  tly_election_free(in);
  return out;
}

static tly_election *ok(int year, const char *const *kv, size_t n)
{
  tly_error err = {0};
  tly_status st;
  tly_election *e = redraw(year, kv, n, &err, &st);
  cr_assert_eq(st, TLY_OK, "%s", err.msg);
  return e;
}

static const tly_redrawn *find(const tly_election *e, const char *code)
{
  for (size_t i = 0; i < tly_election_n_redrawn(e); i++)
    if (strcmp(tly_election_redrawn(e, i)->code, code) == 0)
      return tly_election_redrawn(e, i);
  cr_assert_fail("no redrawn state %s", code);
  return NULL;
}

static int electors(const tly_election *e, const char *code)
{
  int32_t u = tly_election_find_unit(e, code);
  cr_assert_geq(u, 0, "no unit %s", code);
  return tly_election_unit(e, (size_t)u)->electors;
}

/* Every state's seats in e (electors - 2) equal an independent HH of 435
 * over the 2010 census populations, with the redrawn states' as given. */
static void check_house(const tly_election *e, const char *const *codes,
                        const long long *pops, int n_new, bool dc_state)
{
  tly_census_row rows[64];
  size_t nr = 0;
  tly_error err = {0};
  cr_assert_eq(tly_census_builtin(2010, NULL, rows, 64, &nr, &err), TLY_OK);
  const char *all[64];
  long long pop[64];
  int n = 0;
  for (size_t i = 0; i < nr; i++) {
    bool redrawn = false;
    for (int k = 0; k < n_new; k++)
      redrawn = redrawn || strcmp(rows[i].code, codes[k]) == 0;
    if (redrawn || tly_election_find_unit(e, rows[i].code) < 0)
      continue;
    all[n] = rows[i].code;
    pop[n++] = rows[i].population;
  }
  for (int k = 0; k < n_new; k++) {
    all[n] = codes[k];
    pop[n++] = pops[k];
  }
  if (dc_state) {
    all[n] = "DC";
    pop[n++] = 601723; /* Census 2010: DC resident population */
  }
  int seats[64];
  hh(pop, n, 435, seats);
  int total = 0;
  for (int i = 0; i < n; i++) {
    cr_assert_eq(electors(e, all[i]), seats[i] + 2, "%s: %d, HH %d + 2",
                 all[i], electors(e, all[i]), seats[i]);
    total += seats[i];
  }
  cr_assert_eq(total, 435);
}

/*---- the three cases ----*/

/* Census 2010, Table 1: California's apportionment population 37,341,989,
 * resident 37,253,956, so 88,033 overseas. */
Test(redraw, cal3_2016_reapportion)
{
  static const char *const kv[] = {"split", "cal3", "reapportion", "true"};
  tly_election *e = ok(2016, kv, 4);
  static const char *const parts[] = {"NCA", "CA", "SCA"};
  long long res[3], sh[3], pop[3];
  int nc[3], total_c = 0;
  long long sum = 0;
  for (int i = 0; i < 3; i++) {
    res[i] = part_pop("cal3", parts[i], 4, &nc[i]);
    sum += res[i];
    total_c += nc[i];
  }
  cr_assert_eq(total_c, 58);
  cr_assert_eq(sum, 37253956); /* the parts make California */
  cr_assert_eq(sum, state_pop("CA", 4));
  shares(88033, res, 3, sh);
  for (int i = 0; i < 3; i++) {
    pop[i] = res[i] + sh[i];
    const tly_redrawn *r = find(e, parts[i]);
    cr_assert_eq(r->resident, res[i], "%s", parts[i]);
    cr_assert_eq(r->overseas, sh[i], "%s", parts[i]);
    cr_assert_eq(r->population, pop[i], "%s", parts[i]);
    cr_assert_eq((int)r->n_counties, nc[i]);
    cr_assert_eq(r->census, 2010);
    cr_assert_str_eq(r->from, "CA");
  }
  cr_assert_eq(res[0], 12394396); /* NCA, the 40 counties' 2010 sum */
  cr_assert_eq(pop[0] + pop[1] + pop[2], 37341989);
  check_house(e, parts, pop, 3, false);
  cr_assert_str_eq(find(e, "NCA")->name, "Northern California");
  cr_assert_str_eq(tly_election_redrawn_county(e, 0, 0) != NULL
                       ? "ok" : "", "ok");
  /* 52 states and DC: 435 + 104 + 3 = 542 electors. */
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_electors(o), 542);
  cr_assert_eq(tly_outcome_majority(o), 272);
  tly_outcome_free(o);
  tly_election_free(e);
}

/* The 13 Greater Idaho counties move with their people: Census 2010,
 * Table 1: Idaho 1,573,499 = 1,567,582 + 5,917 overseas; Oregon 3,848,606
 * = 3,831,074 + 17,532. */
Test(redraw, greater_idaho_2020_reapportion)
{
  static const char *const kv[] = {"move", "greater-idaho", "reapportion",
                                   ""};
  tly_election *e = ok(2020, kv, 4);
  int n;
  long long moved = part_pop("greater-idaho", "ID", 4, &n);
  cr_assert_eq(n, 13);
  cr_assert_eq(state_pop("OR", 4), 3831074);
  cr_assert_eq(state_pop("ID", 4), 1567582);
  long long res[2] = {3831074 - moved, moved}, sh[2];
  shares(17532, res, 2, sh);
  const tly_redrawn *id = find(e, "ID"), *or = find(e, "OR");
  cr_assert_eq(or->population, res[0] + sh[0]);
  cr_assert_eq(id->population, 1567582 + 5917 + moved + sh[1]);
  cr_assert_eq(id->n_counties, 44 + 13);
  cr_assert_eq(or->n_counties, 36 - 13);
  cr_assert_str_eq(id->from, "ID+OR");
  static const char *const codes[] = {"ID", "OR"};
  long long pops[2] = {id->population, or->population};
  check_house(e, codes, pops, 2, false);
  cr_assert_eq(electors(e, "ID"), 5); /* 3 seats */
  tly_election_free(e);
}

/* DC as a state: its 2010 census count (601,723) in the House of 435. */
Test(redraw, admit_dc_2020_reapportion)
{
  static const char *const kv[] = {"admit", "DC", "reapportion", "true"};
  tly_election *e = ok(2020, kv, 4);
  const tly_redrawn *dc = find(e, "DC");
  cr_assert_eq(dc->population, 601723);
  cr_assert(dc->admitted);
  check_house(e, NULL, NULL, 0, true);
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_electors(o), 537); /* 435 + 2 x 51 */
  tly_outcome_free(o);
  tly_election_free(e);
}

/*---- without reapportion, counties leaving, admitting, merging ----*/

/* California's 53 seats shared among its three parts by HH. */
Test(redraw, cal3_shared)
{
  static const char *const kv[] = {"split", "cal3"};
  tly_election *e = ok(2016, kv, 2);
  static const char *const parts[] = {"NCA", "CA", "SCA"};
  long long res[3], sh[3], pop[3];
  int n;
  for (int i = 0; i < 3; i++)
    res[i] = part_pop("cal3", parts[i], 4, &n);
  shares(88033, res, 3, sh);
  for (int i = 0; i < 3; i++)
    pop[i] = res[i] + sh[i];
  int seats[3];
  hh(pop, 3, 53, seats);
  for (int i = 0; i < 3; i++)
    cr_assert_eq(electors(e, parts[i]), seats[i] + 2);
  cr_assert_eq(electors(e, "TX"), 38); /* the rest as they were */
  cr_assert(strstr(tly_election_notes(e), "not reapportioned") != NULL);
  tly_election_free(e);
}

/* Los Angeles County (06037) leaves: its people's share of California's
 * seats leaves with it, and its votes leave the count. MEDSL county
 * returns 2016, Los Angeles: Clinton 2,464,364, Trump 769,743. */
Test(redraw, without_county)
{
  static const char *const kv[] = {"without", "06037"};
  tly_election *e = ok(2016, kv, 2);
  tly_election *in = tu_builtin(2016, TLY_SOURCE_MEDSL);
  int32_t d = tly_election_find_candidate(in, "Hillary Clinton");
  int32_t ub = tly_election_find_unit(in, "CA");
  int32_t uw = tly_election_find_unit(e, "CA");
  cr_assert_eq(tly_election_votes(in, (size_t)ub, (size_t)d) -
                   tly_election_votes(e, (size_t)uw, (size_t)d),
               2464364);
  long long la = county_pop("06037", 4);
  long long res[2] = {37253956 - la, la}, sh[2];
  shares(88033, res, 2, sh);
  long long pop[2] = {res[0] + sh[0], res[1] + sh[1]};
  int seats[2];
  hh(pop, 2, 53, seats);
  cr_assert_eq(electors(e, "CA"), seats[0] + 2);
  cr_assert_eq(find(e, "CA")->population, pop[0]);
  tly_election_free(in);
  tly_election_free(e);
}

/* Puerto Rico with the population given (Census 2010: 3,725,789) and no
 * votes: undecided unless set. */
Test(redraw, admit_pr)
{
  static const char *const kv[] = {"admit", "PR/Puerto Rico:3725789",
                                   "reapportion", "true"};
  tly_election *e = ok(2020, kv, 4);
  const tly_redrawn *pr = find(e, "PR");
  cr_assert_str_eq(pr->name, "Puerto Rico");
  long long pops[1] = {3725789};
  static const char *const codes[] = {"PR"};
  check_house(e, codes, pops, 1, false);
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_undecided(o), electors(e, "PR"));
  tly_outcome_free(o);
  tly_election_free(e);
  static const char *const kv2[] = {"admit", "PR:3725789", "set",
                                    "PR=Joe Biden"};
  e = ok(2020, kv2, 4);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_outcome_undecided(o), 0);
  cr_assert_eq(electors(e, "PR"), 3); /* 1 seat without reapportion */
  tly_outcome_free(o);
  tly_election_free(e);
}

/* MEDSL's 2020 county file has Libertarian (Jo Jorgensen), Green (no
 * candidate named) and other columns: in the parts of California each is
 * its nominee's (the Green column is the Green candidate of California's
 * return, Howie Hawkins), and no vote of the columns is lost. */
Test(redraw, third_party_columns)
{
  static const char *const kv[] = {"split", "cal3"};
  tly_election *e = ok(2020, kv, 2);
  tly_areas *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_areas_counties(2020, "CA", NULL, &t, &err), TLY_OK);
  long long col[TLY_AREA_COLS] = {0}, all = 0;
  for (size_t i = 0; i < tly_areas_n(t); i++)
    for (size_t k = 0; k < TLY_AREA_COLS; k++)
      if (tly_areas_row(t, i)->votes[k] > 0)
        col[k] += tly_areas_row(t, i)->votes[k];
  for (size_t k = 0; k < TLY_AREA_COLS; k++)
    all += col[k];
  static const char *const parts[] = {"CA", "NCA", "SCA"};
  static const char *const who[] = {"Joe Biden", "Donald Trump",
                                    "Jo Jorgensen", "Howie Hawkins",
                                    "Others"};
  long long sum[TLY_AREA_COLS] = {0}, cands = 0;
  for (int p = 0; p < 3; p++) {
    int32_t u = tly_election_find_unit(e, parts[p]);
    cr_assert_geq(u, 0);
    for (size_t k = 0; k < TLY_AREA_COLS; k++)
      sum[k] += tly_election_votes(
          e, (size_t)u, (size_t)tly_election_find_candidate(e, who[k]));
    for (size_t c = 0; c < tly_election_n_candidates(e); c++)
      cands += tly_election_votes(e, (size_t)u, c);
  }
  cr_assert_gt(col[TLY_AREA_GRN], 0);
  for (size_t k = 0; k < TLY_AREA_COLS; k++)
    cr_assert_eq(sum[k], col[k], "%s: %lld, columns %lld", who[k], sum[k],
                 col[k]);
  cr_assert_eq(cands, all);
  cr_assert_not_null(strstr(tly_election_notes(e), "CA Green: Howie Hawkins"),
                     "%s", tly_election_notes(e));
  tly_areas_free(t);
  tly_election_free(e);
}

/* Two whole states merged: votes and seats add; two senators go. */
Test(redraw, merge)
{
  static const char *const kv[] = {"merge", "ND,SD=DAK/Dakota"};
  tly_election *e = ok(2020, kv, 2);
  cr_assert_eq(electors(e, "DAK"), 1 + 1 + 2);
  cr_assert_lt(tly_election_find_unit(e, "ND"), 0);
  cr_assert_str_eq(find(e, "DAK")->from, "ND+SD");
  tly_election_free(e);
}

/* FIPS changed between censuses: the 2020 returns name Oglala Lakota
 * County 46102, the 2010 census Shannon County 46113 (renamed in 2015);
 * Bedford city 51515 (2010 census) joined Bedford County 51019 in 2013. */
Test(redraw, fips_changed)
{
  static const char *const kv[] = {"move", "46102,51019=ND", "reapportion",
                                   "true"};
  tly_election *e = ok(2020, kv, 4);
  const tly_redrawn *nd = find(e, "ND");
  cr_assert_eq(nd->resident, state_pop("ND", 4) + county_pop("46113", 4) +
                                 county_pop("51019", 4) +
                                 county_pop("51515", 4));
  cr_assert(strstr(tly_election_notes(e), "46102 Oglala Lakota = 46113") !=
            NULL);
  tly_election_free(e);
}

/*---- bad input: one line each ----*/

static void bad(int year, const char *key, const char *text,
                const char *want)
{
  const char *kv[] = {key, text};
  tly_error err = {0};
  tly_status st;
  tly_election *e = redraw(year, kv, 2, &err, &st);
  cr_assert_null(e);
  cr_assert_neq(st, TLY_OK);
  cr_assert_str_eq(err.msg, want);
  cr_assert_null(strchr(err.msg, '\n'));
}

Test(redraw, bad_inputs)
{
  bad(2016, "split", "CA=NCA:06001,06003;SCA:06001",
      "split CA: 06001 (Alameda County) is in two parts");
  bad(2016, "split", "CA=NCA:06001;SCA:",
      "split: part SCA has no county");
  bad(2016, "split", "CA=NCA:06001;SCA:41001",
      "split CA: 41001 (Baker County, OR) is not in California");
  bad(2016, "split", "AK=NAK:02013;SAK:02016",
      "split: Alaska's results are by state house district, not county: "
      "it moves only as a whole");
  bad(2016, "split", "CA=NV:06001;SCA:06003",
      "split: new state NV clashes with Nevada, a state of this election");
  bad(2016, "split", "CA=NCA:06001;SCA:06003",
      "split CA: 06005 (Amador County) is in no part: every county must "
      "be in exactly one");
  bad(2016, "move", "06999=NV", "move: \"06999\" is not a county");
  bad(2016, "move", "06001=XX", "move: unknown state \"XX\"");
  bad(2016, "admit", "PR", "admit PR needs a population (PR:POPULATION): "
      "tally has no census of it");
  bad(2016, "merge", "CA=X", "merge takes two or more states, not \"CA=X\"");
  bad(2016, "merge", "ND,SD=D", "merge: \"D\" is not a state code (2 or 3 "
      "capital letters)");
  bad(2016, "without", "02013", "without: Alaska's results are by state "
      "house district, not county: it moves only as a whole");
  bad(1996, "split", "cal3",
      "no built-in county results for 1996; have 2000-2024");
}

/*---- out of memory ----*/

/* The what-if allocates through its election's allocator: both fail. */
static tly_status run_cal3(const tly_allocator *a, void *ud)
{
  (void)ud;
  tly_election *in = NULL;
  tly_whatif_spec *s = NULL;
  tly_error err;
  tly_status st = tly_election_builtin(2016, TLY_SOURCE_MEDSL, a, &in, &err);
  if (st != TLY_OK)
    return st;
  st = tly_whatif_spec_new(a, &s, &err);
  if (st != TLY_OK) {
    tly_election_free(in);
    return st;
  }
  st = tly_whatif_spec_set(s, "split", "cal3", &err);
  if (st == TLY_OK)
    st = tly_whatif_spec_set(s, "reapportion", "true", &err);
  tly_election *out = NULL;
  if (st == TLY_OK)
    st = tly_whatif_spec_apply(in, s, &out, &err);
  tly_election_free(out);
  tly_whatif_spec_free(s);
  tly_election_free(in);
  return st;
}

Test(redraw, oom, .timeout = 900)
{
  tu_each_failure(run_cal3, NULL, 20000, true);
}
