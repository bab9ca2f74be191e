/*
 * forecast_model.c -- a forecast's model and its readers: the units from a
 * CSV or from memory, electors and turnout from an election, regions (the
 * Census Bureau's regions and divisions, or a file), the correlation
 * matrix of the units' own errors (The Economist's layout; repaired by
 * Higham 2002), and the outcomes a forecast is conditioned on.
 */
#include "arith.h"
#include "csv.h"
#include "forecast.h"
#include "buf.h"
#include "linalg.h"
#include "results.h"
#include "rng.h"
#include "scan.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_UNITS 1000
#define MAX_ELECTORS_UNIT 1000
#define MAX_FILE ((size_t)1 << 28)

/*---- Small helpers -----------------------------------------------------*/

static char up(char c)
{
  return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static bool ieq(const char *a, const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++)
    if (up(*a) != up(*b))
      return false;
  return *a == *b;
}

/* Reads the whole file at path ("-" is standard input) into a new
 * NUL-terminated buffer of capacity *cap (free with that size), through
 * the library's one whole-file reader (buf.c: its cap and messages). */
static tly_status read_all(const tly_allocator *a, const char *path,
                           char **out, size_t *len, size_t *cap,
                           tly_error *err)
{
  *out = NULL;
  tly__buf b;
  tly__buf_init(&b, a, TLY__FILE_MAX);
  tly_status s = tly__file_read(path, &b, err);
  if (s == TLY_OK && b.p == NULL) /* an empty file: one NUL */
    s = tly__buf_add(&b, "", 1) == TLY_OK ? TLY_OK
        : tly__fail(err, TLY_ENOMEM, "out of memory");
  if (s != TLY_OK) {
    tly__buf_free(&b);
    return s;
  }
  *out = b.p;
  *len = b.len > 0 && b.p[b.len - 1] == '\0' ? b.len - 1 : b.len;
  *cap = b.cap;
  return TLY_OK;
}

/*---- The model ---------------------------------------------------------*/

void tly_forecast_model_free(tly_forecast_model *m)
{
  if (m == NULL)
    return;
  tly_allocator al = m->al;
  tly__free(&al, m->u, m->n * sizeof *m->u);
  tly__free(&al, m->region, m->n * sizeof *m->region);
  tly__free(&al, m->region_name, m->n_regions * sizeof *m->region_name);
  tly__free(&al, m->corr_l, m->corr_k * m->corr_k * sizeof(double));
  tly__free(&al, m->corr_row, m->n * sizeof(int32_t));
  tly__free(&al, m, sizeof *m);
}

/* Checks one unit's values; loc names the row (file line) for errors. */
static tly_status check_unit(const tly_forecast_unit *u, const char *name,
                             tly_error *err)
{
  if (!tly__unit_code_valid(u->code, strlen(u->code)))
    return tly__fail_at(err, TLY_EINVAL, name, u->line, 1,
                        "unknown unit \"%s\"", u->code);
  if (!(u->mean >= 0.0 && u->mean <= 1.0))
    return tly__fail_at(err, TLY_ERANGE, name, u->line, 0,
                        "%s: share %g is outside [0, 1]", u->code, u->mean);
  if (!(u->sd >= 0.0 && u->sd <= 1.0))
    return tly__fail_at(err, TLY_ERANGE, name, u->line, 0,
                        "%s: sd %g is outside [0, 1]", u->code, u->sd);
  if (u->electors < 0 || u->electors > MAX_ELECTORS_UNIT)
    return tly__fail_at(err, TLY_ERANGE, name, u->line, 0,
                        "%s: electors %d outside 1..%d", u->code,
                        (int)u->electors, MAX_ELECTORS_UNIT);
  return TLY_OK;
}

