/*
 * district.c -- the district method in every state: 2 electors to the
 * statewide winner and 1 to each congressional district's, as Maine (21-A
 * M.R.S. s. 802, since 1972) and Nebraska (Neb. Rev. Stat. s. 32-710,
 * since 1992) choose theirs. The districts come from the built-in results
 * by congressional district (county.c: The Downballot, 2008-2024; 2016 and
 * 2020 rebuilt from rounded shares); college.c then awards each district
 * and each state's at-large pair by plurality.
 */
#include "district.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char tly__district_reapportion_msg[] =
    "district cannot follow reapportion: it takes the congressional "
    "districts of the House as elected, and a reapportioned House has "
    "none drawn";


/* Appends ", CODE" (or "CODE" first) to list while it fits. */
static void list_add(char *list, size_t size, const char *code)
{
  size_t len = strlen(list);
  if (len + strlen(code) + 3 < size)
    snprintf(list + len, size - len, "%s%s", len ? ", " : "", code);
}

/* The number N of district "ST-N" (1..99), or 0 when malformed. */
static int district_number(const char *code)
{
  const char *p = strchr(code, '-');
  if (p == NULL || p[1] < '1' || p[1] > '9')
    return 0;
  int n = p[1] - '0';
  if (p[2] >= '0' && p[2] <= '9' && p[3] == '\0')
    return n * 10 + (p[2] - '0');
  return p[2] == '\0' ? n : 0;
}

/* Whether every state of more than one seat in e has district units, all
 * with returns: then there is nothing to add. */
static bool complete(const tly_election *e)
{
  for (size_t u = 0; u < e->n_units; u++) {
    const tly_unit *un = &e->units[u];
    if (un->parent >= 0 || un->electors <= 3)
      continue;
    size_t n = 0;
    for (size_t d = 0; d < e->n_units; d++) {
      if (e->units[d].parent != (int32_t)u)
        continue;
      if (!e->units[d].has_votes)
        return false;
      n++;
    }
    if (n == 0)
      return false;
  }
  return true;
}

/* What becomes of each state unit: districts added, or filled. */
typedef struct plan {
  size_t first; /* its first row in the district table */
  size_t n;     /* its rows there */
  bool add;     /* its n districts become units after it */
} plan;

/* Checks state u against its rows of the district table: its electors are
 * its districts + 2 (a single-seat state: 3), and each of its own
 * district units without returns has a row. */
static tly_status check_state(const tly_election *e, size_t u,
                              const tly_areas *t, plan *p, tly_error *err)
{
  const tly_unit *un = &e->units[u];
  size_t n_have = 0;
  for (size_t d = 0; d < e->n_units; d++)
    n_have += e->units[d].parent == (int32_t)u;
  if (strcmp(un->code, "DC") == 0)
    return TLY_OK; /* no district: its electors as a state's, whole */
  if (p->n == 0)
    return tly__fail(err, TLY_ENODATA,
                     "no district results for %s in %d", un->code, e->year);
  for (size_t i = 0; i < p->n; i++) {
    const tly_area *r = tly_areas_row(t, p->first + i);
    if (district_number(r->code) != (int)i + 1)
      return tly__fail(err, TLY_EPARSE,
                       "built-in district results: %s is not district %zu "
                       "of %s",
                       r->code, i + 1, un->code);
  }
  size_t seats = p->n; /* a single-seat state has one row, "ST-1" */
  if (un->electors < 3 || (size_t)un->electors != seats + 2)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "the district method takes the districts of the House "
                     "as elected: %s has %d electors and %zu district%s in "
                     "%d, not %zu + 2",
                     un->code, un->electors, p->n, p->n == 1 ? "" : "s",
                     e->year, seats);
  if (n_have == 0) {
    p->add = p->n >= 2;
    return TLY_OK;
  }
  if (n_have != p->n)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "%s has %zu district units but %zu districts in %d",
                     un->code, n_have, p->n, e->year);
  return TLY_OK;
}

/* The row of district `code` among state plan p's rows, or NULL. */
static const tly_area *row_of(const tly_areas *t, const plan *p,
                              const char *code)
{
  for (size_t i = 0; i < p->n; i++) {
    const tly_area *r = tly_areas_row(t, p->first + i);
    if (strcmp(r->code, code) == 0)
      return r;
  }
  return NULL;
}

/* Puts district row r's D and R votes and total into unit j of e. */
static void fill(tly_election *e, size_t j, const tly_area *r, int32_t dc,
                 int32_t rc)
{
  size_t nc = e->n_cands;
  memset(&e->votes[j * nc], 0, nc * sizeof *e->votes);
  e->votes[j * nc + (size_t)dc] = r->votes[TLY_AREA_DEM];
  e->votes[j * nc + (size_t)rc] = r->votes[TLY_AREA_REP];
  e->totals[j] = r->total; /* others' votes count in the total only */
  e->units[j].has_votes = true;
}

/* Replaces e's per-unit arrays by ones of nu units laid out by plans:
 * every old unit in order, each added state's districts right after it.
 * Parents and faithless-elector records follow. */
