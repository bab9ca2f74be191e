/*
 * redraw.c -- the Union redrawn by county: states split (--split), counties
 * moved (--move), states merged (--merge), counties leaving (--without
 * FIPS) and states admitted (--admit), as one pure transform. A redrawn
 * state's votes are its counties' returns (county.c), its apportionment
 * population its counties' census population plus its parents' overseas
 * population shared by resident population (largest remainders), and its
 * seats either reapportioned among all states (2 U.S.C. 2a, Huntington-Hill
 * unless another method is named) or shared out of its parents' seats.
 */
#include "whatif.h"

#include "arith.h"
#include "buf.h"
#include "csv.h"
#include "json.h"
#include "results.h"
#include "scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

enum {
  MAX_NEW = 32,      /* new states one what-if may make */
  MAX_ENT = 51 + MAX_NEW,
  MAX_FIELD = 256,
  LEAVE = -1,        /* a county's destination: out of the Union */
  GONE = -2          /* its state left with --without ST */
};

/*==== The record kept with the election =====================================*/

typedef struct rstate {
  char code[8], name[64], from[64];
  size_t first; /* its counties: fips[first .. first + pub.n_counties) */
  tly_redrawn pub;
} rstate;

struct tly__redraw_info {
  size_t n;
  rstate *st;
  size_t n_fips;
  char (*fips)[8];
};

static void sync(tly__redraw_info *r)
{
  for (size_t i = 0; i < r->n; i++) {
    r->st[i].pub.code = r->st[i].code;
    r->st[i].pub.name = r->st[i].name;
    r->st[i].pub.from = r->st[i].from;
  }
}

void tly__redraw_info_free(const tly_allocator *a, tly__redraw_info *r)
{
  if (r == NULL)
    return;
  tly__free(a, r->st, r->n * sizeof *r->st);
  tly__free(a, r->fips, r->n_fips * sizeof *r->fips);
  tly__free(a, r, sizeof *r);
}

tly__redraw_info *tly__redraw_info_copy(const tly_allocator *a,
                                        const tly__redraw_info *r, bool *ok)
{
  if (r == NULL)
    return NULL;
  tly__redraw_info *c = tly__calloc(a, 1, sizeof *c);
  if (c == NULL) {
    *ok = false;
    return NULL;
  }
  c->st = tly__calloc(a, r->n, sizeof *c->st);
  c->fips = tly__calloc(a, r->n_fips, sizeof *c->fips);
  if (c->st == NULL || c->fips == NULL) {
    tly__free(a, c->st, r->n * sizeof *c->st);
    tly__free(a, c->fips, r->n_fips * sizeof *c->fips);
    tly__free(a, c, sizeof *c);
    *ok = false;
    return NULL;
  }
  memcpy(c->st, r->st, r->n * sizeof *r->st);
  memcpy(c->fips, r->fips, r->n_fips * sizeof *r->fips);
  c->n = r->n;
  c->n_fips = r->n_fips;
  sync(c);
  return c;
}

size_t tly_election_n_redrawn(const tly_election *e)
{
  return e->redraw != NULL ? e->redraw->n : 0;
}

const tly_redrawn *tly_election_redrawn(const tly_election *e, size_t i)
{
  return i < tly_election_n_redrawn(e) ? &e->redraw->st[i].pub : NULL;
}

const char *tly_election_redrawn_county(const tly_election *e, size_t i,
                                        size_t k)
{
  const tly_redrawn *r = tly_election_redrawn(e, i);
  if (r == NULL || k >= r->n_counties)
    return NULL;
  return e->redraw->fips[e->redraw->st[i].first + k];
}

json_t *tly__redraw_json(const tly_election *e)
{
  json_t *arr = json_array();
  bool ok = arr != NULL;
  for (size_t i = 0; ok && i < tly_election_n_redrawn(e); i++) {
    const tly_redrawn *r = tly_election_redrawn(e, i);
    json_t *x = json_object();
    json_t *c = json_array();
    ok = x != NULL && c != NULL;
    for (size_t k = 0; ok && k < r->n_counties; k++)
      ok = json_array_append_new(
               c, json_string(tly_election_redrawn_county(e, i, k))) == 0;
    ok = ok && json_object_set_new(x, "code", json_string(r->code)) == 0 &&
         json_object_set_new(x, "name", json_string(r->name)) == 0 &&
         json_object_set_new(x, "from", json_string(r->from)) == 0 &&
         json_object_set_new(x, "census", json_integer(r->census)) == 0 &&
         json_object_set_new(x, "resident", json_integer(r->resident)) == 0 &&
         json_object_set_new(x, "overseas", json_integer(r->overseas)) == 0 &&
         json_object_set_new(x, "population",
                             json_integer(r->population)) == 0 &&
         json_object_set_new(x, "seats", json_integer(r->seats)) == 0 &&
         json_object_set_new(x, "electors", json_integer(r->electors)) == 0 &&
         json_object_set_new(x, "admitted", json_boolean(r->admitted)) == 0;
    if (ok) {
      ok = json_object_set_new(x, "counties", c) == 0;
      c = NULL;
    }
    if (ok) {
      ok = json_array_append_new(arr, x) == 0;
      x = NULL;
    }
    json_decref(c);
    json_decref(x);
  }
  if (!ok) {
    json_decref(arr);
    return NULL;
  }
  return arr;
}

/*==== Reading the options' text =============================================*/

static bool is_upper(char c)
{
  return c >= 'A' && c <= 'Z';
}

static bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

/* A new state's code: 2 or 3 capital letters. */
static bool code_ok(const char *p, size_t n)
{
  if (n < 2 || n > 3)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!is_upper(p[i]))
      return false;
  return true;
}

static bool fips_ok(const char *p, size_t n)
{
  if (n != 5)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!is_digit(p[i]))
      return false;
  return true;
}

/* A (pointer, length) piece of an option's text. */
typedef struct span {
  const char *p;
  size_t n;
} span;

/* Splits [p, end) at the first `sep` (or end): *head before, returns the
 * rest after the separator (end when none). */
static const char *cut(const char *p, const char *end, char sep, span *head)
{
  const char *q = memchr(p, sep, (size_t)(end - p));
  head->p = p;
  head->n = (size_t)((q != NULL ? q : end) - p);
  return q != NULL ? q + 1 : end;
}

/* "CODE[/Name]": the code and the display name (the code when none). */
static tly_status part_name(const char *key, span s, span *code, span *name,
                            tly_error *err)
{
  const char *end = s.p + s.n;
  const char *rest = cut(s.p, end, '/', code);
  name->p = rest;
  name->n = (size_t)(end - rest);
  if (rest == end) {
    *name = *code;
  } else if (name->n == 0 || name->n > 60) {
    return tly__fail(err, TLY_EINVAL,
                     "%s: a name after \"/\" has 1 to 60 characters, not "
                     "\"%.*s\"",
                     key, (int)(s.n > 80 ? 80 : s.n), s.p);
  }
  if (!code_ok(code->p, code->n))
    return tly__fail(err, TLY_EINVAL,
                     "%s: \"%.*s\" is not a state code (2 or 3 capital "
                     "letters)",
                     key, (int)(code->n > 16 ? 16 : code->n), code->p);
  return TLY_OK;
}

/* Checks the comma list of FIPS codes in s; calls each(ud, fips) on each. */
static tly_status fips_list(const char *key, span s, const char *what,
                            tly_status (*each)(void *ud, span f,
                                               tly_error *err),
                            void *ud, tly_error *err)
{
  if (s.n == 0)
    return tly__fail(err, TLY_EINVAL, "%s: %s has no county", key, what);
  const char *end = s.p + s.n;
  const char *p = s.p;
  while (p <= end) {
    span f;
    const char *next = cut(p, end, ',', &f);
    if (!fips_ok(f.p, f.n))
      return tly__fail(err, TLY_EINVAL,
                       "%s: \"%.*s\" is not a county FIPS code (5 digits)",
                       key, (int)(f.n > 16 ? 16 : f.n), f.p);
    if (f.p[0] == '0' && f.p[1] == '2')
      return tly__fail(err, TLY_EINVAL,
                       "%s: Alaska's results are by state house district, "
                       "not county: it moves only as a whole",
                       key);
    if (each != NULL) {
      tly_status st = each(ud, f, err);
      if (st != TLY_OK)
        return st;
    }
    if (next == end && (f.p + f.n == end))
      break;
    p = next;
  }
  return TLY_OK;
}