static tly_status model_alloc(const tly_allocator *a, size_t n,
                              tly_forecast_model **out, tly_error *err)
{
  a = tly__alloc_or_default(a);
  tly_forecast_model *m = tly__calloc(a, 1, sizeof *m);
  if (m == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  m->al = *a;
  m->u = tly__calloc(a, n, sizeof *m->u);
  m->region = tly__calloc(a, n, sizeof *m->region);
  m->n = n;
  if (m->u == NULL || m->region == NULL) {
    tly_forecast_model_free(m);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++)
    m->region[i] = -1;
  *out = m;
  return TLY_OK;
}

tly_status tly_forecast_model_new(const tly_forecast_unit *units, size_t n,
                                  const tly_allocator *a,
                                  tly_forecast_model **out, tly_error *err)
{
  *out = NULL;
  if (n == 0 || n > MAX_UNITS)
    return tly__fail(err, TLY_EINVAL, "a forecast needs 1 to %d units",
                     MAX_UNITS);
  for (size_t i = 0; i < n; i++) {
    tly_forecast_unit u = units[i];
    u.code[sizeof u.code - 1] = '\0';
    tly_status s = check_unit(&u, NULL, err);
    if (s != TLY_OK)
      return s;
    for (size_t j = 0; j < i; j++)
      if (ieq(units[j].code, u.code))
        return tly__fail(err, TLY_EINVAL, "duplicate unit \"%s\"", u.code);
  }
  tly_forecast_model *m = NULL;
  tly_status s = model_alloc(a, n, &m, err);
  if (s != TLY_OK)
    return s;
  for (size_t i = 0; i < n; i++) {
    m->u[i] = units[i];
    m->u[i].code[sizeof m->u[i].code - 1] = '\0';
    for (char *p = m->u[i].code; *p; p++)
      *p = up(*p);
  }
  *out = m;
  return TLY_OK;
}

enum { COL_CODE, COL_MEAN, COL_SD, COL_ELECTORS, COL_TURNOUT, N_COLS };
static const char *const col_names[N_COLS] = {"code", "mean", "sd",
                                              "electors", "turnout"};

tly_status tly_forecast_model_parse(const char *name, const char *data,
                                    size_t len, const tly_allocator *a,
                                    tly_forecast_model **out, tly_error *err)
{
  *out = NULL;
  a = tly__alloc_or_default(a);
  tly__csv *c = NULL;
  tly_forecast_unit *rows = NULL;
  size_t n = 0;
  size_t cap = 0;
  tly_status s = tly__csv_open(a, name, data, len, 4096, 64, &c, err);
  if (s != TLY_OK)
    return s;
  const tly__csv_field *f;
  size_t nf;
  bool eof;
  int col_of[N_COLS] = {-1, -1, -1, -1, -1};
  size_t n_cols = 0;
  s = tly__csv_next(c, &f, &nf, &eof, err);
  if (s != TLY_OK)
    goto fail;
  if (eof) {
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1,
                     "empty file: expected a header code,mean,sd");
    goto fail;
  }
  n_cols = nf;
  for (size_t i = 0; i < nf; i++) {
    int k = 0;
    while (k < N_COLS && !ieq(col_names[k], f[i].p))
      k++;
    if (k == N_COLS) {
      s = tly__csv_fail(c, &f[i], err, TLY_EPARSE,
                        "unknown column \"%s\" (expected code, mean, sd, "
                        "electors, turnout)",
                        f[i].p);
      goto fail;
    }
    if (col_of[k] >= 0) {
      s = tly__csv_fail(c, &f[i], err, TLY_EPARSE, "duplicate column \"%s\"",
                        f[i].p);
      goto fail;
    }
    col_of[k] = (int)i;
  }
  for (int k = COL_CODE; k <= COL_SD; k++) {
    if (col_of[k] < 0) {
      s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                        "missing column \"%s\" (the header needs code, "
                        "mean, sd)",
                        col_names[k]);
      goto fail;
    }
  }
  for (;;) {
    s = tly__csv_next(c, &f, &nf, &eof, err);
    if (s != TLY_OK)
      goto fail;
    if (eof)
      break;
    if (nf != n_cols) {
      s = tly__csv_fail(c, nf > n_cols ? &f[n_cols] : &f[nf - 1], err,
                        TLY_EPARSE, "expected %zu fields, found %zu", n_cols,
                        nf);
      goto fail;
    }
    if (n == MAX_UNITS) {
      s = tly__csv_fail(c, &f[0], err, TLY_ERANGE, "more than %d units",
                        MAX_UNITS);
      goto fail;
    }
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 64;
      tly_forecast_unit *nr =
          tly__realloc(a, rows, cap * sizeof *rows, nc * sizeof *rows);
      if (nr == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        goto fail;
      }
      rows = nr;
      cap = nc;
    }
    tly_forecast_unit *u = &rows[n];
    memset(u, 0, sizeof *u);
    u->turnout = -1;
    const tly__csv_field *fc = &f[col_of[COL_CODE]];
    if (!tly__unit_code_valid(fc->p, fc->n)) {
      s = tly__csv_fail(c, fc, err, TLY_EPARSE,
                        "unknown unit \"%s\" (a state code, DC, ME-1, ME-2, "
                        "NE-1, NE-2 or NE-3)",
                        fc->p);
      goto fail;
    }
    for (size_t i = 0; i < fc->n; i++)
      u->code[i] = up(fc->p[i]);
    u->line = fc->line;
    for (size_t j = 0; j < n; j++) {
      if (strcmp(rows[j].code, u->code) == 0) {
        s = tly__csv_fail(c, fc, err, TLY_EPARSE,
                          "duplicate unit \"%s\" (first on line %lld)",
                          u->code, (long long)rows[j].line);
        goto fail;
      }
    }
    const tly__csv_field *fm = &f[col_of[COL_MEAN]];
    if (tly__scan_double(fm->p, fm->n, &u->mean) != TLY_OK) {
      s = tly__csv_fail(c, fm, err, TLY_EPARSE, "mean \"%s\" is not a number",
                        fm->p);
      goto fail;
    }
    if (!(u->mean >= 0.0 && u->mean <= 1.0)) {
      s = tly__csv_fail(c, fm, err, TLY_ERANGE,
                        "share %s is outside [0, 1] (the Democrat's share of "
                        "the two-party vote)",
                        fm->p);
      goto fail;
    }
    const tly__csv_field *fs = &f[col_of[COL_SD]];
    if (tly__scan_double(fs->p, fs->n, &u->sd) != TLY_OK) {
      s = tly__csv_fail(c, fs, err, TLY_EPARSE, "sd \"%s\" is not a number",
                        fs->p);
      goto fail;
    }
    if (!(u->sd >= 0.0 && u->sd <= 1.0)) {
      s = tly__csv_fail(c, fs, err, TLY_ERANGE, "sd %s is outside [0, 1]",
                        fs->p);
      goto fail;
    }
    if (col_of[COL_ELECTORS] >= 0) {
      const tly__csv_field *fe = &f[col_of[COL_ELECTORS]];
      int64_t v = 0;
      if (fe->n > 0) {
        tly_status t = tly__scan_i64(fe->p, fe->n, 1, MAX_ELECTORS_UNIT, &v);
        if (t != TLY_OK) {
          s = tly__csv_fail(c, fe, err, t,
                            t == TLY_ERANGE ? "electors %s outside 1..1000"
                                            : "electors \"%s\" is not an "
                                              "integer",
                            fe->p);
          goto fail;
        }
      }
      u->electors = (int32_t)v;
    }
    if (col_of[COL_TURNOUT] >= 0) {
      const tly__csv_field *ft = &f[col_of[COL_TURNOUT]];
      if (ft->n > 0) {
        tly_status t = tly__scan_i64(ft->p, ft->n, 0, INT64_MAX / 4,
                                     &u->turnout);
        if (t != TLY_OK) {
          s = tly__csv_fail(c, ft, err, t,
                            "turnout \"%s\" is not a vote count", ft->p);
          goto fail;
        }
      }
    }
    n++;
  }
  if (n == 0) {
    s = tly__fail_at(err, TLY_ENODATA, name, 0, 0, "no units in the file");
    goto fail;
  }
  tly_forecast_model *m = NULL;
  s = model_alloc(a, n, &m, err);
  if (s != TLY_OK)
    goto fail;
  memcpy(m->u, rows, n * sizeof *rows);
  snprintf(m->name, sizeof m->name, "%s", name != NULL ? name : "");
  *out = m;
