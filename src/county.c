/*
 * county.c -- built-in results below the state: counties (MEDSL "County
 * Presidential Election Returns 2000-2020", doi:10.7910/DVN/VOQCHQ; 2024 the
 * tonmcg county file, D/R/total only) with census populations, and
 * congressional districts (The Downballot, 2008-2024). The tables are made
 * by data/mkdata_counties.py, which applies MEDSL's mode rule and checks
 * the county sums against the state returns; see data/README.md.
 */
#include "arith.h"
#include "csv.h"
#include "internal.h"
#include "precinct.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

enum { MAX_FIELD = 256, MAX_FIELDS = 16 };

struct tly_areas {
  const tly_allocator *a;
  int year;
  bool approx;
  bool districts;
  int census;
  tly_area *rows;
  size_t n, cap;
  char *names; /* every row's name, NUL-separated; rows point into it */
  size_t names_len, names_cap;
  char *cand[TLY_AREA_COLS]; /* NULL: the source has no such column */
  char *source; /* a file's (tly_areas_load); NULL for the built-in */
};

/*---- reading a built-in table ----*/

/* A built-in table (csv.c's tly__table) with this file's caps. */
static tly_status open_table(const tly_allocator *a, const char *name,
                             const char *const *cols, size_t n_cols,
                             tly__table *t, int *idx, tly_error *err)
{
  return tly__table_open(a, name, MAX_FIELD, MAX_FIELDS, cols, n_cols, t,
                         idx, err);
}

/* The next row (all fields present); *eof at the end. */
static tly_status next_row(tly__table *t, bool *eof, tly_error *err)
{
  size_t width = t->width;
  size_t n = 0;
  tly_status s = tly__csv_next(t->c, &t->f, &n, eof, err);
  if (s == TLY_OK && !*eof && n != width)
    s = tly__csv_fail(t->c, NULL, err, TLY_EPARSE,
                      "built-in %s: row has %zu fields, not %zu", t->name, n,
                      width);
  return s;
}

/* A count field: -1 when empty (the source lacks it). */
static bool count(const tly__csv_field *f, int64_t *v)
{
  if (f->n == 0) {
    *v = -1;
    return true;
  }
  return tly__scan_i64(f->p, f->n, 0, INT64_MAX, v) == TLY_OK;
}

static bool is(const tly__csv_field *f, const char *s)
{
  return strcmp(f->p, s) == 0;
}

/*---- building a table ----*/

