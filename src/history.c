/*
 * history.c -- every election 1789-1972 from the historical record
 * (data/history*.csv, made by data/mkdata.py from UCSB's American
 * Presidency Project and the Clerk of the House, "Statistics of the
 * Presidential and Congressional Election"), each counted by the rules of
 * its time (college.c, article2.c), and the table of all elections
 * 1789-2024: who became President, the popular-vote leader and whether
 * the leader lost.
 */
#include "history.h"

#include "arith.h"
#include "csv.h"
#include "json.h"
#include "results.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

#define MAX_FIELD 1024
#define MAX_FIELDS 16
#define MAX_UNITS 64 /* states in one election (51 at most) */
#define TWO_VOTES_LAST 1800 /* the 12th Amendment applies from 1804 */

/*---- The built-in tables ----*/

/* A built-in table (csv.c's tly__table) with this file's caps. */
static tly_status open_table(const tly_allocator *a, const char *name,
                             const char *const *cols, size_t n_cols,
                             tly__table *t, int *idx, tly_error *err)
{
  return tly__table_open(a, name, MAX_FIELD, MAX_FIELDS, cols, n_cols, t,
                         idx, err);
}

/* The next row of t for `year` (rows of other years skipped); *eof at the
 * end. */
static tly_status next_of_year(tly__table *t, int year, int year_col, bool *eof,
                               tly_error *err)
{
  for (;;) {
    size_t n = 0;
    tly_status s = tly__csv_next(t->c, &t->f, &n, eof, err);
    if (s != TLY_OK || *eof)
      return s;
    if (n != t->width)
      return tly__fail(err, TLY_EPARSE, "built-in table is malformed");
    int64_t y;
    const tly__csv_field *fy = &t->f[year_col];
    if (tly__scan_i64(fy->p, fy->n, 0, 9999, &y) != TLY_OK)
      return tly__fail(err, TLY_EPARSE, "built-in table is malformed");
    if (y == year)
      return TLY_OK;
  }
}

static bool field_i64(const tly__csv_field *f, int64_t *v)
{
  return tly__scan_i64(f->p, f->n, 0, INT64_MAX, v) == TLY_OK;
}

size_t tly__history_years(int *years, size_t cap)
{
  static const char *const cols[] = {"year"};
  int idx[1];
  tly__table t;
  size_t n = 0;
  int last = 0;
  tly_status s = open_table(NULL, "history_units.csv", cols, 1, &t, idx,
                            NULL);
  while (s == TLY_OK) {
    bool eof;
    size_t w = 0;
    s = tly__csv_next(t.c, &t.f, &w, &eof, NULL);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    if (!field_i64(&t.f[idx[0]], &y) || y == last)
      continue;
    if (n < cap)
      years[n] = (int)y;
    n++;
    last = (int)y;
  }
  tly__csv_free(t.c);
  return n;
}

bool tly__history_has(int year)
{
  int years[128];
  size_t n = tly__history_years(years, 128);
  for (size_t i = 0; i < n && i < 128; i++) {
    if (years[i] == year)
      return true;
  }
  return false;
}

const char *tly_rule_of_year(int year)
{
  if (year <= TWO_VOTES_LAST)
    return "art. II: two votes per elector";
  if (year < 1964)
    return "12th Amendment";
  return "12th and 23rd Amendments (DC votes)";
}

bool tly_election_two_votes(const tly_election *e) { return e->two_votes; }

size_t tly_election_n_contingent_records(const tly_election *e)
{
  return e->n_contingent;
}

const tly_contingent_record *
tly_election_contingent_record(const tly_election *e, size_t i)
{
  return i < e->n_contingent ? &e->contingent_pub[i] : NULL;
}

/*---- Loading a historical election ----*/

/* What a unit's rows say, to decide whether its popular vote decides its
 * electors. */
typedef struct {
  char code[8];
  char top[64];     /* the plurality winner among named candidates */
  int64_t top_votes, second_votes, top_electors;
  bool popular, not_counted;
  int64_t electors;
} hunit;