fail:
  tly__free(a, rows, cap * sizeof *rows);
  tly__csv_free(c);
  return s;
}

tly_status tly_forecast_model_load(const char *path, const tly_allocator *a,
                                   tly_forecast_model **out, tly_error *err)
{
  *out = NULL;
  a = tly__alloc_or_default(a);
  char *buf;
  size_t len, cap;
  tly_status s = read_all(a, path, &buf, &len, &cap, err);
  if (s != TLY_OK)
    return s;
  s = tly_forecast_model_parse(path, buf, len, a, out, err);
  tly__free(a, buf, cap);
  return s;
}

size_t tly_forecast_model_n_units(const tly_forecast_model *m)
{
  return m->n;
}

const tly_forecast_unit *tly_forecast_model_unit(const tly_forecast_model *m,
                                                 size_t i)
{
  return i < m->n ? &m->u[i] : NULL;
}

int32_t tly_forecast_model_find_unit(const tly_forecast_model *m,
                                     const char *code)
{
  for (size_t i = 0; i < m->n; i++)
    if (ieq(m->u[i].code, code))
      return (int32_t)i;
  return -1;
}

/*---- Electors and turnout from an election -----------------------------*/

/* Whether the model has a district of the state with code st. */
static bool model_has_district_of(const tly_forecast_model *m,
                                  const char *st)
{
  for (size_t i = 0; i < m->n; i++)
    if (is_district(m->u[i].code) && m->u[i].code[0] == st[0] &&
        m->u[i].code[1] == st[1])
      return true;
  return false;
}