static tly_status new_table(const tly_allocator *a, int year,
                            tly_areas **out, tly_error *err)
{
  a = tly__alloc_or_default(a);
  tly_areas *t = tly__calloc(a, 1, sizeof *t);
  if (t == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  t->a = a;
  t->year = year;
  *out = t;
  return TLY_OK;
}

/* Appends a row with this code, state and name (copied); *row is it. */
static tly_status add_row(tly_areas *t, const char *code, const char *state,
                          const char *name, tly_area **row, tly_error *err)
{
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    if (cap > SIZE_MAX / sizeof *t->rows)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    tly_area *r = tly__realloc(t->a, t->rows, t->cap * sizeof *t->rows,
                               cap * sizeof *t->rows);
    if (r == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    t->rows = r;
    t->cap = cap;
  }
  size_t len = strlen(name) + 1;
  if (t->names_cap - t->names_len < len) {
    size_t cap = t->names_cap ? t->names_cap : 4096;
    while (cap - t->names_len < len) {
      if (cap > SIZE_MAX / 2)
        return tly__fail(err, TLY_ENOMEM, "out of memory");
      cap *= 2;
    }
    char *p = tly__realloc(t->a, t->names, t->names_cap, cap);
    if (p == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    t->names = p;
    t->names_cap = cap;
  }
  memcpy(t->names + t->names_len, name, len);
  tly_area *r = &t->rows[t->n++];
  memset(r, 0, sizeof *r);
  snprintf(r->code, sizeof r->code, "%s", code);
  snprintf(r->state, sizeof r->state, "%s", state);
  r->name = (const char *)(uintptr_t)t->names_len; /* fixed up at the end */
  t->names_len += len;
  r->pop = -1;
  *row = r;
  return TLY_OK;
}

/* Points every row's name into the names buffer (which no longer moves). */
static void fix_names(tly_areas *t)
{
  for (size_t i = 0; i < t->n; i++)
    t->rows[i].name = t->names + (size_t)(uintptr_t)t->rows[i].name;
}

static tly_status set_candidate(tly_areas *t, size_t col, const char *name,
                                tly_error *err)
{
  char *p = tly__strdup(t->a, name);
  if (p == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  tly__free(t->a, t->cand[col], t->cand[col] ? strlen(t->cand[col]) + 1 : 0);
  t->cand[col] = p;
  return TLY_OK;
}

static tly_status check_state(const char *state, tly_error *err)
{
  if (state != NULL && (strlen(state) != 2 || tly_state_name(state) == NULL))
    return tly__fail(err, TLY_ENOTFOUND, "unknown state \"%s\"", state);
  return TLY_OK;
}

static bool same_state(const char *want, const char *have)
{
  return want == NULL || (have[0] == (want[0] & ~0x20) &&
                          have[1] == (want[1] & ~0x20));
}

/* The row of `code` in the first n rows (FIPS-sorted), or NULL. */
static tly_area *find_code(tly_areas *t, const char *code)
{
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(t->rows[mid].code, code);
    if (c == 0)
      return &t->rows[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/*---- counties ----*/

/* The postal code of a state FIPS code (Census Bureau, FIPS 5-2), NULL for
 * none. */
static const char *state_of_fips(const char *fips)
{
  static const char *const po[57] = {
      [1] = "AL",  [2] = "AK",  [4] = "AZ",  [5] = "AR",  [6] = "CA",
      [8] = "CO",  [9] = "CT",  [10] = "DE", [11] = "DC", [12] = "FL",
      [13] = "GA", [15] = "HI", [16] = "ID", [17] = "IL", [18] = "IN",
      [19] = "IA", [20] = "KS", [21] = "KY", [22] = "LA", [23] = "ME",
      [24] = "MD", [25] = "MA", [26] = "MI", [27] = "MN", [28] = "MS",
      [29] = "MO", [30] = "MT", [31] = "NE", [32] = "NV", [33] = "NH",
      [34] = "NJ", [35] = "NM", [36] = "NY", [37] = "NC", [38] = "ND",
      [39] = "OH", [40] = "OK", [41] = "OR", [42] = "PA", [44] = "RI",
      [45] = "SC", [46] = "SD", [47] = "TN", [48] = "TX", [49] = "UT",
      [50] = "VT", [51] = "VA", [53] = "WA", [54] = "WV", [55] = "WI",
      [56] = "WY"};
  if (fips[0] < '0' || fips[0] > '9' || fips[1] < '0' || fips[1] > '9')
    return NULL;
  int k = (fips[0] - '0') * 10 + (fips[1] - '0');
  return k < 57 ? po[k] : NULL;
}

static const char *const COLS[TLY_AREA_COLS] = {"dem", "rep", "lib", "grn",
                                                "oth"};

/* The candidate names of the year's county columns. */
static tly_status county_names(tly_areas *t, tly_error *err)
{
  static const char *const cols[] = {"year", "party", "name"};
  int idx[3];
  tly__table tb;
  tly_status s = open_table(t->a, "county_names.csv", cols, 3, &tb, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_row(&tb, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    if (tly__scan_i64(tb.f[idx[0]].p, tb.f[idx[0]].n, 0, 9999, &y) !=
        TLY_OK) {
      s = tly__csv_fail(tb.c, &tb.f[idx[0]], err, TLY_EPARSE,
                        "built-in county_names.csv: bad year");
      break;
    }
    if (y != t->year)
      continue;
    for (size_t c = 0; c < TLY_AREA_COLS && s == TLY_OK; c++)
      if (is(&tb.f[idx[1]], COLS[c]))
        s = set_candidate(t, c, tb.f[idx[2]].p, err);
  }
  tly__csv_free(tb.c);
  return s;
}

/* Names and populations from counties.csv for the FIPS-sorted rows. */
static tly_status county_info(tly_areas *t, tly_error *err)
{
  static const char *const cols[] = {"fips", "name", "pop2000", "pop2010",
                                     "pop2020"};
  int idx[5];
  tly__table tb;
  tly_status s = open_table(t->a, "counties.csv", cols, 5, &tb, idx, err);
  size_t pop_col = (size_t)idx[2 + (size_t)(t->census - 2000) / 10];
  /* Each row's name is appended to the names buffer; rows hold offsets
   * until fix_names. */
  while (s == TLY_OK) {
    bool eof;
    s = next_row(&tb, &eof, err);
    if (s != TLY_OK || eof)
      break;
    tly_area *r = find_code(t, tb.f[idx[0]].p);
    if (r == NULL)
      continue;
    if (!count(&tb.f[pop_col], &r->pop)) {
      s = tly__csv_fail(tb.c, &tb.f[pop_col], err, TLY_EPARSE,
                        "built-in counties.csv: bad population");
      break;
    }
    size_t len = tb.f[idx[1]].n + 1;
    if (t->names_cap - t->names_len < len) {
      size_t cap = t->names_cap ? t->names_cap * 2 : 4096;
      while (cap - t->names_len < len)
        cap *= 2;
      char *p = tly__realloc(t->a, t->names, t->names_cap, cap);
      if (p == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      t->names = p;
      t->names_cap = cap;
    }
    memcpy(t->names + t->names_len, tb.f[idx[1]].p, len);
    r->name = (const char *)(uintptr_t)t->names_len;
    t->names_len += len;
  }
  tly__csv_free(tb.c);
  return s;
}

tly_status tly_areas_counties(int year, const char *state,
                              const tly_allocator *a, tly_areas **out,
                              tly_error *err)
{
  *out = NULL;
  if (year < 2000 || year > 2024 || year % 4 != 0)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in county results for %d; have 2000-2024",
                     year);
  tly_status s = check_state(state, err);
  if (s != TLY_OK)
    return s;
  tly_areas *t = NULL;
  s = new_table(a, year, &t, err);
  if (s != TLY_OK)
    return s;
  t->census = year - (year % 10 == 8 ? 8 : year % 10); /* 2008 -> 2000 */
  static const char *const cols[] = {"year", "fips", "dem", "rep", "lib",
                                     "grn", "oth", "total"};
  int idx[8];
  tly__table tb;
  s = open_table(t->a, "county_results.csv", cols, 8, &tb, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_row(&tb, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    if (tly__scan_i64(tb.f[idx[0]].p, tb.f[idx[0]].n, 0, 9999, &y) !=
        TLY_OK) {
      s = tly__csv_fail(tb.c, &tb.f[idx[0]], err, TLY_EPARSE,
                        "built-in county_results.csv: bad year");
      break;
    }
    const tly__csv_field *fips = &tb.f[idx[1]];
    if (y != year || fips->n != 5)
      continue;
    char st[3] = {0};
    const char *po = state_of_fips(fips->p);
    if (po == NULL) {
      s = tly__csv_fail(tb.c, fips, err, TLY_EPARSE,
                        "built-in county_results.csv: unknown FIPS \"%s\"",
                        fips->p);
      break;
    }
    memcpy(st, po, 2);
    if (!same_state(state, st))
      continue;
    tly_area *r;
    s = add_row(t, fips->p, st, "", &r, err);
    for (size_t c = 0; s == TLY_OK && c < TLY_AREA_COLS; c++)
      if (!count(&tb.f[idx[2 + c]], &r->votes[c]))
        s = tly__csv_fail(tb.c, &tb.f[idx[2 + c]], err, TLY_EPARSE,
                          "built-in county_results.csv: bad count");
    if (s == TLY_OK && (!count(&tb.f[idx[7]], &r->total) || r->total < 0))
      s = tly__csv_fail(tb.c, &tb.f[idx[7]], err, TLY_EPARSE,
                        "built-in county_results.csv: bad total");
  }
  tly__csv_free(tb.c);
  if (s == TLY_OK)
    s = county_names(t, err);
  if (s == TLY_OK)
    s = county_info(t, err);
  if (s != TLY_OK) {
    tly_areas_free(t);
    return s;
  }
  fix_names(t);
  *out = t;
  return TLY_OK;
}

/*---- districts ----*/

tly_status tly_areas_districts(int year, const char *state,
                               const tly_allocator *a, tly_areas **out,
                               tly_error *err)
{
  *out = NULL;
  if (year < 2008 || year > 2024 || year % 4 != 0)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in district results for %d; have 2008-2024",
                     year);
  tly_status s = check_state(state, err);
  if (s != TLY_OK)
    return s;
  tly_areas *t = NULL;
  s = new_table(a, year, &t, err);
  if (s != TLY_OK)
    return s;
  t->districts = true;
  static const char *const cols[] = {"year", "cd", "dem", "rep", "total",
                                     "counts"};
  int idx[6];
  tly__table tb;
  s = open_table(t->a, "district_results.csv", cols, 6, &tb, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_row(&tb, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    if (tly__scan_i64(tb.f[idx[0]].p, tb.f[idx[0]].n, 0, 9999, &y) !=
        TLY_OK) {
      s = tly__csv_fail(tb.c, &tb.f[idx[0]], err, TLY_EPARSE,
                        "built-in district_results.csv: bad year");
      break;
    }
    const tly__csv_field *cd = &tb.f[idx[1]];
    if (y != year)
      continue;
    if (cd->n < 4 || cd->n > 5 || cd->p[2] != '-') {
      s = tly__csv_fail(tb.c, cd, err, TLY_EPARSE,
                        "built-in district_results.csv: bad district");
      break;
    }
    char st[3] = {cd->p[0], cd->p[1], 0};
    if (!same_state(state, st))
      continue;
    tly_area *r;
    s = add_row(t, cd->p, st, cd->p, &r, err);
    int64_t d = 0, rep = 0;
    if (s == TLY_OK &&
        (!count(&tb.f[idx[2]], &d) || !count(&tb.f[idx[3]], &rep) ||
         !count(&tb.f[idx[4]], &r->total) || d < 0 || rep < 0 ||
         r->total < 0))
      s = tly__csv_fail(tb.c, NULL, err, TLY_EPARSE,
                        "built-in district_results.csv: bad count");
    if (s != TLY_OK)
      break;
    r->votes[TLY_AREA_DEM] = d;
    r->votes[TLY_AREA_REP] = rep;
    r->votes[TLY_AREA_LIB] = -1;
    r->votes[TLY_AREA_GRN] = -1;
    int64_t dr;
    if (!tly__add_i64(d, rep, &dr) || dr > r->total) {
      s = tly__csv_fail(tb.c, NULL, err, TLY_EPARSE,
                        "built-in district_results.csv: D + R above the "
                        "total");
      break;
    }
    r->votes[TLY_AREA_OTH] = r->total - dr;
    if (is(&tb.f[idx[5]], "approx"))
      t->approx = true;
  }
  tly__csv_free(tb.c);
  if (s == TLY_OK) {
    /* The source gives D and R by share of the two-party vote; names are
     * those of the state returns' nominees. */
    static const char *const noms[][2] = {
        {"Barack Obama", "John McCain"},    {"Barack Obama", "Mitt Romney"},
        {"Hillary Clinton", "Donald Trump"}, {"Joe Biden", "Donald Trump"},
        {"Kamala Harris", "Donald Trump"}};
    size_t k = (size_t)(year - 2008) / 4;
    s = set_candidate(t, TLY_AREA_DEM, noms[k][0], err);
    if (s == TLY_OK)
      s = set_candidate(t, TLY_AREA_REP, noms[k][1], err);
    if (s == TLY_OK)
      s = set_candidate(t, TLY_AREA_OTH, "Others", err);
  }
  if (s != TLY_OK) {
    tly_areas_free(t);
    return s;
  }
  fix_names(t);
  *out = t;
  return TLY_OK;
}

/*---- a table from a file (precinct.c) ----*/

tly_status tly__areas_make(const tly_allocator *a, int year,
                           const char *source, tly_areas **out,
                           tly_error *err)
{
  tly_status s = new_table(a, year, out, err);
  if (s != TLY_OK)
    return s;
  (*out)->source = tly__strdup((*out)->a, source);
  if ((*out)->source == NULL) {
    tly_areas_free(*out);
    *out = NULL;
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return TLY_OK;
}

tly_status tly__areas_add(tly_areas *t, const char *code, const char *state,
                          const char *name,
                          const int64_t votes[TLY_AREA_COLS], int64_t total,
                          tly_error *err)
{
  tly_area *r;
  tly_status s = add_row(t, code, state, name, &r, err);
  if (s != TLY_OK)
    return s;
  memcpy(r->votes, votes, sizeof r->votes);
  r->total = total;
  return TLY_OK;
}

tly_status tly__areas_name(tly_areas *t, size_t col, const char *name,
                           tly_error *err)
{
  return set_candidate(t, col, name, err);
}

void tly__areas_done(tly_areas *t) { fix_names(t); }

/*---- getters ----*/

void tly_areas_free(tly_areas *t)
{
  if (t == NULL)
    return;
  for (size_t c = 0; c < TLY_AREA_COLS; c++)
    if (t->cand[c] != NULL)
      tly__free(t->a, t->cand[c], strlen(t->cand[c]) + 1);
  if (t->source != NULL)
    tly__free(t->a, t->source, strlen(t->source) + 1);
  tly__free(t->a, t->names, t->names_cap);
  tly__free(t->a, t->rows, t->cap * sizeof *t->rows);
  tly__free(t->a, t, sizeof *t);
}

int tly_areas_year(const tly_areas *t) { return t->year; }
size_t tly_areas_n(const tly_areas *t) { return t->n; }
bool tly_areas_approx(const tly_areas *t) { return t->approx; }
int tly_areas_census(const tly_areas *t) { return t->census; }

const tly_area *tly_areas_row(const tly_areas *t, size_t i)
{
  TLY_ASSERT(i < t->n);
  return &t->rows[i];
}

const char *tly_areas_candidate(const tly_areas *t, size_t col)
{
  return col < TLY_AREA_COLS ? t->cand[col] : NULL;
}

const char *tly_areas_source(const tly_areas *t)
{
  if (t->source != NULL)
    return t->source;
  if (t->districts)
    return t->approx
               ? "The Downballot, presidential results by congressional "
                 "district (approximate: rebuilt from rounded shares)"
               : "The Downballot, presidential results by congressional "
                 "district";
  if (t->year == 2024)
    return "tonmcg county results 2024 (scraped from news results, not "
           "authoritative; D, R and total only)";
  return "MEDSL County Presidential Election Returns 2000-2020 "
         "(doi:10.7910/DVN/VOQCHQ)";
}

/*---- differences from the state returns ----*/

tly_status tly_areas_diffs(const tly_areas *t, const tly_election *e,
                           tly_area_diff *out, size_t cap, size_t *n,
                           tly_error *err)
{
  *n = 0;
  if (tly_election_year(e) != t->year)
    return tly__fail(err, TLY_EINVAL,
                     "the state returns are of %d, the areas of %d",
                     tly_election_year(e), t->year);
  int32_t cd = tly_election_find_candidate(e, "D");
  int32_t cr = tly_election_find_candidate(e, "R");
  if (cd < 0 || cr < 0)
    return tly__fail(err, TLY_EINVAL,
                     "the state returns lack a Democratic or Republican "
                     "nominee");
  size_t i = 0;
  while (i < t->n) {
    size_t j = i;
    int64_t sum[2] = {0, 0};
    for (; j < t->n && strcmp(t->rows[j].state, t->rows[i].state) == 0; j++)
      for (size_t k = 0; k < 2; k++)
        if (t->rows[j].votes[k] > 0 &&
            !tly__add_i64(sum[k], t->rows[j].votes[k], &sum[k]))
          return tly__fail(err, TLY_EOVERFLOW, "vote sum overflows");
    int32_t u = tly_election_find_unit(e, t->rows[i].state);
    int64_t sv[2] = {0, 0};
    if (u >= 0) {
      sv[0] = tly_election_votes(e, (size_t)u, (size_t)cd);
      sv[1] = tly_election_votes(e, (size_t)u, (size_t)cr);
    }
    if (sum[0] != sv[0] || sum[1] != sv[1]) {
      if (*n < cap) {
        tly_area_diff *d = &out[*n];
        memcpy(d->state, t->rows[i].state, sizeof d->state);
        memcpy(d->areas, sum, sizeof sum);
        memcpy(d->state_votes, sv, sizeof sv);
      }
      (*n)++;
    }
    i = j;
  }
  return TLY_OK;
}