static hunit *hunit_of(hunit *u, size_t *n, const char *code)
{
  for (size_t i = 0; i < *n; i++) {
    if (strcmp(u[i].code, code) == 0)
      return &u[i];
  }
  if (*n >= MAX_UNITS || strlen(code) >= sizeof u->code)
    return NULL;
  hunit *h = &u[(*n)++];
  memset(h, 0, sizeof *h);
  memcpy(h->code, code, strlen(code) + 1);
  return h;
}

/* The census whose apportionment set the electors of `year`: the latest
 * census in census_seats.csv at least two years before (its apportionment
 * took effect for the next Congress); 0 for 1789. One pass over the
 * table; loads no election. Fails only when the table cannot be read. */
tly_status tly__history_census(const tly_allocator *a, int year, int *census,
                               tly_error *err)
{
  static const char *const cols[] = {"census"};
  int idx[1];
  tly__table t;
  int best = 0;
  tly_status s = open_table(a, "census_seats.csv", cols, 1, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    size_t w = 0;
    s = tly__csv_next(t.c, &t.f, &w, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t c;
    if (field_i64(&t.f[idx[0]], &c) && c + 2 <= year && c > best)
      best = (int)c;
  }
  tly__csv_free(t.c);
  *census = best;
  return s;
}

/* Units: how each chose its electors and how many were counted. */
static tly_status read_units(tly__builder *b, const tly_allocator *a,
                             int year, hunit *hu, size_t *n_hu,
                             tly_error *err)
{
  static const char *const cols[] = {"year", "unit", "chosen_by",
                                     "electors", "note"};
  int idx[5];
  tly__table t;
  tly_status s = open_table(a, "history_units.csv", cols, 5, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_of_year(&t, year, idx[0], &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t ev;
    hunit *h = hunit_of(hu, n_hu, t.f[idx[1]].p);
    if (h == NULL || !field_i64(&t.f[idx[3]], &ev) || ev > 100) {
      s = tly__fail(err, TLY_EPARSE, "built-in history_units.csv is "
                                     "malformed");
      break;
    }
    const char *how = t.f[idx[2]].p;
    h->popular = strcmp(how, "legislature") != 0;
    h->not_counted = strcmp(how, "not counted") == 0;
    h->electors = ev;
    s = tly__builder_electors(b, h->code, (int32_t)ev, err);
    if (s == TLY_OK && t.f[idx[4]].n > 0) {
      char line[400];
      snprintf(line, sizeof line, "%s: %s", h->code, t.f[idx[4]].p);
      s = tly__builder_note(b, line, err);
    }
  }
  tly__csv_free(t.c);
  return s;
}

/* Candidates and votes; with `e` (second pass) the by-record electors. */
static tly_status read_rows(tly__builder *b, const tly_election *e,
                            tly__record *rec, size_t *n_rec,
                            const tly_allocator *a, int year, hunit *hu,
                            size_t *n_hu, tly_error *err)
{
  static const char *const cols[] = {"year", "unit", "name", "party",
                                     "votes", "electors"};
  int idx[6];
  tly__table t;
  tly_status s = open_table(a, "history.csv", cols, 6, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_of_year(&t, year, idx[0], &eof, err);
    if (s != TLY_OK || eof)
      break;
    const char *code = t.f[idx[1]].p;
    const char *name = t.f[idx[2]].p;
    const tly__csv_field *fv = &t.f[idx[4]];
    int64_t ev;
    int64_t v = 0;
    hunit *h = hunit_of(hu, n_hu, code);
    if (h == NULL || !field_i64(&t.f[idx[5]], &ev) || ev > 100 ||
        (fv->n > 0 && !field_i64(fv, &v))) {
      s = tly__fail(err, TLY_EPARSE, "built-in history.csv is malformed");
      break;
    }
    if (e != NULL) {
      int32_t u = tly_election_find_unit(e, code);
      if (u < 0 || !e->units[u].by_record || ev == 0)
        continue;
      int32_t c = -1;
      for (size_t k = 0; k < e->n_cands; k++) {
        if (strcmp(e->cands[k].name, name) == 0)
          c = (int32_t)k;
      }
      tly__record *r = &rec[(*n_rec)++];
      memcpy(r->code, e->units[u].code, sizeof r->code);
      r->cand = c;
      r->electors = (int32_t)ev;
      continue;
    }
    if (fv->n > 0)
      s = tly__builder_add(b, code, name, t.f[idx[3]].p, v, err);
    if (s == TLY_OK)
      s = tly__builder_candidate(b, name, t.f[idx[3]].p, ev, err);
    if (s != TLY_OK)
      break;
    if (fv->n > 0 && strcmp(name, "Others") != 0) {
      if (h->top[0] == '\0' || v > h->top_votes) {
        h->second_votes = h->top_votes;
        snprintf(h->top, sizeof h->top, "%s", name);
        h->top_votes = v;
        h->top_electors = ev;
      } else if (v > h->second_votes) {
        h->second_votes = v;
      }
    }
  }
  tly__csv_free(t.c);
  return s;
}

static tly_status read_cast(tly__builder *b, const tly_allocator *a,
                            int year, hunit *hu, size_t n_hu,
                            tly_error *err)
{
  static const char *const cols[] = {"year", "unit", "pledged", "cast",
                                     "electors", "counted"};
  int idx[6];
  tly__table t;
  tly_status s = open_table(a, "history_cast.csv", cols, 6, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_of_year(&t, year, idx[0], &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t n, counted;
    if (!field_i64(&t.f[idx[4]], &n) || n > 100 ||
        !field_i64(&t.f[idx[5]], &counted)) {
      s = tly__fail(err, TLY_EPARSE, "built-in history_cast.csv is "
                                     "malformed");
      break;
    }
    s = tly__builder_cast(b, t.f[idx[1]].p, t.f[idx[2]].p, t.f[idx[3]].p,
                          (int32_t)n, err);
    if (counted == 0)
      tly__builder_cast_not_counted(b);
  }
  tly__csv_free(t.c);
  TLY_UNUSED(hu);
  TLY_UNUSED(n_hu);
  return s;
}

static tly_status read_notes(tly__builder *b, const tly_allocator *a,
                             int year, tly_error *err)
{
  static const char *const cols[] = {"year", "note"};
  int idx[2];
  tly__table t;
  tly_status s = open_table(a, "history_notes.csv", cols, 2, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_of_year(&t, year, idx[0], &eof, err);
    if (s != TLY_OK || eof)
      break;
    s = tly__builder_note(b, t.f[idx[1]].p, err);
  }
  tly__csv_free(t.c);
  return s;
}

static tly_status read_contingent(tly_election *e, const tly_allocator *a,
                                  int year, tly_error *err)
{
  static const char *const cols[] = {"year", "office", "chamber", "chosen",
                                     "ballot", "note"};
  int idx[6];
  tly__table t;
  tly_status s =
      open_table(a, "history_contingent.csv", cols, 6, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_of_year(&t, year, idx[0], &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t ballot;
    if (e->n_contingent >= TLY__MAX_CONTINGENT ||
        !field_i64(&t.f[idx[4]], &ballot) || ballot > 1000) {
      s = tly__fail(err, TLY_EPARSE, "built-in history_contingent.csv is "
                                     "malformed");
      break;
    }
    tly__contingent *k = &e->contingent[e->n_contingent++];
    snprintf(k->office, sizeof k->office, "%s", t.f[idx[1]].p);
    snprintf(k->chamber, sizeof k->chamber, "%s", t.f[idx[2]].p);
    snprintf(k->chosen, sizeof k->chosen, "%s", t.f[idx[3]].p);
    snprintf(k->note, sizeof k->note, "%s", t.f[idx[5]].p);
    k->ballot = (int32_t)ballot;
  }
  tly__csv_free(t.c);
  tly__election_contingent_sync(e);
  return s;
}

const char *tly__history_source_name(int year)
{
  return year <= 1920 ? "UCSB American Presidency Project"
                      : "Clerk of the House (state totals: UCSB)";
}

tly_status tly__history_load(int year, const tly_allocator *a,
                             tly_election **out, tly_error *err)
{
  *out = NULL;
  if (!tly__history_has(year))
    return tly__fail(err, TLY_ENODATA,
                     "the historical record has no election %d", year);
  tly__builder *b = NULL;
  tly_status s = tly__builder_new(a, &b, err);
  if (s != TLY_OK)
    return s;
  hunit hu[MAX_UNITS];
  size_t n_hu = 0;
  bool two = year <= TWO_VOTES_LAST;
  tly_election *e = NULL;
  s = read_units(b, a, year, hu, &n_hu, err);
  if (s == TLY_OK)
    s = read_rows(b, NULL, NULL, NULL, a, year, hu, &n_hu, err);
  /* A state's popular vote decides its electors when the record gives its
   * whole slate to the plurality winner (a general ticket); otherwise
   * (a legislature, a split slate, unpledged electors, two votes per
   * elector) its electors are as recorded and cannot move. */
  for (size_t i = 0; s == TLY_OK && i < n_hu; i++) {
    const hunit *h = &hu[i];
    bool decided = h->popular && !two && !h->not_counted &&
                   h->top[0] != '\0' && h->top_votes > h->second_votes &&
                   h->top_electors == h->electors;
    s = tly__builder_unit_flags(b, h->code, !decided && !h->not_counted,
                                h->not_counted, err);
  }
  if (s == TLY_OK)
    s = read_cast(b, a, year, hu, n_hu, err);
  if (s == TLY_OK && two)
    s = tly__builder_note(b, "before the 12th Amendment each elector cast "
                             "two votes, undistinguished: the electoral "
                             "votes are twice the electors",
                          err);
  if (s == TLY_OK)
    s = tly__builder_note(b, "electors counted are those who voted (the "
                             "record gives votes cast, not electors "
                             "appointed): the majority is of them",
                          err);
  if (s == TLY_OK)
    s = read_notes(b, a, year, err);
  int census = 0;
  if (s == TLY_OK)
    s = tly__history_census(a, year, &census, err);
  if (s == TLY_OK)
    s = tly__builder_finish(b, year, TLY_SOURCE_HISTORY,
                            tly__history_source_name(year), census, &e, err);
  tly__builder_free(b);
  if (s == TLY_OK) {
    /* The by-record electors: at most one entry per unit and candidate,
     * then shrunk to what the record holds. */
    e->two_votes = two;
    size_t cap = e->n_units * e->n_cands + 1;
    size_t n_rec = 0;
    tly__record *rec = tly__calloc(&e->alloc, cap, sizeof *rec);
    if (rec == NULL)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
    else
      s = read_rows(NULL, e, rec, &n_rec, a, year, hu, &n_hu, err);
    if (s == TLY_OK && n_rec > 0) {
      tly__record *r = tly__realloc(&e->alloc, rec, cap * sizeof *rec,
                                    n_rec * sizeof *rec);
      if (r == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
      } else {
        e->record = r;
        e->n_record = n_rec;
        rec = NULL;
        cap = 0;
      }
    }
    tly__free(&e->alloc, rec, cap * sizeof *rec);
  }
  if (s == TLY_OK)
    s = read_contingent(e, a, year, err);
  if (s != TLY_OK) {
    tly_election_free(e);
    return s;
  }
  *out = e;
  return TLY_OK;
}

/*---- The table of every election ----*/

struct tly_history {
  tly_allocator alloc;
  size_t n, cap;
  tly_history_row *rows;
  char note_1960[512]; /* "" unless 1960 is in the table */
  char checks[16][1024]; /* where the record differs from MEDSL, by year */
  size_t n_checks;
};

void tly_history_free(tly_history *h)
{
  if (h == NULL)
    return;
  tly_allocator a = h->alloc;
  tly__free(&a, h->rows, h->cap * sizeof *h->rows);
  tly__free(&a, h, sizeof *h);
}

size_t tly_history_n_rows(const tly_history *h) { return h->n; }

const tly_history_row *tly_history_row_at(const tly_history *h, size_t i)
{
  return i < h->n ? &h->rows[i] : NULL;
}

const char *tly_history_1960_note(void)
{
  return "1960: Alabama's Democratic vote (the vote of its top Democratic "
         "elector) is counted for Kennedy, as the Clerk of the House counts "
         "it; 6 of its 11 Democratic electors were unpledged and voted for "
         "Byrd";
}

/* Whether candidate c is a person (the unnamed "Others" is not). */
static bool person(const tly_election *e, size_t c)
{
  return !(strcmp(e->cands[c].name, "Others") == 0 &&
           e->cands[c].party[0] == '\0');
}

/* The historical record (Clerk of the House) against MEDSL, 1976-2020:
 * data/history_check.csv (year,unit,name,record,medsl) has a row for each
 * nominee whose count differs (mkdata.py). Writes one note for `year`
 * into h->checks when it has such rows: the states and both counts. */
static tly_status note_check(tly_history *h, int year, tly_error *err)
{
  static const char *const cols[] = {"year", "unit", "name", "record",
                                     "medsl"};
  int idx[5];
  tly__table t;
  if (h->n_checks == sizeof h->checks / sizeof h->checks[0])
    return TLY_OK;
  size_t len = 0;
  size_t n_states = 0;
  char last[8] = "";
  char body[900] = "";
  tly_status s = open_table(NULL, "history_check.csv", cols, 5, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_of_year(&t, year, idx[0], &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t rec, med = -1;
    const tly__csv_field *u = &t.f[idx[1]];
    if (u->n >= sizeof last || !field_i64(&t.f[idx[3]], &rec) ||
        (t.f[idx[4]].n > 0 && !field_i64(&t.f[idx[4]], &med))) {
      s = tly__fail(err, TLY_EPARSE, "built-in history_check.csv is "
                                     "malformed");
      break;
    }
    char b1[32], b2[32];
    bool same_state = strcmp(last, u->p) == 0;
    if (!same_state) {
      memcpy(last, u->p, u->n + 1);
      n_states++;
    }
    int w = snprintf(body + len, sizeof body - len, "%s%s%s%s %s (MEDSL %s)",
                     len == 0 ? "" : (same_state ? ", " : "; "),
                     same_state ? "" : u->p, same_state ? "" : " ",
                     t.f[idx[2]].p, tly_format_count(rec, b1, sizeof b1),
                     med < 0 ? "none" : tly_format_count(med, b2, sizeof b2));
    if (w < 0 || (size_t)w >= sizeof body - len)
      break; /* a note is a few states: the cap is never reached */
    len += (size_t)w;
  }
  tly__csv_free(t.c);
  if (s != TLY_OK || n_states == 0)
    return s;
  snprintf(h->checks[h->n_checks], sizeof h->checks[0],
           "%d: the Clerk of the House's record differs from MEDSL (the "
           "source used) in %zu state%s: %s",
           year, n_states, n_states == 1 ? "" : "s", body);
  h->n_checks++;
  return TLY_OK;
}

/* 1960 under the other convention: Alabama's Democratic vote split by its
 * electors, 5 of 11 for Kennedy (rounded down), the rest to the unpledged
 * slate. Writes the sentence into h->note_1960. */
static tly_status note_1960(tly_history *h, const tly_election *e,
                            const tly_outcome *o, tly_error *err)
{
  int32_t k = tly_election_find_candidate(e, "John F. Kennedy");
  int32_t n = tly_election_find_candidate(e, "Richard Nixon");
  int32_t al = tly_election_find_unit(e, "AL");
  if (k < 0 || n < 0 || al < 0)
    return tly__fail(err, TLY_EPARSE, "built-in 1960 lacks Kennedy, Nixon "
                                      "or Alabama");
  int64_t kv = tly_outcome_votes(o, (size_t)k);
  int64_t nv = tly_outcome_votes(o, (size_t)n);
  int64_t al_k = tly_election_votes(e, (size_t)al, (size_t)k);
  /* floor(al_k * 5 / 11): al_k < 2^40, so the product cannot overflow. */
  int64_t kept = al_k * 5 / 11;
  int64_t margin = 0;
  int64_t split_margin = 0;
  if (!tly__sub_i64(kv, nv, &margin) ||
      !tly__sub_i64(nv, kv - al_k + kept, &split_margin))
    return tly__fail(err, TLY_EOVERFLOW, "1960 margins overflow");
  char b1[32], b2[32], b3[32];
  snprintf(h->note_1960, sizeof h->note_1960,
           "%s; so Kennedy leads the popular vote by %s. Split by "
           "Alabama's electors (5 of 11 for Kennedy: %s), Nixon would lead "
           "by %s: tally uses the first convention and does not count 1960 "
           "as an election the popular-vote leader lost",
           tly_history_1960_note(), tly_format_count(margin, b1, sizeof b1),
           tly_format_count(kept, b2, sizeof b2),
           tly_format_count(split_margin, b3, sizeof b3));
  return TLY_OK;
}

static tly_status history_row(tly_history *h, int year, tly_error *err)
{
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_status s = tly_election_builtin(year, tly_builtin_source(year),
                                      &h->alloc, &e, err);
  if (s == TLY_OK)
    s = tly_college(e, &o, err);
  if (s != TLY_OK)
    goto done;
  tly_history_row *r = &h->rows[h->n];
  memset(r, 0, sizeof *r);
  r->year = year;
  snprintf(r->source, sizeof r->source, "%.63s", e->source_name);
  snprintf(r->rule, sizeof r->rule, "%s", tly_rule_of_year(year));
  r->electors = tly_outcome_electors(o);
  r->majority = tly_outcome_majority(o);
  r->n_states = tly_outcome_n_states(o);
  r->n_voted = tly_outcome_n_voted(o);
  r->total_votes = tly_outcome_total_votes(o);
  int32_t pres = tly_outcome_winner(o);
  if (pres < 0) {
    for (size_t i = 0; i < e->n_contingent; i++) {
      const tly__contingent *k = &e->contingent[i];
      if (strcmp(k->office, "President") != 0)
        continue;
      for (size_t c = 0; c < e->n_cands; c++) {
        if (strcmp(e->cands[c].name, k->chosen) == 0)
          pres = (int32_t)c;
      }
      r->by_house = pres >= 0;
    }
  }
  if (pres < 0) {
    s = tly__fail(err, TLY_EPARSE, "%d: no President in the record", year);
    goto done;
  }
  snprintf(r->president, sizeof r->president, "%.63s", e->cands[pres].name);
  r->president_ev = tly_outcome_cast(o, (size_t)pres);
  int32_t ru = -1;
  for (size_t c = 0; c < e->n_cands; c++) {
    if ((int32_t)c != pres && person(e, c) &&
        (ru < 0 || tly_outcome_cast(o, c) > tly_outcome_cast(o, (size_t)ru)))
      ru = (int32_t)c;
  }
  if (ru >= 0) {
    snprintf(r->runner_up, sizeof r->runner_up, "%s", e->cands[ru].name);
    r->runner_up_ev = tly_outcome_cast(o, (size_t)ru);
  }
  if (r->n_voted > 0) {
    int32_t first = -1;
    int32_t second = -1;
    for (size_t c = 0; c < e->n_cands; c++) {
      if (!person(e, c))
        continue;
      int64_t v = tly_outcome_votes(o, c);
      if (first < 0 || v > tly_outcome_votes(o, (size_t)first)) {
        second = first;
        first = (int32_t)c;
      } else if (second < 0 || v > tly_outcome_votes(o, (size_t)second)) {
        second = (int32_t)c;
      }
    }
    if (first >= 0) {
      snprintf(r->pv_leader, sizeof r->pv_leader, "%s",
               e->cands[first].name);
      r->pv_leader_votes = tly_outcome_votes(o, (size_t)first);
      int64_t sv = second >= 0 ? tly_outcome_votes(o, (size_t)second) : 0;
      if (!tly__sub_i64(r->pv_leader_votes, sv, &r->pv_margin)) {
        s = tly__fail(err, TLY_EOVERFLOW, "%d: margin overflows", year);
        goto done;
      }
      r->pv_leader_lost = first != pres;
    }
  }
  if (year == 1960)
    s = note_1960(h, e, o, err);
  if (s == TLY_OK && strcmp(r->source, "MEDSL") == 0)
    s = note_check(h, year, err);
  if (s == TLY_OK)
    h->n++;
done:
  tly_outcome_free(o);
  tly_election_free(e);
  return s;
}

tly_status tly_history_compute(int from, int to, const tly_allocator *a,
                               tly_history **out, tly_error *err)
{
  *out = NULL;
  int years[256];
  size_t n = tly_builtin_years(years, 256);
  if (n > 256)
    n = 256;
  tly_history *h = tly__calloc(a, 1, sizeof *h);
  if (h == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  h->alloc = *tly__alloc_or_default(a);
  h->cap = n + 1;
  h->rows = tly__calloc(a, h->cap, sizeof *h->rows);
  tly_status s = h->rows == NULL ? tly__fail(err, TLY_ENOMEM, "out of memory")
                                 : TLY_OK;
  for (size_t i = 0; s == TLY_OK && i < n; i++) {
    if ((from != 0 && years[i] < from) || (to != 0 && years[i] > to))
      continue;
    s = history_row(h, years[i], err);
  }
  if (s == TLY_OK && h->n == 0)
    s = tly__fail(err, TLY_ENODATA, "no built-in election from %d to %d "
                                    "(have %d-%d)",
                  from, to, years[0], years[n - 1]);
  if (s != TLY_OK) {
    tly_history_free(h);
    return s;
  }
  *out = h;
  return TLY_OK;
}

static json_t *str_or_null(const char *s)
{
  return s[0] != '\0' ? json_string(s) : json_null();
}

tly_status tly_json_history(const tly_history *h, tly_writer w, void *ud,
                            tly_error *err)
{
  json_t *root = json_object();
  json_t *arr = json_array();
  json_t *notes = json_array();
  bool ok = root != NULL && arr != NULL && notes != NULL;
  for (size_t i = 0; ok && i < h->n; i++) {
    const tly_history_row *r = &h->rows[i];
    json_t *x = json_object();
    ok = x != NULL && json_array_append_new(arr, x) == 0;
    if (!ok)
      break;
    ok = json_object_set_new(x, "year", json_integer(r->year)) == 0 &&
         json_object_set_new(x, "source", json_string(r->source)) == 0 &&
         json_object_set_new(x, "rule", json_string(r->rule)) == 0 &&
         json_object_set_new(x, "president", json_string(r->president)) ==
             0 &&
         json_object_set_new(x, "by_house", json_boolean(r->by_house)) ==
             0 &&
         json_object_set_new(x, "president_ev",
                             json_integer(r->president_ev)) == 0 &&
         json_object_set_new(x, "runner_up", str_or_null(r->runner_up)) ==
             0 &&
         json_object_set_new(x, "runner_up_ev",
                             json_integer(r->runner_up_ev)) == 0 &&
         json_object_set_new(x, "electors", json_integer(r->electors)) ==
             0 &&
         json_object_set_new(x, "majority", json_integer(r->majority)) ==
             0 &&
         json_object_set_new(x, "states", json_integer((json_int_t)
                                                       r->n_states)) == 0 &&
         json_object_set_new(x, "states_voted",
                             json_integer((json_int_t)r->n_voted)) == 0 &&
         json_object_set_new(x, "total_votes",
                             json_integer(r->total_votes)) == 0 &&
         json_object_set_new(x, "pv_leader", str_or_null(r->pv_leader)) ==
             0 &&
         json_object_set_new(x, "pv_leader_votes",
                             json_integer(r->pv_leader_votes)) == 0 &&
         json_object_set_new(x, "pv_margin", json_integer(r->pv_margin)) ==
             0 &&
         json_object_set_new(x, "pv_leader_lost",
                             json_boolean(r->pv_leader_lost)) == 0;
  }
  if (ok && h->note_1960[0] != '\0')
    ok = json_array_append_new(notes, json_string(h->note_1960)) == 0;
  for (size_t i = 0; ok && i < h->n_checks; i++)
    ok = json_array_append_new(notes, json_string(h->checks[i])) == 0;
  if (ok)
    ok = json_object_set_new(root, "elections", arr) == 0;
  else
    json_decref(arr);
  if (ok)
    ok = json_object_set_new(root, "notes", notes) == 0;
  else
    json_decref(notes);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}

const char *tly_history_note_1960(const tly_history *h)
{
  return h->note_1960;
}

size_t tly_history_n_checks(const tly_history *h) { return h->n_checks; }

const char *tly_history_check(const tly_history *h, size_t i)
{
  return i < h->n_checks ? h->checks[i] : NULL;
}