/* D + R votes of election unit j, or its total when the nominees are not
 * both found; -1 when the unit has no returns. */
static int64_t two_party_votes(const tly_election *e, size_t j)
{
  const tly_unit *eu = tly_election_unit(e, j);
  if (!eu->has_votes)
    return -1;
  int32_t d = tly_election_find_candidate(e, "D");
  int32_t r = tly_election_find_candidate(e, "R");
  if (d < 0 || r < 0)
    return tly_election_unit_total(e, j);
  int64_t v;
  if (!tly__add_i64(tly_election_votes(e, j, (size_t)d),
                    tly_election_votes(e, j, (size_t)r), &v))
    return -1;
  return v;
}

tly_status tly_forecast_model_use_election(tly_forecast_model *m,
                                           const tly_election *e,
                                           bool electors, tly_error *err)
{
  size_t ne = tly_election_n_units(e);
  int year = tly_election_year(e);
  int32_t *ev = tly__calloc(&m->al, m->n, sizeof *ev);
  int64_t *turn = tly__calloc(&m->al, m->n, sizeof *turn);
  tly_status s = TLY_OK;
  if (ev == NULL || turn == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < m->n; i++) {
    const tly_forecast_unit *u = &m->u[i];
    int32_t j = tly_election_find_unit(e, u->code);
    ev[i] = u->electors;
    turn[i] = u->turnout;
    if (j < 0) {
      if (electors) {
        s = tly__fail_at(err, TLY_ENOTFOUND, m->name, u->line, 1,
                         "unit \"%s\" is not in the %d College", u->code,
                         year);
        goto done;
      }
      continue;
    }
    const tly_unit *eu = tly_election_unit(e, (size_t)j);
    if (electors) {
      int32_t want = eu->electors;
      if (eu->parent < 0 && model_has_district_of(m, u->code)) {
        for (size_t k = 0; k < ne; k++)
          if (tly_election_unit(e, k)->parent == j)
            want -= tly_election_unit(e, k)->electors;
      }
      if (u->electors != 0 && u->electors != want) {
        s = tly__fail_at(err, TLY_EINVAL, m->name, u->line, 0,
                         "%s: electors %d differ from the %d College's %d",
                         u->code, (int)u->electors, year, (int)want);
        goto done;
      }
      ev[i] = want;
    }
    if (turn[i] < 0)
      turn[i] = two_party_votes(e, (size_t)j);
  }
  if (electors) {
    for (size_t k = 0; k < ne; k++) {
      const tly_unit *eu = tly_election_unit(e, k);
      bool need = eu->parent < 0 ||
                  model_has_district_of(
                      m, tly_election_unit(e, (size_t)eu->parent)->code);
      if (need && tly_forecast_model_find_unit(m, eu->code) < 0) {
        s = tly__fail_at(err, TLY_ENOTFOUND, m->name, 0, 0,
                         "unit \"%s\" is missing (every unit of the %d "
                         "College needs a row)",
                         eu->code, year);
        goto done;
      }
    }
  }
  for (size_t i = 0; i < m->n; i++) {
    m->u[i].electors = ev[i];
    m->u[i].turnout = turn[i];
  }
done:
  tly__free(&m->al, ev, m->n * sizeof *ev);
  tly__free(&m->al, turn, m->n * sizeof *turn);
  return s;
}

/*---- Regions -----------------------------------------------------------*/

/* A table of (code, region name) pairs read from CSV columns. */
typedef struct {
  size_t n;
  char code[128][8];
  char region[128][48];
  int64_t line[128];
} region_table;

/* Reads `unit,<col>` pairs from CSV bytes, taking the column named col
 * (or the second column when col is NULL). */