static bool is_preset(const char *key, const char *t)
{
  return (strcmp(key, "split") == 0 && strcmp(t, "cal3") == 0) ||
         (strcmp(key, "move") == 0 && strcmp(t, "greater-idaho") == 0);
}

tly_status tly__redraw_check(const char *key, const char *t, tly_error *err)
{
  size_t len = strlen(t);
  const char *end = t + len;
  span a, b;
  if (is_preset(key, t))
    return TLY_OK;
  if (strcmp(key, "without") == 0)
    return fips_list(key, (span){t, len}, "without", NULL, NULL, err);
  if (strcmp(key, "split") == 0) {
    const char *rest = cut(t, end, '=', &a);
    if (rest == end || a.n != 2)
      return tly__fail(err, TLY_EINVAL,
                       "split takes ST=CODE:FIPS,...;CODE:FIPS,... or cal3, "
                       "not \"%.80s\"",
                       t);
    if (a.p[0] == 'A' && a.p[1] == 'K')
      return tly__fail(err, TLY_EINVAL,
                       "split: Alaska's results are by state house district, "
                       "not county: it moves only as a whole");
    size_t parts = 0;
    while (rest < end) {
      span part, code, name;
      rest = cut(rest, end, ';', &part);
      const char *r2 = cut(part.p, part.p + part.n, ':', &b);
      tly_status st = part_name(key, b, &code, &name, err);
      if (st != TLY_OK)
        return st;
      char what[64];
      snprintf(what, sizeof what, "part %.*s", (int)code.n, code.p);
      st = fips_list(key,
                     (span){r2, (size_t)(part.p + part.n - r2)}, what,
                     NULL, NULL, err);
      if (st == TLY_OK && r2 == part.p + part.n)
        st = tly__fail(err, TLY_EINVAL, "split: part %.*s has no county",
                       (int)code.n, code.p);
      if (st != TLY_OK)
        return st;
      parts++;
    }
    if (parts < 2)
      return tly__fail(err, TLY_EINVAL,
                       "split: \"%.80s\" names fewer than two parts", t);
    return TLY_OK;
  }
  if (strcmp(key, "move") == 0) {
    const char *eq = strrchr(t, '=');
    if (eq == NULL || eq[1] == '\0')
      return tly__fail(err, TLY_EINVAL,
                       "move takes FIPS,...=ST or greater-idaho, not "
                       "\"%.80s\"",
                       t);
    if (!code_ok(eq + 1, strlen(eq + 1)))
      return tly__fail(err, TLY_EINVAL,
                       "move: \"%.16s\" is not a state code", eq + 1);
    return fips_list(key, (span){t, (size_t)(eq - t)}, "move", NULL, NULL,
                     err);
  }
  if (strcmp(key, "merge") == 0) {
    const char *rest = cut(t, end, '=', &a);
    if (rest == end)
      return tly__fail(err, TLY_EINVAL,
                       "merge takes ST,ST=CODE, not \"%.80s\"", t);
    size_t n = 0;
    const char *p = a.p;
    const char *aend = a.p + a.n;
    for (;;) {
      span c;
      const char *next = cut(p, aend, ',', &c);
      if (!code_ok(c.p, c.n))
        return tly__fail(err, TLY_EINVAL,
                         "merge: \"%.*s\" is not a state code", 
                         (int)(c.n > 16 ? 16 : c.n), c.p);
      n++;
      if (c.p + c.n == aend)
        break;
      p = next;
    }
    if (n < 2)
      return tly__fail(err, TLY_EINVAL,
                       "merge takes two or more states, not \"%.80s\"", t);
    span code, name;
    return part_name(key, (span){rest, (size_t)(end - rest)}, &code, &name,
                     err);
  }
  if (strcmp(key, "admit") == 0) {
    const char *rest = cut(t, end, ':', &a);
    span code, name;
    tly_status st = part_name(key, a, &code, &name, err);
    if (st != TLY_OK)
      return st;
    int64_t pop;
    if (a.p + a.n != end &&
        tly__scan_i64(rest, (size_t)(end - rest), 1, TLY_APPORTION_MAX_POP,
                      &pop) != TLY_OK)
      return tly__fail(err, TLY_EINVAL,
                       "admit: population \"%.32s\" is not a whole number "
                       "from 1 to %lld",
                       rest, (long long)TLY_APPORTION_MAX_POP);
    return TLY_OK;
  }
  return tly__fail(err, TLY_ENOTFOUND, "unknown redraw option \"%s\"", key);
}

/*==== The counties ==========================================================*/

/* FIPS codes changed between censuses (the shared data README): the first
 * is counted as the second. Shannon County SD (46113) was renamed Oglala
 * Lakota County (46102) in 2015; Bedford city VA (51515) joined Bedford
 * County (51019) in 2013. Naming either code names the one county. */
static const char *const alias[][2] = {{"46102", "46113"},
                                       {"51515", "51019"}};
enum { N_ALIAS = sizeof alias / sizeof alias[0] };

static const char *canonical(const char *fips)
{
  for (size_t i = 0; i < N_ALIAS; i++)
    if (strcmp(fips, alias[i][0]) == 0)
      return alias[i][1];
  return fips;
}

typedef struct county {
  char fips[8];
  char state[4];
  char name[64];
  int64_t votes[TLY_AREA_COLS]; /* -1 columns read as 0 */
  int64_t total;
  int64_t pop;                  /* resident, at the census; 0 when none */
  bool has_votes, has_pop, aliased;
  int dest;                     /* index into the states, LEAVE or GONE */
  int origin;                   /* its state before the redraw */
} county;

/* Everything one redraw works on. */
typedef struct ent {
  char code[8], name[64];
  int32_t unit;        /* its unit in the input, or -1 for a new state */
  bool removed;        /* split or merged away */
  bool changed;        /* its territory changed: votes from counties */
  bool admitted;       /* --admit */
  int64_t admit_pop;   /* --admit CODE:POP, else 0 */
  int64_t population, resident, overseas, seats, electors;
} ent;

typedef struct job {
  const tly_allocator *a;
  const tly_election *in;
  int census;
  county *c;
  size_t n_c, cap_c;
  ent st[MAX_ENT];
  size_t n_st;
  tly_census_row rows[64];
  size_t n_rows;
  const char *op;       /* the key now applied, for messages */
  int target;           /* split/move: the state the counties come from/go */
  int part;             /* split: the part being filled */
  bool *named;          /* split: per county, named by a part */
  bool alias_used;
} job;