static tly_status relayout(tly_election *e, const tly_election *in,
                           const plan *plans, const tly_areas *t, size_t nu,
                           tly_error *err)
{
  tly__rows r;
  tly_status s = tly__rows_alloc(in, nu, &r, err);
  if (s != TLY_OK)
    return s;
  size_t j = 0;
  for (size_t u = 0; u < in->n_units; u++) {
    tly__rows_copy(&r, in, u, j);
    size_t state = j++;
    if (!plans[u].add)
      continue;
    for (size_t i = 0; i < plans[u].n; i++, j++) {
      const tly_area *row = tly_areas_row(t, plans[u].first + i);
      tly_unit *d = &r.units[j];
      memset(d, 0, sizeof *d);
      snprintf(d->code, sizeof d->code, "%s", row->code);
      d->parent = (int32_t)state;
      d->electors = 1;
      d->recorded_winner = -1;
      r.forced[j] = r.forced[state]; /* forcing a state forces its
                                        districts */
      r.tie_break[j] = -1;
      r.npv[j] = r.npv[state];
    }
  }
  TLY_ASSERT(j == nu);
  return tly__rows_install(&r, e, in, NULL, err);
}

/*==== The units of the district method =====================================*/

tly_status tly__district_units(const tly_election *in, tly_election **out,
                               tly_error *err)
{
  *out = NULL;
  if (complete(in))
    return tly__election_clone(in, out, err);
  if (in->two_votes || in->year < 2008 || in->year > 2024 ||
      in->year % 4 != 0)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "the district method needs presidential results by "
                     "congressional district: tally has them for 2008-2024 "
                     "(The Downballot), not for %d",
                     in->year);
  int32_t dc = tly_election_find_candidate(in, "D");
  int32_t rc = tly_election_find_candidate(in, "R");
  if (dc < 0 || rc < 0 || dc == rc)
    return tly__fail(err, TLY_ENOTFOUND,
                     "the district results count the Democratic and the "
                     "Republican nominee; %d has no %s nominee here",
                     in->year, dc < 0 ? "Democratic" : "Republican");
  const tly_allocator *a = &in->alloc;
  tly_areas *t = NULL;
  tly_status s = tly_areas_districts(in->year, NULL, a, &t, err);
  if (s != TLY_OK)
    return s;
  tly_election *e = NULL;
  plan *plans = tly__calloc(a, in->n_units + 1, sizeof *plans);
  if (plans == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  /* The table is in state order: each state's rows are one run. */
  size_t n_rows = tly_areas_n(t);
  size_t n_add = 0;
  size_t n_states = 0;
  char kept[64] = "";
  char filled[64] = "";
  for (size_t u = 0; u < in->n_units && s == TLY_OK; u++) {
    const tly_unit *un = &in->units[u];
    if (un->parent >= 0)
      continue;
    plan *p = &plans[u];
    for (size_t i = 0; i < n_rows; i++) {
      if (strcmp(tly_areas_row(t, i)->state, un->code) != 0)
        continue;
      if (p->n == 0)
        p->first = i;
      p->n++;
    }
    s = check_state(in, u, t, p, err);
    if (s != TLY_OK || p->n < 2)
      continue;
    n_states++;
    n_add += p->add ? p->n : 0;
    bool has_own = false;
    for (size_t d = 0; d < in->n_units; d++)
      has_own = has_own || (in->units[d].parent == (int32_t)u &&
                            in->units[d].has_votes);
    if (has_own)
      list_add(kept, sizeof kept, un->code);
  }
  if (s != TLY_OK)
    goto done;
  s = tly__election_clone(in, &e, err);
  if (s == TLY_OK)
    s = relayout(e, in, plans, t, in->n_units + n_add, err);
  if (s != TLY_OK)
    goto done;
  /* Every district without returns (added, or Maine's and Nebraska's where
   * the state results have none) takes the district table's. */
  for (size_t j = 0; j < e->n_units; j++) {
    const tly_unit *un = &e->units[j];
    if (un->parent < 0 || un->has_votes)
      continue;
    int32_t old = tly_election_find_unit(in, e->units[un->parent].code);
    const tly_area *r = row_of(t, &plans[old], un->code);
    if (r == NULL) {
      s = tly__fail(err, TLY_ENODATA, "no district results for %s in %d",
                    un->code, in->year);
      goto done;
    }
    if (tly_election_find_unit(in, un->code) >= 0)
      list_add(filled, sizeof filled, un->code);
    fill(e, j, r, dc, rc);
  }
  e->districts_apart = true;
  /* Every output names its source: the districts' too (their counts are
   * approximate for 2016 and 2020, which the source line says). */
  size_t len = strlen(e->source_name);
  snprintf(e->source_name + len, sizeof e->source_name - len,
           "; districts: %s", tly_areas_source(t));
  s = tly__election_note(e, err,
           "districts of the %zu states of more than one seat: %s; D and R "
           "votes only, others in the total",
           n_states, tly_areas_source(t));
  if (s == TLY_OK && kept[0] != '\0')
    s = tly__election_note(e, err, "%s: the district returns of the state results", kept);
  if (s == TLY_OK && filled[0] != '\0')
    s = tly__election_note(e, err,
             "%s: in this what-if their votes come from the district "
             "results (the state results have none)",
             filled);
  if (s == TLY_OK) {
    *out = e;
    e = NULL;
  }
done:
  tly_election_free(e);
  tly__free(a, plans, (in->n_units + 1) * sizeof *plans);
  tly_areas_free(t);
  return s;
}