static tly_status read_region_table(const tly_allocator *a, const char *name,
                                    const char *data, size_t len,
                                    const char *col, region_table *t,
                                    tly_error *err)
{
  tly__csv *c = NULL;
  tly_status s = tly__csv_open(a, name, data, len, 256, 16, &c, err);
  if (s != TLY_OK)
    return s;
  const tly__csv_field *f;
  size_t nf;
  bool eof;
  t->n = 0;
  s = tly__csv_next(c, &f, &nf, &eof, err);
  if (s != TLY_OK)
    goto done;
  size_t rc = 1;
  if (eof || nf < 2) {
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1,
                     "expected a header unit,region");
    goto done;
  }
  if (col != NULL) {
    for (rc = 1; rc < nf && !ieq(f[rc].p, col); rc++)
      ;
    if (rc == nf) {
      s = tly__fail_at(err, TLY_EPARSE, name, 1, 1, "no column \"%s\"", col);
      goto done;
    }
  }
  for (;;) {
    s = tly__csv_next(c, &f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (nf <= rc) {
      s = tly__csv_fail(c, &f[nf - 1], err, TLY_EPARSE,
                        "expected %zu fields, found %zu", rc + 1, nf);
      break;
    }
    if (!tly__unit_code_valid(f[0].p, f[0].n)) {
      s = tly__csv_fail(c, &f[0], err, TLY_EPARSE, "unknown unit \"%s\"",
                        f[0].p);
      break;
    }
    if (f[rc].n == 0 || f[rc].n >= sizeof t->region[0]) {
      s = tly__csv_fail(c, &f[rc], err, TLY_EPARSE,
                        "region name must have 1 to 47 bytes");
      break;
    }
    for (size_t k = 0; k < t->n; k++) {
      if (ieq(t->code[k], f[0].p)) {
        s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                          "duplicate unit \"%s\" (first on line %lld)",
                          f[0].p, (long long)t->line[k]);
        goto done;
      }
    }
    if (t->n == 128) {
      s = tly__csv_fail(c, &f[0], err, TLY_ERANGE, "more than 128 rows");
      break;
    }
    for (size_t k = 0; k <= f[0].n; k++)
      t->code[t->n][k] = up(f[0].p[k]);
    memcpy(t->region[t->n], f[rc].p, f[rc].n + 1);
    t->line[t->n] = f[0].line;
    t->n++;
  }
done:
  tly__csv_free(c);
  return s;
}

/* Assigns the model's regions from table t: a unit's own row, else its
 * state's. */