static county *find_county(job *j, const char *fips)
{
  const char *f = canonical(fips);
  size_t lo = 0, hi = j->n_c;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(j->c[mid].fips, f);
    if (c == 0)
      return &j->c[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

static int cmp_county(const void *x, const void *y)
{
  return strcmp(((const county *)x)->fips, ((const county *)y)->fips);
}

/* The county of `fips` (canonical), added when new. */
static tly_status county_at(job *j, const char *fips, const char *state,
                            county **out, tly_error *err)
{
  const char *f = canonical(fips);
  for (size_t i = 0; i < j->n_c; i++) { /* unsorted while loading */
    if (strcmp(j->c[i].fips, f) == 0) {
      *out = &j->c[i];
      return TLY_OK;
    }
  }
  if (j->n_c == j->cap_c) {
    size_t cap = j->cap_c ? j->cap_c * 2 : 4096;
    county *p = tly__realloc(j->a, j->c, j->cap_c * sizeof *p,
                             cap * sizeof *p);
    if (p == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    j->c = p;
    j->cap_c = cap;
  }
  county *c = &j->c[j->n_c++];
  memset(c, 0, sizeof *c);
  snprintf(c->fips, sizeof c->fips, "%s", f);
  snprintf(c->state, sizeof c->state, "%s", state);
  c->aliased = f != fips;
  *out = c;
  return TLY_OK;
}

/* Populations (and names) of `census` from counties.csv. */
static tly_status read_pops(job *j, tly_error *err)
{
  static const char *const cols[] = {"fips", "state", "name", "pop2000",
                                     "pop2010", "pop2020"};
  int idx[6];
  tly__table t;
  tly_status s = tly__table_open(j->a, "counties.csv", MAX_FIELD, 8, cols, 6,
                                 &t, idx, err);
  size_t pc = (size_t)idx[3 + (j->census - 2000) / 10];
  while (s == TLY_OK) {
    size_t nf;
    bool eof;
    s = tly__csv_next(t.c, &t.f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (nf != t.width) {
      s = tly__csv_fail(t.c, NULL, err, TLY_EPARSE,
                        "built-in counties.csv: short row");
      break;
    }
    const tly__csv_field *f = t.f;
    county *c;
    s = county_at(j, f[idx[0]].p, f[idx[1]].p, &c, err);
    if (s != TLY_OK)
      break;
    if (!c->aliased || c->name[0] == '\0')
      snprintf(c->name, sizeof c->name, "%s", f[idx[2]].p);
    if (f[pc].n == 0)
      continue;
    int64_t p;
    if (tly__scan_i64(f[pc].p, f[pc].n, 0, INT64_C(1) << 40, &p) != TLY_OK) {
      s = tly__csv_fail(t.c, &f[pc], err, TLY_EPARSE,
                        "built-in counties.csv: bad population");
      break;
    }
    if (!tly__add_i64(c->pop, p, &c->pop))
      s = tly__fail(err, TLY_EOVERFLOW, "county population overflows");
    c->has_pop = true;
  }
  tly__csv_free(t.c);
  return s;
}

/* Votes of the election's year from the county results. */
static tly_status read_votes(job *j, const tly_areas *t, tly_error *err)
{
  for (size_t i = 0; i < tly_areas_n(t); i++) {
    const tly_area *r = tly_areas_row(t, i);
    county *c;
    tly_status s = county_at(j, r->code, r->state, &c, err);
    if (s != TLY_OK)
      return s;
    if (c->name[0] == '\0')
      snprintf(c->name, sizeof c->name, "%s", r->name);
    for (size_t k = 0; k < TLY_AREA_COLS; k++)
      if (r->votes[k] > 0 && !tly__add_i64(c->votes[k], r->votes[k],
                                           &c->votes[k]))
        return tly__fail(err, TLY_EOVERFLOW, "county votes overflow");
    if (!tly__add_i64(c->total, r->total, &c->total))
      return tly__fail(err, TLY_EOVERFLOW, "county votes overflow");
    c->has_votes = true;
  }
  return TLY_OK;
}

/* A county belongs to no census county: "SS000" (votes of no county). */
static bool no_county(const county *c)
{
  return strcmp(c->fips + 2, "000") == 0;
}

/*==== The states ============================================================*/

static int find_ent(const job *j, const char *code, size_t n)
{
  for (size_t i = 0; i < j->n_st; i++)
    if (!j->st[i].removed && strlen(j->st[i].code) == n &&
        memcmp(j->st[i].code, code, n) == 0)
      return (int)i;
  return -1;
}

static const char *ent_name(const ent *s)
{
  const char *n = tly_state_name(s->code);
  return s->name[0] != '\0' ? s->name : n != NULL ? n : s->code;
}

/* A new state `code` (name) for operation j->op: TLY_EINVAL when the code
 * clashes with a state of the election or of the Union (except `keep`,
 * the state it replaces), or too many are made. */
static tly_status new_ent(job *j, span code, span name, int keep, int *out,
                          tly_error *err)
{
  int at = find_ent(j, code.p, code.n);
  char c[8];
  snprintf(c, sizeof c, "%.*s", (int)code.n, code.p);
  if (at >= 0 && at != keep)
    return tly__fail(err, TLY_EINVAL,
                     "%s: new state %s clashes with %s, a state of this "
                     "election",
                     j->op, c, ent_name(&j->st[at]));
  if (at < 0 && (keep < 0 || strcmp(j->st[keep].code, c) != 0) &&
      tly_state_name(c) != NULL)
    return tly__fail(err, TLY_EINVAL,
                     "%s: new state %s clashes with %s's code", j->op, c,
                     tly_state_name(c));
  if (j->n_st == MAX_ENT)
    return tly__fail(err, TLY_ERANGE, "%s: at most %d new states", j->op,
                     MAX_NEW);
  ent *s = &j->st[j->n_st];
  memset(s, 0, sizeof *s);
  memcpy(s->code, c, sizeof s->code);
  snprintf(s->name, sizeof s->name, "%.*s", (int)name.n, name.p);
  if (strcmp(s->name, s->code) == 0) {
    const char *n = tly_state_name(c);
    snprintf(s->name, sizeof s->name, "%s", n != NULL ? n : c);
  }
  s->unit = -1;
  s->changed = true;
  *out = (int)j->n_st++;
  return TLY_OK;
}

/* The state j->op names by code, which must be in the what-if. */
static tly_status state_named(job *j, span code, int *out, tly_error *err)
{
  int at = find_ent(j, code.p, code.n);
  if (at >= 0) {
    *out = at;
    return TLY_OK;
  }
  char c[8];
  snprintf(c, sizeof c, "%.*s", (int)(code.n > 7 ? 7 : code.n), code.p);
  const char *n = tly_state_name(c);
  if (n != NULL)
    return tly__fail(err, TLY_EINVAL, "%s: %s is not in this what-if",
                     j->op, n);
  return tly__fail(err, TLY_ENOTFOUND, "%s: unknown state \"%s\"", j->op, c);
}

static tly_status unknown_county(const job *j, span f, tly_error *err)
{
  return tly__fail(err, TLY_ENOTFOUND, "%s: \"%.*s\" is not a county", j->op,
                   (int)f.n, f.p);
}

/* The county named by f for the operation, which must be in the Union. */
static tly_status county_named(job *j, span f, county **out, tly_error *err)
{
  char b[8];
  snprintf(b, sizeof b, "%.*s", (int)f.n, f.p);
  county *c = find_county(j, b);
  if (c == NULL || no_county(c))
    return unknown_county(j, f, err);
  if (strcmp(canonical(b), b) != 0 || c->aliased)
    j->alias_used = true;
  if (c->dest == GONE || c->dest == LEAVE)
    return tly__fail(err, TLY_EINVAL, "%s: %s (%s) has left the Union",
                     j->op, c->fips, c->name);
  *out = c;
  return TLY_OK;
}

static tly_status each_without(void *ud, span f, tly_error *err)
{
  job *j = ud;
  county *c;
  tly_status s = county_named(j, f, &c, err);
  if (s != TLY_OK)
    return s;
  j->st[c->dest].changed = true;
  c->dest = LEAVE;
  return TLY_OK;
}

static tly_status each_split(void *ud, span f, tly_error *err)
{
  job *j = ud;
  county *c;
  tly_status s = county_named(j, f, &c, err);
  if (s != TLY_OK)
    return s;
  size_t i = (size_t)(c - j->c);
  if (j->named[i])
    return tly__fail(err, TLY_EINVAL, "split %s: %s (%s) is in two parts",
                     j->st[j->target].code, c->fips, c->name);
  if (c->dest != j->target)
    return tly__fail(err, TLY_EINVAL, "split %s: %s (%s, %s) is not in %s",
                     j->st[j->target].code, c->fips, c->name, c->state,
                     ent_name(&j->st[j->target]));
  j->named[i] = true;
  c->dest = -100 - j->part; /* placed; moved to its part at the end */
  return TLY_OK;
}

static tly_status each_move(void *ud, span f, tly_error *err)
{
  job *j = ud;
  county *c;
  tly_status s = county_named(j, f, &c, err);
  if (s != TLY_OK)
    return s;
  if (c->dest == j->target)
    return tly__fail(err, TLY_EINVAL, "move: %s (%s) is already in %s",
                     c->fips, c->name, ent_name(&j->st[j->target]));
  j->st[c->dest].changed = true;
  c->dest = j->target;
  return TLY_OK;
}

/* The preset's text, made from redraw_presets.csv: "CA=NCA/Northern
 * California:06001,...;..." or "41001,...=ID". */
static tly_status preset_text(job *j, const char *key, const char *name,
                              char **out, size_t *size, tly_error *err)
{
  *out = NULL;
  static const char *const cols[] = {"preset", "state", "code", "name",
                                     "fips"};
  int idx[5];
  tly__table t;
  tly__buf b;
  tly__buf_init(&b, j->a, 65536);
  tly_status s = tly__table_open(j->a, "redraw_presets.csv", MAX_FIELD, 8,
                                 cols, 5, &t, idx, err);
  char last[8] = "";
  char dest[8] = "";
  bool split = strcmp(key, "split") == 0;
  while (s == TLY_OK) {
    size_t nf;
    bool eof;
    s = tly__csv_next(t.c, &t.f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (nf != t.width || strcmp(t.f[idx[0]].p, name) != 0)
      continue;
    const tly__csv_field *f = t.f;
    if (split && b.len == 0)
      tly__buf_printf(&b, "%s=", f[idx[1]].p);
    if (split && strcmp(last, f[idx[2]].p) != 0) {
      tly__buf_printf(&b, "%s%s/%s:", last[0] ? ";" : "", f[idx[2]].p,
                      f[idx[3]].p);
      snprintf(last, sizeof last, "%s", f[idx[2]].p);
    } else if (b.len > 0) {
      tly__buf_printf(&b, ",");
    }
    tly__buf_printf(&b, "%s", f[idx[4]].p);
    snprintf(dest, sizeof dest, "%s", f[idx[2]].p);
  }
  tly__csv_free(t.c);
  if (s == TLY_OK && !split)
    tly__buf_printf(&b, "=%s", dest);
  if (s == TLY_OK && b.status != TLY_OK)
    s = tly__fail(err, b.status, "preset %s is too long", name);
  if (s != TLY_OK) {
    tly__buf_free(&b);
    return s;
  }
  *out = b.p;
  *size = b.cap;
  return TLY_OK;
}

/*==== The operations, in their order ========================================*/

static tly_status do_without(job *j, const char *t, tly_error *err)
{
  j->op = "without";
  return fips_list("without", (span){t, strlen(t)}, "without", each_without,
                   j, err);
}

static tly_status do_split(job *j, const char *t, tly_error *err)
{
  j->op = "split";
  const char *end = t + strlen(t);
  span st;
  const char *rest = cut(t, end, '=', &st);
  int parent;
  tly_status s = state_named(j, st, &parent, err);
  if (s != TLY_OK)
    return s;
  memset(j->named, 0, j->n_c * sizeof *j->named);
  j->target = parent;
  int parts[MAX_NEW];
  int keeper = -1;
  size_t np = 0;
  while (rest < end) {
    span part, b, code, name;
    rest = cut(rest, end, ';', &part);
    const char *r2 = cut(part.p, part.p + part.n, ':', &b);
    s = part_name("split", b, &code, &name, err);
    if (s != TLY_OK)
      return s;
    if (np == MAX_NEW)
      return tly__fail(err, TLY_ERANGE, "split: at most %d parts", MAX_NEW);
    int at;
    if (code.n == strlen(j->st[parent].code) &&
        memcmp(code.p, j->st[parent].code, code.n) == 0) {
      if (keeper >= 0)
        return tly__fail(err, TLY_EINVAL, "split %s: part %s named twice",
                         j->st[parent].code, j->st[parent].code);
      keeper = at = parent;
      if (name.p != code.p)
        snprintf(j->st[at].name, sizeof j->st[at].name, "%.*s",
                 (int)name.n, name.p);
    } else {
      s = new_ent(j, code, name, parent, &at, err);
      if (s != TLY_OK)
        return s;
    }
    parts[np] = at;
    j->part = (int)np++;
    char what[32];
    snprintf(what, sizeof what, "part %s", j->st[at].code);
    s = fips_list("split", (span){r2, (size_t)(part.p + part.n - r2)}, what,
                  each_split, j, err);
    if (s != TLY_OK)
      return s;
  }
  for (size_t i = 0; i < j->n_c; i++) {
    county *c = &j->c[i];
    if (c->dest == parent && !no_county(c))
      return tly__fail(err, TLY_EINVAL,
                       "split %s: %s (%s) is in no part: every county must "
                       "be in exactly one",
                       j->st[parent].code, c->fips, c->name);
  }
  for (size_t i = 0; i < j->n_c; i++) {
    county *c = &j->c[i];
    if (c->dest <= -100)
      c->dest = parts[-100 - c->dest];
    else if (c->dest == parent) /* votes of no county */
      c->dest = keeper >= 0 ? keeper : parts[0];
  }
  j->st[parent].changed = true;
  if (keeper < 0)
    j->st[parent].removed = true;
  return TLY_OK;
}

static tly_status do_move(job *j, const char *t, tly_error *err)
{
  j->op = "move";
  const char *eq = strrchr(t, '=');
  span code = {eq + 1, strlen(eq + 1)};
  tly_status s = state_named(j, code, &j->target, err);
  if (s != TLY_OK)
    return s;
  j->st[j->target].changed = true;
  return fips_list("move", (span){t, (size_t)(eq - t)}, "move", each_move, j,
                   err);
}

static tly_status do_merge(job *j, const char *t, tly_error *err)
{
  j->op = "merge";
  const char *end = t + strlen(t);
  span list, code, name;
  const char *rest = cut(t, end, '=', &list);
  tly_status s =
      part_name("merge", (span){rest, (size_t)(end - rest)}, &code, &name,
                err);
  if (s != TLY_OK)
    return s;
  int members[MAX_ENT];
  size_t n = 0;
  int keeper = -1;
  const char *p = list.p;
  const char *lend = list.p + list.n;
  for (;;) {
    span c;
    const char *next = cut(p, lend, ',', &c);
    int at;
    s = state_named(j, c, &at, err);
    if (s != TLY_OK)
      return s;
    for (size_t i = 0; i < n; i++)
      if (members[i] == at)
        return tly__fail(err, TLY_EINVAL, "merge: %s named twice",
                         j->st[at].code);
    members[n++] = at;
    if (c.n == code.n && memcmp(c.p, code.p, c.n) == 0)
      keeper = at;
    if (c.p + c.n == lend)
      break;
    p = next;
  }
  int into = keeper;
  if (into < 0) {
    s = new_ent(j, code, name, -1, &into, err);
    if (s != TLY_OK)
      return s;
  } else if (name.p != code.p) {
    snprintf(j->st[into].name, sizeof j->st[into].name, "%.*s", (int)name.n,
             name.p);
  }
  for (size_t i = 0; i < n; i++) {
    if (j->st[members[i]].admitted)
      return tly__fail(err, TLY_EINVAL, "merge: %s is admitted after it",
                       j->st[members[i]].code);
    j->st[members[i]].changed = true;
    if (members[i] != into)
      j->st[members[i]].removed = true;
  }
  for (size_t k = 0; k < j->n_c; k++) {
    for (size_t i = 0; i < n; i++)
      if (j->c[k].dest == members[i])
        j->c[k].dest = into;
  }
  j->st[into].changed = true;
  return TLY_OK;
}

static tly_status do_admit(job *j, const char *t, tly_error *err)
{
  j->op = "admit";
  const char *end = t + strlen(t);
  span a, code, name;
  const char *rest = cut(t, end, ':', &a);
  tly_status s = part_name("admit", a, &code, &name, err);
  if (s != TLY_OK)
    return s;
  int64_t pop = 0;
  bool has_pop = a.p + a.n != end;
  if (has_pop)
    (void)tly__scan_i64(rest, (size_t)(end - rest), 1, TLY_APPORTION_MAX_POP,
                        &pop); /* checked by tly__redraw_check */
  if (code.n == 2 && memcmp(code.p, "DC", 2) == 0) {
    int at;
    s = state_named(j, code, &at, err);
    if (s != TLY_OK)
      return s;
    if (has_pop)
      return tly__fail(err, TLY_EINVAL,
                       "admit DC: its population is its census count; give "
                       "none");
    if (j->st[at].admitted)
      return tly__fail(err, TLY_EINVAL, "admit: DC admitted twice");
    j->st[at].admitted = true;
    if (name.p != code.p)
      snprintf(j->st[at].name, sizeof j->st[at].name, "%.*s", (int)name.n,
               name.p);
    return TLY_OK;
  }
  if (!has_pop)
    return tly__fail(err, TLY_EINVAL,
                     "admit %.*s needs a population (%.*s:POPULATION): "
                     "tally has no census of it",
                     (int)code.n, code.p, (int)code.n, code.p);
  int at;
  s = new_ent(j, code, name, -1, &at, err);
  if (s != TLY_OK)
    return s;
  j->st[at].admitted = true;
  j->st[at].admit_pop = pop;
  return TLY_OK;
}

/* Applies the list of one key, presets expanded. */
static tly_status run_list(job *j, const char *key, const char *const *list,
                           size_t n,
                           tly_status (*fn)(job *, const char *, tly_error *),
                           tly_error *err)
{
  for (size_t i = 0; i < n; i++) {
    tly_status s;
    if (is_preset(key, list[i])) {
      char *t = NULL;
      size_t size = 0;
      s = preset_text(j, key, list[i], &t, &size, err);
      if (s == TLY_OK)
        s = fn(j, t, err);
      tly__free(j->a, t, size);
    } else {
      s = fn(j, list[i], err);
    }
    if (s != TLY_OK)
      return s;
  }
  return TLY_OK;
}

/*==== Populations and seats =================================================*/

static const tly_census_row *census_row(const job *j, const char *code)
{
  for (size_t i = 0; i < j->n_rows; i++)
    if (strcmp(j->rows[i].code, code) == 0)
      return &j->rows[i];
  return NULL;
}

/* Every state's resident, overseas and apportionment population. A
 * changed state P's overseas population is shared among its pieces (its
 * counties grouped by where they go, out of the Union too) in proportion
 * to their resident population: floor(ov * res_d / res_P) each, then one
 * more to the pieces with the largest remainders (ties: the piece of the
 * state listed first) until the whole people are placed. */
static tly_status populations(job *j, size_t n_orig, int64_t piece[][MAX_ENT + 1],
                              int64_t share[][MAX_ENT + 1], tly_error *err)
{
  for (size_t i = 0; i < j->n_st; i++) {
    ent *s = &j->st[i];
    if (i < n_orig && !s->changed) {
      const tly_census_row *r = census_row(j, s->code);
      if (r != NULL) {
        s->population = r->population;
        s->resident = r->resident;
        s->overseas = r->overseas > 0 ? r->overseas : 0;
      }
    }
    if (s->admitted && s->admit_pop > 0) {
      s->population = s->resident = s->admit_pop;
    }
  }
  for (size_t k = 0; k < j->n_c; k++) {
    const county *c = &j->c[k];
    if (c->origin < 0)
      continue;
    if (!tly__add_i64(piece[c->origin][c->dest + 1], c->pop,
                      &piece[c->origin][c->dest + 1]))
      return tly__fail(err, TLY_EOVERFLOW, "population overflows");
  }
  for (size_t p = 0; p < n_orig; p++) {
    if (!j->st[p].changed && !(j->st[p].admitted && j->st[p].unit >= 0))
      continue;
    const tly_census_row *r = census_row(j, j->st[p].code);
    int64_t ov = r != NULL && r->overseas > 0 ? r->overseas : 0;
    int64_t res = 0;
    for (size_t d = 0; d <= j->n_st; d++)
      res += piece[p][d]; /* each below 2^40 * 4096 counties */
    int64_t placed = 0;
    __int128 rem[MAX_ENT + 1];
    for (size_t d = 0; d <= j->n_st; d++) {
      rem[d] = -1;
      if (res == 0 || piece[p][d] == 0)
        continue;
      __int128 x = (__int128)ov * piece[p][d]; /* < 2^40 * 2^52 */
      share[p][d] = (int64_t)(x / res);
      rem[d] = x % res;
      placed += share[p][d];
    }
    for (; placed < ov; placed++) {
      size_t best = 0;
      for (size_t d = 1; d <= j->n_st; d++)
        if (rem[d] > rem[best])
          best = d;
      share[p][best]++;
      rem[best] = -1;
    }
  }
  for (size_t p = 0; p < n_orig; p++) {
    if (!j->st[p].changed && !(j->st[p].admitted && j->st[p].unit >= 0))
      continue;
    for (size_t d = 1; d <= j->n_st; d++) {
      ent *s = &j->st[d - 1];
      if (piece[p][d] == 0 && share[p][d] == 0)
        continue;
      s->resident += piece[p][d];
      s->overseas += share[p][d];
      s->population += piece[p][d] + share[p][d];
    }
  }
  return TLY_OK;
}

/* Whether state i is DC still outside the states (the 23rd Amendment). */
static bool dc_outside(const job *j, size_t i)
{
  return strcmp(j->st[i].code, "DC") == 0 && j->st[i].unit >= 0 &&
         !j->st[i].admitted && !j->st[i].changed;
}

/* With reapportion: the House among every state as it now stands. */
static tly_status reapportion(job *j, int64_t seats, tly_method m,
                              tly_electors_row *er, size_t *n_er,
                              size_t *n_states, tly_error *err)
{
  const char *codes[MAX_ENT];
  int64_t pops[MAX_ENT];
  int idx[MAX_ENT];
  size_t n = 0;
  int64_t dc_pop = 0;
  int dc = -1;
  for (size_t i = 0; i < j->n_st; i++) {
    if (j->st[i].removed)
      continue;
    if (dc_outside(j, i)) {
      dc = (int)i;
      continue;
    }
    codes[n] = j->st[i].code;
    pops[n] = j->st[i].population;
    idx[n++] = (int)i;
  }
  if (dc >= 0) {
    const county *c = find_county(j, "11001");
    dc_pop = c != NULL ? c->pop : 0;
  }
  tly_apportion_input ai = {.n_states = n, .codes = codes,
                            .populations = pops,
                            .seats = seats == 0 ? 435 : seats, .method = m,
                            .dc_population = dc_pop};
  tly_apportionment *r = NULL;
  tly_status s = tly_apportion(&ai, j->a, &r, err);
  if (s != TLY_OK)
    return s;
  *n_er = 0;
  for (size_t i = 0; i < n; i++) {
    ent *e = &j->st[idx[i]];
    e->seats = tly_apportionment_seats(r, i);
    e->electors = e->seats + 2;
    tly_electors_row *row = &er[(*n_er)++];
    memset(row, 0, sizeof *row);
    memcpy(row->code, e->code, sizeof row->code);
    row->population = e->population;
    row->seats = e->seats;
    row->electors = e->electors;
  }
  if (dc >= 0) {
    tly_electors_row *row = &er[(*n_er)++];
    memset(row, 0, sizeof *row);
    memcpy(row->code, "DC", 3);
    row->electors = tly_apportionment_dc_electors(r);
    j->st[dc].electors = row->electors;
  }
  *n_states = n;
  tly_apportionment_free(r);
  return TLY_OK;
}

/* Without reapportion: each changed state's House seats are shared among
 * its pieces by method m (each piece with people gets at least one), a
 * state's seats are the sum of its pieces', and an admitted state has one
 * seat, the House growing by one as when Alaska and Hawaii were admitted
 * in 1959 (Pub. L. 85-508 and 86-3), until the next apportionment. */
static tly_status share(job *j, size_t n_orig,
                        int64_t piece[][MAX_ENT + 1],
                        int64_t share_[][MAX_ENT + 1], tly_method m,
                        tly_error *err)
{
  for (size_t i = 0; i < j->n_st; i++) {
    ent *e = &j->st[i];
    if (i < n_orig && !e->changed && !e->admitted) {
      e->electors = j->in->units[e->unit].electors;
      e->seats = dc_outside(j, i) ? 0 : e->electors - 2;
    } else if (e->admitted) {
      e->seats = 1;
    } else {
      e->seats = 0;
    }
  }
  for (size_t p = 0; p < n_orig; p++) {
    ent *e = &j->st[p];
    if (!e->changed || strcmp(e->code, "DC") == 0)
      continue; /* DC brings no seats of its own */
    int64_t seats = j->in->units[e->unit].electors - 2;
    int64_t pops[MAX_ENT + 1];
    int dest[MAX_ENT + 1];
    size_t n = 0;
    for (size_t d = 0; d <= j->n_st; d++) {
      if (piece[p][d] == 0)
        continue;
      pops[n] = piece[p][d] + share_[p][d];
      dest[n++] = (int)d - 1;
    }
    if (n == 1) {
      if (dest[0] >= 0)
        j->st[dest[0]].seats += seats;
      continue;
    }
    if ((int64_t)n > seats)
      return tly__fail(err, TLY_EINVAL,
                       "%s has %lld House seat%s, too few to share among "
                       "its %zu parts: add reapportion",
                       e->code, (long long)seats, seats == 1 ? "" : "s", n);
    tly_apportion_input ai = {.n_states = n, .populations = pops,
                              .seats = seats, .method = m};
    tly_apportionment *r = NULL;
    tly_status s = tly_apportion(&ai, j->a, &r, err);
    if (s != TLY_OK)
      return s;
    for (size_t i = 0; i < n; i++)
      if (dest[i] >= 0)
        j->st[dest[i]].seats += tly_apportionment_seats(r, i);
    tly_apportionment_free(r);
  }
  for (size_t i = 0; i < j->n_st; i++) {
    ent *e = &j->st[i];
    if (i >= n_orig || e->changed || e->admitted)
      e->electors = e->seats + 2;
  }
  return TLY_OK;
}

/*==== The new election ======================================================*/

typedef struct top {
  const char *code;
  int32_t unit; /* a state kept as it was (with its districts), or -1 */
  int ent;      /* else the redrawn state */
} top;

static int cmp_top(const void *x, const void *y)
{
  return strcmp(((const top *)x)->code, ((const top *)y)->code);
}

/* The candidate of the party `party` (a prefix, "green") with the most
 * votes in unit u of `in` (the first such on a tie), or -1. */
static int32_t party_top(const tly_election *in, int32_t u, const char *party)
{
  int32_t best = -1;
  size_t n = strlen(party);
  for (size_t c = 0; u >= 0 && c < in->n_cands; c++) {
    if (strncasecmp(in->cands[c].party, party, n) != 0)
      continue;
    int64_t v = in->votes[(size_t)u * in->n_cands + c];
    if (v > 0 && (best < 0 || v > in->votes[(size_t)u * in->n_cands +
                                            (size_t)best]))
      best = (int32_t)c;
  }
  return best;
}

/* The candidate of the election behind each county column for the
 * counties of state entry `origin` (their state before the redraw): the
 * one the county file names; else, for the Libertarian and Green columns,
 * the candidate of that party with the most votes in the state's return
 * (MEDSL's 2020 county file names no Green candidate: Howie Hawkins in
 * most states, Jesse Ventura in Alaska); else, so that no vote is lost,
 * the Others column's ("Others"), and by_party[k] or folded[k] says which
 * (either may be NULL). -1: the column counts in the total only. */
static void columns(const job *j, const tly_areas *t, int origin,
                    int32_t col[TLY_AREA_COLS], bool *by_party,
                    bool *folded)
{
  const tly_election *in = j->in;
  int32_t u = origin >= 0 ? j->st[origin].unit : -1;
  static const char *const parties[TLY_AREA_COLS] = {
      [TLY_AREA_LIB] = "libertarian", [TLY_AREA_GRN] = "green"};
  for (size_t k = 0; k < TLY_AREA_COLS; k++) {
    const char *name = tly_areas_candidate(t, k);
    col[k] = name != NULL ? tly_election_find_candidate(in, name) : -1;
    if (col[k] < 0 && k == TLY_AREA_OTH)
      col[k] = tly_election_find_candidate(in, "Others");
    if (by_party != NULL)
      by_party[k] = false;
    if (folded != NULL)
      folded[k] = false;
    if (col[k] < 0 && name != NULL && parties[k] != NULL) {
      col[k] = party_top(in, u, parties[k]);
      if (by_party != NULL)
        by_party[k] = col[k] >= 0;
    }
  }
  for (size_t k = 0; k < TLY_AREA_OTH; k++) {
    if (col[k] >= 0 || tly_areas_candidate(t, k) == NULL)
      continue;
    col[k] = col[TLY_AREA_OTH];
    if (folded != NULL)
      folded[k] = col[k] >= 0;
  }
}

/* Replaces e's units and per-unit arrays by the redrawn ones. */
static tly_status rebuild(job *j, const tly_areas *t, tly_election *e,
                          size_t *n_cast_dropped, tly_error *err)
{
  const tly_election *in = j->in;
  top tops[MAX_ENT];
  size_t nt = 0;
  for (size_t i = 0; i < j->n_st; i++) {
    const ent *s = &j->st[i];
    if (s->removed)
      continue;
    tops[nt].code = s->code;
    tops[nt].unit = s->changed || s->unit < 0 ? -1 : s->unit;
    tops[nt].ent = (int)i;
    nt++;
  }
  qsort(tops, nt, sizeof *tops, cmp_top);
  size_t nu = 0;
  for (size_t i = 0; i < nt; i++) {
    nu++;
    for (size_t d = 0; tops[i].unit >= 0 && d < in->n_units; d++)
      nu += in->units[d].parent == tops[i].unit;
  }
  size_t nc = in->n_cands;
  tly__rows r;
  tly_status s = tly__rows_alloc(in, nu, &r, err);
  if (s != TLY_OK)
    return s;
  size_t k = 0;
  for (size_t i = 0; i < nt; i++) {
    int32_t u0 = tops[i].unit;
    for (size_t u = 0; u0 >= 0 && u < in->n_units; u++) {
      if ((int32_t)u != u0 && in->units[u].parent != u0)
        continue;
      tly__rows_copy(&r, in, u, k);
      if ((int32_t)u == u0 && j->st[tops[i].ent].admitted)
        r.units[k].electors = (int32_t)j->st[tops[i].ent].electors;
      k++;
    }
    if (u0 >= 0)
      continue;
    const ent *st = &j->st[tops[i].ent];
    tly_unit *un = &r.units[k];
    memset(un, 0, sizeof *un);
    snprintf(un->code, sizeof un->code, "%s", st->code);
    un->parent = -1;
    un->electors = (int32_t)st->electors;
    un->recorded_winner = -1;
    r.forced[k] = -1;
    r.tie_break[k] = -1;
    for (size_t q = 0; q < j->n_c; q++) {
      const county *c = &j->c[q];
      if (c->dest != tops[i].ent || !c->has_votes)
        continue;
      un->has_votes = true;
      int32_t col[TLY_AREA_COLS];
      columns(j, t, c->origin, col, NULL, NULL);
      for (size_t x = 0; x < TLY_AREA_COLS; x++) {
        int64_t *v = &r.votes[k * nc + (size_t)(col[x] >= 0 ? col[x] : 0)];
        if (col[x] >= 0 && !tly__add_i64(*v, c->votes[x], v)) {
          tly__rows_free(&r);
          return tly__fail(err, TLY_EOVERFLOW, "votes overflow");
        }
      }
      if (!tly__add_i64(r.totals[k], c->total, &r.totals[k])) {
        tly__rows_free(&r);
        return tly__fail(err, TLY_EOVERFLOW, "votes overflow");
      }
    }
    k++;
  }
  return tly__rows_install(&r, e, in, n_cast_dropped, err);
}

/*==== The record and the notes ==============================================*/

static int cmp_fips(const void *x, const void *y)
{
  return strcmp((const char *)x, (const char *)y);
}

/* The redrawn and admitted states, their counties and figures. */
static tly_status record(job *j, tly_election *e, tly_error *err)
{
  const tly_allocator *a = j->a;
  tly__redraw_info *r = tly__calloc(a, 1, sizeof *r);
  if (r == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  size_t n = 0, nf = 0;
  for (size_t i = 0; i < j->n_st; i++) {
    const ent *s = &j->st[i];
    if (s->removed || !(s->changed || s->admitted))
      continue;
    n++;
    for (size_t k = 0; k < j->n_c; k++)
      nf += j->c[k].dest == (int)i && !no_county(&j->c[k]);
  }
  r->st = tly__calloc(a, n, sizeof *r->st);
  r->fips = tly__calloc(a, nf, sizeof *r->fips);
  if (r->st == NULL || r->fips == NULL) {
    tly__free(a, r->st, n * sizeof *r->st);
    tly__free(a, r->fips, nf * sizeof *r->fips);
    tly__free(a, r, sizeof *r);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  r->n = n;
  r->n_fips = nf;
  size_t at = 0, f = 0;
  for (size_t i = 0; i < j->n_st; i++) {
    const ent *s = &j->st[i];
    if (s->removed || !(s->changed || s->admitted))
      continue;
    rstate *x = &r->st[at++];
    memcpy(x->code, s->code, sizeof x->code);
    snprintf(x->name, sizeof x->name, "%s", ent_name(s));
    bool from[MAX_ENT] = {false};
    x->first = f;
    for (size_t k = 0; k < j->n_c; k++) {
      const county *c = &j->c[k];
      if (c->dest != (int)i)
        continue;
      if (c->origin >= 0)
        from[c->origin] = true;
      if (!no_county(c))
        memcpy(r->fips[f++], c->fips, sizeof r->fips[0]);
    }
    qsort(r->fips[x->first], f - x->first, sizeof r->fips[0], cmp_fips);
    size_t len = 0;
    for (size_t p = 0; p < j->n_st && len < sizeof x->from - 4; p++)
      if (from[p])
        len += (size_t)snprintf(x->from + len, sizeof x->from - len, "%s%s",
                                len ? "+" : "", j->st[p].code);
    x->pub.census = j->census;
    x->pub.resident = s->resident;
    x->pub.overseas = s->overseas;
    x->pub.population = s->population;
    x->pub.seats = s->seats;
    x->pub.electors = s->electors;
    x->pub.n_counties = f - x->first;
    x->pub.admitted = s->admitted;
  }
  sync(r);
  e->redraw = r;
  return TLY_OK;
}


/* For the note: each changed state's county sums over its old territory
 * against its state return, candidate by candidate of the county columns
 * ("others": the Others column, the columns folded into it and every
 * candidate of the return without a column), and in all: "CA equal", or
 * "CA Trump +12, others -3, total +9". */
static void differences(const job *j, const tly_areas *t, char *buf,
                        size_t size)
{
  size_t len = 0;
  buf[0] = '\0';
  const tly_election *in = j->in;
  for (size_t p = 0; p < j->n_st && j->st[p].unit >= 0; p++) {
    const ent *s = &j->st[p];
    if (!s->changed || len >= size)
      continue;
    int32_t col[TLY_AREA_COLS];
    columns(j, t, (int)p, col, NULL, NULL);
    /* grp[k]: the first column with k's candidate (others: OTH). */
    size_t grp[TLY_AREA_COLS];
    for (size_t k = 0; k < TLY_AREA_COLS; k++) {
      grp[k] = k;
      for (size_t q = 0; q < k; q++)
        if (col[k] >= 0 && col[q] == col[k] && grp[k] == k)
          grp[k] = grp[q];
    }
    for (size_t k = 0; k < TLY_AREA_COLS; k++)
      if (col[TLY_AREA_OTH] >= 0 && col[k] == col[TLY_AREA_OTH])
        grp[k] = TLY_AREA_OTH;
    int64_t cs[TLY_AREA_COLS] = {0}, ss[TLY_AREA_COLS] = {0}, ct = 0;
    for (size_t k = 0; k < j->n_c; k++) { /* each count below 2^40 */
      if (j->c[k].origin != (int)p)
        continue;
      for (size_t x = 0; x < TLY_AREA_COLS; x++)
        cs[grp[x]] += j->c[k].votes[x];
      ct += j->c[k].total;
    }
    size_t u = (size_t)s->unit;
    for (size_t c = 0; c < in->n_cands; c++) {
      size_t g = TLY_AREA_OTH;
      for (size_t k = 0; k < TLY_AREA_OTH; k++)
        if (col[k] == (int32_t)c)
          g = grp[k];
      ss[g] += in->votes[u * in->n_cands + c];
    }
    int64_t st_total = in->totals[u];
    int n = snprintf(buf + len, size - len, "%s%s", len ? "; " : "",
                     s->code);
    len += n > 0 && (size_t)n < size - len ? (size_t)n : size - len - 1;
    bool any = false;
    for (size_t k = 0; k <= TLY_AREA_COLS; k++) {
      if (k < TLY_AREA_COLS && grp[k] != k)
        continue;
      int64_t d = k < TLY_AREA_COLS ? cs[k] - ss[k] : ct - st_total;
      if (d == 0)
        continue;
      const char *who = k == TLY_AREA_COLS ? "total"
                        : k == TLY_AREA_OTH || col[k] < 0
                            ? "others"
                            : in->cands[col[k]].name;
      n = snprintf(buf + len, size - len, "%s %s %+lld", any ? "," : "",
                   who, (long long)d);
      len += n > 0 && (size_t)n < size - len ? (size_t)n : size - len - 1;
      any = true;
    }
    if (!any) {
      n = snprintf(buf + len, size - len, " equal");
      len += n > 0 && (size_t)n < size - len ? (size_t)n : size - len - 1;
    }
  }
}

static tly_status notes(job *j, const tly_areas *t, tly_election *e,
                        const tly_whatif_opts *o, size_t n_states,
                        size_t n_cast_dropped, tly_error *err)
{
  char list[512] = "", diff[512];
  size_t len = 0;
  bool any_changed = false;
  for (size_t i = 0; i < j->n_st && len < sizeof list; i++) {
    const ent *s = &j->st[i];
    if (s->removed || !s->changed || (s->admitted && s->unit < 0))
      continue;
    any_changed = true;
    len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "",
                            s->code);
  }
  tly_status st = TLY_OK;
  if (any_changed) {
    differences(j, t, diff, sizeof diff);
    st = tly__election_note(e, err,
              "redrawn by county: the votes of %s are their counties' "
              "returns (%s), which replace the state returns (county sums "
              "against the state returns: %s)",
              list, tly_areas_source(t), diff);
    /* The candidates of the changed states' returns with no column of
     * their own, and the columns taken by party or folded into Others. */
    char absent[256] = "", party[256] = "";
    size_t alen = 0, plen = 0;
    bool folded_any = false;
    const tly_election *in = j->in;
    for (size_t c = 0; c < in->n_cands && alen < sizeof absent; c++) {
      bool has = false, votes = false;
      for (size_t p = 0; p < j->n_st && j->st[p].unit >= 0; p++) {
        if (!j->st[p].changed)
          continue;
        int32_t col[TLY_AREA_COLS];
        columns(j, t, (int)p, col, NULL, NULL);
        for (size_t k = 0; k < TLY_AREA_COLS; k++)
          has = has || (col[k] == (int32_t)c &&
                        (k == TLY_AREA_OTH || col[k] != col[TLY_AREA_OTH]));
        votes = votes ||
                in->votes[(size_t)j->st[p].unit * in->n_cands + c] > 0;
      }
      if (!has && votes)
        alen += (size_t)snprintf(absent + alen, sizeof absent - alen,
                                 "%s%s", alen ? ", " : "", in->cands[c].name);
    }
    for (size_t p = 0; p < j->n_st && j->st[p].unit >= 0; p++) {
      if (!j->st[p].changed || plen >= sizeof party)
        continue;
      int32_t col[TLY_AREA_COLS];
      bool by_party[TLY_AREA_COLS], folded[TLY_AREA_COLS];
      columns(j, t, (int)p, col, by_party, folded);
      for (size_t k = 0; k < TLY_AREA_COLS && plen < sizeof party; k++) {
        folded_any = folded_any || folded[k];
        if (by_party[k])
          plen += (size_t)snprintf(party + plen, sizeof party - plen,
                                   "%s%s %s: %s", plen ? "; " : "",
                                   j->st[p].code,
                                   k == TLY_AREA_LIB ? "Libertarian" : "Green",
                                   in->cands[col[k]].name);
      }
    }
    int32_t col[TLY_AREA_COLS];
    columns(j, t, -1, col, NULL, NULL);
    if (st == TLY_OK && party[0] != '\0')
      st = tly__election_note(e, err,
                "a party's county column that names no candidate is taken as "
                "that party's candidate in the state's return (%s)",
                party);
    if (st == TLY_OK && absent[0] != '\0')
      st = tly__election_note(e, err,
                "the county returns have no column for %s: in the redrawn "
                "states their votes count under %s",
                absent,
                col[TLY_AREA_OTH] >= 0 ? "Others" : "the total only");
    if (st == TLY_OK && folded_any)
      st = tly__election_note(e, err,
                "a county column with no candidate of that party in the "
                "state's return counts under %s",
                col[TLY_AREA_OTH] >= 0 ? "Others" : "the total only");
    if (st == TLY_OK)
      st = tly__election_note(e, err,
                "assumed: a redrawn state's apportionment population is "
                "its counties' %d census resident population plus its "
                "parent states' overseas population shared in proportion "
                "to resident population (largest remainders, whole people)",
                j->census);
  }
  if (st == TLY_OK && j->alias_used)
    st = tly__election_note(e, err,
              "FIPS changed between censuses are matched: 46102 Oglala "
              "Lakota = 46113 Shannon (SD, renamed 2015); 51515 Bedford "
              "city counts in 51019 Bedford County (VA, joined 2013)");
  for (size_t i = 0; st == TLY_OK && i < j->n_st; i++) {
    const ent *s = &j->st[i];
    if (!s->admitted)
      continue;
    if (s->unit >= 0)
      st = tly__election_note(e, err,
                "DC admitted as a state: the 23rd Amendment's electors end; "
                "its population is its %d census count (%lld; no overseas "
                "population is allocated to DC), its votes its own return",
                j->census, (long long)s->population);
    else
      st = tly__election_note(e, err,
                "%s (%s) admitted with a population of %lld and no "
                "presidential votes: its %lld electors are undecided unless "
                "set (set %s=CANDIDATE)",
                s->code, s->name, (long long)s->population,
                (long long)s->electors, s->code);
  }
  for (size_t i = 0; st == TLY_OK && i < j->n_st && j->st[i].unit >= 0; i++) {
    const ent *s = &j->st[i];
    bool districts = false;
    for (size_t u = 0; u < j->in->n_units; u++)
      districts = districts || j->in->units[u].parent == s->unit;
    if (s->changed && districts)
      st = tly__election_note(e, err,
                "%s's congressional districts do not survive the redraw: "
                "its whole slate is chosen statewide",
                s->code);
  }
  if (st == TLY_OK && n_cast_dropped > 0)
    st = tly__election_note(e, err,
              "the recorded faithless electors of redrawn states are not "
              "carried over");
  if (st != TLY_OK)
    return st;
  if (o->reapportion)
    return TLY_OK; /* tly__whatif_set_electors says how */
  TLY_UNUSED(n_states);
  char b1[32];
  int64_t house = 0;
  for (size_t i = 0; i < j->n_st; i++)
    if (!j->st[i].removed && !dc_outside(j, i))
      house += j->st[i].seats;
  return tly__election_note(e, err,
              "not reapportioned: each redrawn state's House seats are "
              "shared among its parts by %s on their populations (electors "
              "= seats + 2); an admitted state has 1 seat, the House growing "
              "as in 1959 (Alaska, Hawaii): a House of %s; reapportion "
              "reapportions all states",
              tly_method_name(o->method),
              tly_format_count(house, b1, sizeof b1));
}

/*==== The transform =========================================================*/

bool tly__redraw_asked(const tly_whatif_opts *o)
{
  return o->n_without_counties > 0 || o->n_split > 0 || o->n_move > 0 ||
         o->n_merge > 0 || o->n_admit > 0;
}

tly_status tly__redraw_apply(const tly_election *in, const tly_whatif_opts *o,
                             tly_election **out, tly_error *err)
{
  *out = NULL;
  const tly_allocator *a = &in->alloc;
  int census = o->reapportion && o->census != 0 ? o->census : in->census;
  tly_areas *t = NULL;
  tly_status s = tly_areas_counties(in->year, NULL, a, &t, err);
  if (s != TLY_OK)
    return s;
  if (census != 2000 && census != 2010 && census != 2020) {
    tly_areas_free(t);
    return tly__fail(err, TLY_ENODATA,
                     "redrawing by county needs county populations, built "
                     "in for the 2000, 2010 and 2020 censuses, not %d",
                     census);
  }
  job *j = tly__calloc(a, 1, sizeof *j);
  int64_t(*piece)[MAX_ENT + 1] = tly__calloc(a, MAX_ENT, sizeof *piece);
  int64_t(*shr)[MAX_ENT + 1] = tly__calloc(a, MAX_ENT, sizeof *shr);
  tly_election *e = NULL;
  tly_election *next = NULL;
  size_t named_n = 0;
  if (j == NULL || piece == NULL || shr == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  j->a = a;
  j->in = in;
  j->census = census;
  s = tly_census_builtin(census, a, j->rows, 64, &j->n_rows, err);
  if (s == TLY_OK)
    s = read_votes(j, t, err);
  if (s == TLY_OK)
    s = read_pops(j, err);
  if (s != TLY_OK)
    goto done;
  qsort(j->c, j->n_c, sizeof *j->c, cmp_county);
  named_n = j->n_c;
  j->named = tly__calloc(a, named_n, sizeof *j->named);
  if (j->named == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (size_t u = 0; u < in->n_units; u++) {
    if (in->units[u].parent >= 0)
      continue;
    ent *x = &j->st[j->n_st++];
    snprintf(x->code, sizeof x->code, "%s", in->units[u].code);
    x->unit = (int32_t)u;
  }
  size_t n_orig = j->n_st;
  for (size_t k = 0; k < j->n_c; k++) {
    int at = find_ent(j, j->c[k].state, strlen(j->c[k].state));
    j->c[k].dest = j->c[k].origin = at >= 0 ? at : GONE;
  }
  s = run_list(j, "without", o->without_counties, o->n_without_counties,
               do_without, err);
  if (s == TLY_OK)
    s = run_list(j, "split", o->split, o->n_split, do_split, err);
  if (s == TLY_OK)
    s = run_list(j, "move", o->move, o->n_move, do_move, err);
  if (s == TLY_OK)
    s = run_list(j, "merge", o->merge, o->n_merge, do_merge, err);
  if (s == TLY_OK)
    s = run_list(j, "admit", o->admit, o->n_admit, do_admit, err);
  if (s != TLY_OK)
    goto done;
  /* A state every county of which left is gone with them. */
  for (size_t i = 0; i < j->n_st; i++) {
    bool any = j->st[i].admitted && j->st[i].unit < 0;
    for (size_t k = 0; k < j->n_c && !any; k++)
      any = j->c[k].dest == (int)i;
    if (!any && j->st[i].changed)
      j->st[i].removed = true;
  }
  /* A state whose counties have votes but no population (2024's
   * Connecticut planning regions) cannot be redrawn by county. */
  for (size_t k = 0; k < j->n_c; k++) {
    const county *c = &j->c[k];
    if (c->origin >= 0 && j->st[c->origin].changed && c->has_votes &&
        !c->has_pop && !no_county(c) && strcmp(c->state, "AK") != 0) {
      s = tly__fail(err, TLY_EINVAL,
                    "%s (%s, %s) has %d votes but no %d census population: "
                    "%s cannot be redrawn by county",
                    c->fips, c->name, c->state, in->year, census,
                    ent_name(&j->st[c->origin]));
      goto done;
    }
  }
  s = populations(j, n_orig, piece, shr, err);
  if (s != TLY_OK)
    goto done;
  tly_electors_row er[MAX_ENT + 1];
  size_t n_er = 0, n_states = 0;
  if (o->reapportion)
    s = reapportion(j, o->seats, o->method, er, &n_er, &n_states, err);
  else
    s = share(j, n_orig, piece, shr, o->method, err);
  if (s != TLY_OK)
    goto done;
  s = tly__election_clone(in, &e, err);
  size_t dropped = 0;
  if (s == TLY_OK)
    s = rebuild(j, t, e, &dropped, err);
  if (s == TLY_OK)
    s = record(j, e, err);
  if (s == TLY_OK)
    s = notes(j, t, e, o, n_states, dropped, err);
  if (s == TLY_OK && o->reapportion) {
    s = tly__whatif_set_electors(e, er, n_er, census, o->seats, o->method,
                                 n_states, &next, err);
    if (s == TLY_OK) {
      tly_election_free(e);
      e = next;
    }
  }
  if (s == TLY_OK) {
    e->census = census;
    *out = e;
    e = NULL;
  }
done:
  tly_election_free(e);
  if (j != NULL) {
    tly__free(a, j->named, named_n * sizeof *j->named);
    tly__free(a, j->c, j->cap_c * sizeof *j->c);
  }
  tly__free(a, shr, MAX_ENT * sizeof *shr);
  tly__free(a, piece, MAX_ENT * sizeof *piece);
  tly__free(a, j, sizeof *j);
  tly_areas_free(t);
  return s;
}