static tly_status apply_regions(tly_forecast_model *m, const region_table *t,
                                const char *name, tly_error *err)
{
  char names[MAX_REGIONS][48];
  size_t nr = 0;
  int32_t *reg = tly__calloc(&m->al, m->n, sizeof *reg);
  if (reg == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  for (size_t i = 0; i < m->n; i++) {
    const char *code = m->u[i].code;
    size_t hit = t->n;
    for (size_t k = 0; k < t->n && hit == t->n; k++)
      if (strcmp(t->code[k], code) == 0)
        hit = k;
    for (size_t k = 0; k < t->n && hit == t->n; k++)
      if (strlen(t->code[k]) == 2 && t->code[k][0] == code[0] &&
          t->code[k][1] == code[1])
        hit = k;
    if (hit == t->n) {
      tly__free(&m->al, reg, m->n * sizeof *reg);
      return tly__fail_at(err, TLY_ENOTFOUND, name, 0, 0,
                          "no region for unit \"%s\"", code);
    }
    size_t r = 0;
    while (r < nr && strcmp(names[r], t->region[hit]) != 0)
      r++;
    if (r == nr) {
      if (nr == MAX_REGIONS) {
        tly__free(&m->al, reg, m->n * sizeof *reg);
        return tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                            "more than %d regions", MAX_REGIONS);
      }
      memcpy(names[nr++], t->region[hit], sizeof names[0]);
    }
    reg[i] = (int32_t)r;
  }
  char(*rn)[48] = tly__calloc(&m->al, nr, sizeof *rn);
  if (rn == NULL) {
    tly__free(&m->al, reg, m->n * sizeof *reg);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  memcpy(rn, names, nr * sizeof *rn);
  tly__free(&m->al, m->region_name, m->n_regions * sizeof *m->region_name);
  tly__free(&m->al, m->region, m->n * sizeof *m->region);
  m->region = reg;
  m->region_name = rn;
  m->n_regions = nr;
  return TLY_OK;
}

static tly_status regions_from(tly_forecast_model *m, const char *name,
                               const char *data, size_t len, const char *col,
                               tly_error *err)
{
  region_table *t = tly__calloc(&m->al, 1, sizeof *t);
  if (t == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  tly_status s = read_region_table(&m->al, name, data, len, col, t, err);
  if (s == TLY_OK)
    s = apply_regions(m, t, name, err);
  tly__free(&m->al, t, sizeof *t);
  return s;
}

tly_status tly_forecast_model_regions_builtin(tly_forecast_model *m,
                                              const char *name,
                                              tly_error *err)
{
  if (!ieq(name, "census4") && !ieq(name, "census9"))
    return tly__fail(err, TLY_EINVAL,
                     "unknown regions \"%s\" (census4, census9 or a file)",
                     name);
  /* data/regions.csv: the Census Bureau's regions and divisions. */
  size_t len;
  const char *data = tly__data_file("regions.csv", &len);
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA, "built-in regions are missing");
  return regions_from(m, "regions.csv", data, len,
                      ieq(name, "census4") ? "census4" : "census9", err);
}

tly_status tly_forecast_model_regions_parse(tly_forecast_model *m,
                                            const char *name,
                                            const char *data, size_t len,
                                            tly_error *err)
{
  return regions_from(m, name, data, len, NULL, err);
}

tly_status tly_forecast_model_regions_load(tly_forecast_model *m,
                                           const char *path, tly_error *err)
{
  char *buf;
  size_t len, cap;
  tly_status s = read_all(&m->al, path, &buf, &len, &cap, err);
  if (s != TLY_OK)
    return s;
  s = regions_from(m, path, buf, len, NULL, err);
  tly__free(&m->al, buf, cap);
  return s;
}

size_t tly_forecast_model_n_regions(const tly_forecast_model *m)
{
  return m->n_regions;
}

const char *tly_forecast_model_region_name(const tly_forecast_model *m,
                                           size_t r)
{
  return r < m->n_regions ? m->region_name[r] : NULL;
}

int32_t tly_forecast_model_unit_region(const tly_forecast_model *m, size_t i)
{
  return i < m->n ? m->region[i] : -1;
}

/*---- Correlation matrix ------------------------------------------------*/

#define MAX_CORR 128

/* A state code from the matrix header: upper case, "KA" read as "KS" (The
 * Economist's 2020 file labels Kansas KA). */
static bool corr_code(const tly__csv_field *f, char out[3])
{
  if (f->n != 2)
    return false;
  out[0] = up(f->p[0]);
  out[1] = up(f->p[1]);
  out[2] = '\0';
  if (strcmp(out, "KA") == 0)
    out[1] = 'S';
  return tly__state_index(out, 2) >= 0;
}

typedef struct {
  size_t k;
  char code[MAX_CORR][3];
  double a[MAX_CORR * MAX_CORR];
  int64_t line[MAX_CORR];
  int64_t col[MAX_CORR * MAX_CORR];
} corr_file;

static tly_status read_corr(const tly_allocator *al, const char *name,
                            const char *data, size_t len, corr_file *cf,
                            tly_error *err)
{
  tly__csv *c = NULL;
  tly_status s = tly__csv_open(al, name, data, len, 256, MAX_CORR + 2, &c, err);
  if (s != TLY_OK)
    return s;
  const tly__csv_field *f;
  size_t nf;
  bool eof;
  s = tly__csv_next(c, &f, &nf, &eof, err);
  if (s != TLY_OK)
    goto done;
  if (eof) {
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1,
                     "empty file: expected a header of state codes");
    goto done;
  }
  /* A first header cell that is not a code (often empty) means a label
   * column. */
  char code[3];
  size_t off = corr_code(&f[0], code) ? 0 : 1;
  cf->k = nf - off;
  if (cf->k == 0 || cf->k > MAX_CORR) {
    s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                      "expected 1 to %d state codes in the header", MAX_CORR);
    goto done;
  }
  for (size_t i = 0; i < cf->k; i++) {
    if (!corr_code(&f[i + off], cf->code[i])) {
      s = tly__csv_fail(c, &f[i + off], err, TLY_EPARSE,
                        "\"%s\" is not a state code", f[i + off].p);
      goto done;
    }
    for (size_t j = 0; j < i; j++) {
      if (strcmp(cf->code[j], cf->code[i]) == 0) {
        s = tly__csv_fail(c, &f[i + off], err, TLY_EPARSE,
                          "duplicate state \"%s\"", f[i + off].p);
        goto done;
      }
    }
  }
  size_t row = 0;
  for (;;) {
    s = tly__csv_next(c, &f, &nf, &eof, err);
    if (s != TLY_OK)
      goto done;
    if (eof)
      break;
    if (row == cf->k) {
      s = tly__csv_fail(c, &f[0], err, TLY_ERANGE,
                        "more rows than the %zu states of the header", cf->k);
      goto done;
    }
    if (nf != cf->k + off) {
      s = tly__csv_fail(c, &f[nf - 1], err, TLY_ERANGE,
                        "expected %zu fields, found %zu (the matrix must "
                        "be square)",
                        cf->k + off, nf);
      goto done;
    }
    if (off == 1 && (!corr_code(&f[0], code) ||
                     strcmp(code, cf->code[row]) != 0)) {
      s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                        "row label \"%s\" does not match column %zu (%s)",
                        f[0].p, row + 1, cf->code[row]);
      goto done;
    }
    cf->line[row] = f[off].line;
    for (size_t j = 0; j < cf->k; j++) {
      const tly__csv_field *x = &f[j + off];
      double v;
      if (tly__scan_double(x->p, x->n, &v) != TLY_OK) {
        s = tly__csv_fail(c, x, err, TLY_EPARSE, "\"%s\" is not a number",
                          x->p);
        goto done;
      }
      if (!(v >= -1.0 && v <= 1.0)) {
        s = tly__csv_fail(c, x, err, TLY_ERANGE,
                          "correlation %s is outside [-1, 1]", x->p);
        goto done;
      }
      if (j == row && fabs(v - 1.0) > 1e-9) {
        s = tly__csv_fail(c, x, err, TLY_ERANGE,
                          "diagonal entry %s is not 1", x->p);
        goto done;
      }
      if (j < row && fabs(v - cf->a[j * cf->k + row]) > 1e-6) {
        s = tly__csv_fail(c, x, err, TLY_ERANGE,
                          "not symmetric: %s (%s, %s) but %.9g (%s, %s)",
                          x->p, cf->code[row], cf->code[j],
                          cf->a[j * cf->k + row], cf->code[j],
                          cf->code[row]);
        goto done;
      }
      cf->a[row * cf->k + j] = v;
      cf->col[row * cf->k + j] = x->col;
    }
    row++;
  }
  if (row != cf->k)
    s = tly__fail_at(err, TLY_ERANGE, name, tly__csv_line(c) + 1, 1,
                     "expected %zu rows, found %zu (the matrix must be "
                     "square)",
                     cf->k, row);
done:
  tly__csv_free(c);
  return s;
}

tly_status tly_forecast_model_corr_parse(tly_forecast_model *m,
                                         const char *name, const char *data,
                                         size_t len, bool repair,
                                         double *moved, tly_error *err)
{
  if (moved != NULL)
    *moved = 0.0;
  const tly_allocator *al = &m->al;
  corr_file *cf = tly__calloc(al, 1, sizeof *cf);
  size_t kk = MAX_CORR * MAX_CORR;
  double *w = tly__calloc(al, 3 * kk + MAX_CORR, sizeof(double));
  int32_t *row = tly__calloc(al, m->n, sizeof *row);
  double *l = NULL;
  size_t nl = 0;
  tly_status s = TLY_OK;
  if (cf == NULL || w == NULL || row == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  s = read_corr(al, name, data, len, cf, err);
  if (s != TLY_OK)
    goto done;
  size_t k = cf->k;
  double *x = w;
  double *sub = w + kk;
  double *vals = w + 2 * kk;
  double *lf = w + 2 * kk + MAX_CORR;
  /* Positive definite: a Cholesky factor exists. Otherwise name the
   * smallest eigenvalue, or repair. */
  if (!tly__cholesky(k, cf->a, lf)) {
    memcpy(x, cf->a, k * k * sizeof(double));
    if (!tly__sym_eig(k, x, vals, NULL)) {
      s = tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                       "eigenvalues of the matrix did not converge");
      goto done;
    }
    if (!repair) {
      s = tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                       "correlation matrix is not positive definite "
                       "(smallest eigenvalue %.4g)",
                       vals[0]);
      goto done;
    }
    double mv;
    s = tly__nearest_corr(al, k, cf->a, x, &mv, err);
    if (s != TLY_OK)
      goto done;
    memcpy(cf->a, x, k * k * sizeof(double));
    if (moved != NULL)
      *moved = mv;
  }
  /* The states the model uses, in first-use order. */
  size_t used[MAX_CORR];
  size_t nu = 0;
  for (size_t i = 0; i < m->n; i++) {
    size_t r = 0;
    while (r < k && !(cf->code[r][0] == m->u[i].code[0] &&
                      cf->code[r][1] == m->u[i].code[1]))
      r++;
    if (r == k) {
      s = tly__fail_at(err, TLY_ENOTFOUND, name, 0, 0,
                       "no row for unit \"%s\"", m->u[i].code);
      goto done;
    }
    size_t q = 0;
    while (q < nu && used[q] != r)
      q++;
    if (q == nu)
      used[nu++] = r;
    row[i] = (int32_t)q;
  }
  for (size_t i = 0; i < nu; i++)
    for (size_t j = 0; j < nu; j++)
      sub[i * nu + j] = cf->a[used[i] * k + used[j]];
  nl = nu * nu;
  l = tly__calloc(al, nl, sizeof *l);
  if (l == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  if (!tly__cholesky(nu, sub, l)) { /* a principal submatrix of a PD one */
    s = tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                     "the units' correlation matrix is not positive "
                     "definite");
    goto done;
  }
  tly__free(al, m->corr_l, m->corr_k * m->corr_k * sizeof(double));
  tly__free(al, m->corr_row, m->n * sizeof(int32_t));
  m->corr_l = l;
  m->corr_k = nu;
  m->corr_row = row;
  l = NULL;
  row = NULL;
done:
  tly__free(al, l, nl * sizeof *l);
  tly__free(al, row, m->n * sizeof *row);
  tly__free(al, w, (3 * kk + MAX_CORR) * sizeof(double));
  tly__free(al, cf, sizeof *cf);
  return s;
}

tly_status tly_forecast_model_corr_load(tly_forecast_model *m,
                                        const char *path, bool repair,
                                        double *moved, tly_error *err)
{
  char *buf;
  size_t len, cap;
  tly_status s = read_all(&m->al, path, &buf, &len, &cap, err);
  if (s != TLY_OK)
    return s;
  s = tly_forecast_model_corr_parse(m, path, buf, len, repair, moved, err);
  tly__free(&m->al, buf, cap);
  return s;
}


tly_status tly_forecast_parse_given(const tly_forecast_model *m,
                                    const char *spec, int8_t *given,
                                    tly_error *err)
{
  memset(given, 0, m->n);
  const char *p = spec;
  while (*p != '\0') {
    const char *end = strchr(p, ',');
    size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
    const char *eq = memchr(p, '=', len);
    char code[8], who[16];
    size_t cl = eq != NULL ? (size_t)(eq - p) : 0;
    size_t wl = eq != NULL ? len - cl - 1 : 0;
    if (eq == NULL || cl == 0 || cl >= sizeof code || wl == 0 ||
        wl >= sizeof who)
      return tly__fail(err, TLY_EINVAL,
                       "given \"%.*s\" is not UNIT=D or UNIT=R", (int)len, p);
    memcpy(code, p, cl);
    code[cl] = '\0';
    memcpy(who, eq + 1, wl);
    who[wl] = '\0';
    int32_t i = tly_forecast_model_find_unit(m, code);
    if (i < 0)
      return tly__fail(err, TLY_EINVAL, "given: no unit \"%s\" in the "
                                        "forecast",
                       code);
    int8_t v = 0;
    if (ieq(who, "D") || ieq(who, "Democrat") || ieq(who, "Dem"))
      v = 1;
    else if (ieq(who, "R") || ieq(who, "Republican") || ieq(who, "Rep"))
      v = -1;
    else
      return tly__fail(err, TLY_EINVAL,
                       "given: \"%s\" is not D or R (for %s)", who, code);
    if (given[i] != 0 && given[i] != v)
      return tly__fail(err, TLY_EINVAL, "given: %s is given both ways",
                       code);
    given[i] = v;
    p += len;
    if (*p == ',')
      p++;
  }
  return TLY_OK;
}
