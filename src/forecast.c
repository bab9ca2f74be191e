/*
 * forecast.c -- win probabilities from state estimates and correlated
 * errors. The exact method uses the conditional independence of the units
 * given the shared factors: their electoral votes convolve (as the
 * Princeton Election Consortium does for independent states), and the
 * factors are integrated by Gauss quadrature (Golub and Welsch 1969).
 * Monte Carlo draws xoshiro256++ streams seeded per block of simulations,
 * so the thread count never changes a result, and tallies only integers.
 */
#include "arith.h"
#include "csv.h"
#include "forecast.h"
#include "json.h"
#include "linalg.h"
#include "results.h"
#include "rng.h"
#include "scan.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define MAX_UNITS 1000
#define MAX_ELECTORS_UNIT 1000
#define MAX_REGIONS 64
#define MAX_FILE ((size_t)1 << 28)
#define BLOCK 4096




struct tly_forecast_model {
  tly_allocator al;
  char name[256];
  size_t n;
  tly_forecast_unit *u;
  int32_t *region; /* n entries, -1 = none */
  size_t n_regions;
  char (*region_name)[48];
  /* Correlation of the units' own errors: the Cholesky factor (k x k) of
   * the matrix over the k states used, and each unit's state row. */
  size_t corr_k;
  double *corr_l;
  int32_t *corr_row;
};

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

/* A district code "ME-2": its state is the first two letters. */
static bool is_district(const char *code)
{
  return code[2] == '-';
}

/* Reads the whole file at path into a new NUL-terminated buffer of
 * capacity *cap (free with that size). */
static tly_status read_all(const tly_allocator *a, const char *path,
                           char **out, size_t *len, size_t *cap,
                           tly_error *err)
{
  *out = NULL;
  FILE *fp = fopen(path, "rb");
  if (fp == NULL)
    return tly__fail_at(err, TLY_EIO, path, 0, 0, "cannot open: %s",
                        strerror(errno));
  size_t c = 1 << 16;
  size_t n = 0;
  char *buf = tly__malloc(a, c);
  tly_status s = TLY_OK;
  if (buf == NULL)
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  while (s == TLY_OK) {
    if (n + 1 >= c) {
      if (c >= MAX_FILE) {
        s = tly__fail_at(err, TLY_ERANGE, path, 0, 0,
                         "file larger than 256 MiB");
        break;
      }
      char *nb = tly__realloc(a, buf, c, c * 2);
      if (nb == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      buf = nb;
      c *= 2;
    }
    size_t got = fread(buf + n, 1, c - n - 1, fp);
    n += got;
    if (got == 0) {
      if (ferror(fp))
        s = tly__fail_at(err, TLY_EIO, path, 0, 0, "read error");
      break;
    }
  }
  fclose(fp);
  if (s != TLY_OK) {
    tly__free(a, buf, c);
    return s;
  }
  buf[n] = '\0';
  *out = buf;
  *len = n;
  *cap = c;
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

/*==== The engine ==========================================================*/

struct tly_forecast {
  tly_allocator al;
  tly_forecast_method method;
  uint64_t sims, kept, seed;
  size_t nodes;
  double quad_error;
  int64_t electors, majority;
  size_t n;
  double *hist;      /* electors + 1 */
  uint64_t *hist_n;  /* MC counts (electors + 1), NULL for exact */
  double *unit_p;    /* n */
  double *unit_tip;  /* n, NaN when not simulated */
  double p_pv_loses; /* NaN when unknown */
  int8_t *given;     /* n, copy of the condition (zeros when none) */
  bool has_given;
};

/* The model as the kernels read it. */
typedef struct prep {
  size_t n;
  double *mu;      /* mean - 1/2: the Democrat wins when mu + error > 0 */
  double *sd;
  int32_t *ev;
  double *turn;    /* two-party votes; 0 for districts (counted statewide) */
  int32_t *grp;    /* region, or n_regions for a unit without one */
  const int8_t *given;
  bool any_given;
  size_t n_regions; /* regions with a factor (0 when region_sd is 0) */
  size_t n_groups;  /* n_regions + 1 */
  int64_t total, maj;
  bool has_pv;
  double sn, sr, df;
  size_t corr_k;
  const double *corr_l;
  const int32_t *corr_row;
} prep;

static void prep_free(const tly_allocator *al, prep *p)
{
  tly__free(al, p->mu, p->n * sizeof(double));
  tly__free(al, p->sd, p->n * sizeof(double));
  tly__free(al, p->ev, p->n * sizeof(int32_t));
  tly__free(al, p->turn, p->n * sizeof(double));
  tly__free(al, p->grp, p->n * sizeof(int32_t));
}

static tly_status prep_make(const tly_forecast_model *m,
                            const tly_forecast_opts *o, prep *p,
                            tly_error *err)
{
  const tly_allocator *al = &m->al;
  memset(p, 0, sizeof *p);
  size_t n = m->n;
  p->n = n;
  p->mu = tly__calloc(al, n, sizeof(double));
  p->sd = tly__calloc(al, n, sizeof(double));
  p->ev = tly__calloc(al, n, sizeof(int32_t));
  p->turn = tly__calloc(al, n, sizeof(double));
  p->grp = tly__calloc(al, n, sizeof(int32_t));
  if (!p->mu || !p->sd || !p->ev || !p->turn || !p->grp) {
    prep_free(al, p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  p->sn = o->national_sd;
  p->sr = o->region_sd;
  p->df = o->df;
  p->n_regions = o->region_sd > 0.0 ? m->n_regions : 0;
  p->n_groups = p->n_regions + 1;
  p->has_pv = true;
  p->given = o->given;
  for (size_t i = 0; i < n; i++) {
    const tly_forecast_unit *u = &m->u[i];
    if (u->electors <= 0) {
      prep_free(al, p);
      return tly__fail_at(err, TLY_ENODATA, m->name, u->line, 0,
                          "%s has no electors (add an electors column or "
                          "take them from an election)",
                          u->code);
    }
    p->mu[i] = u->mean - 0.5;
    p->sd[i] = u->sd;
    p->ev[i] = u->electors;
    p->total += u->electors; /* <= 1000 units of <= 1000: no overflow */
    p->grp[i] = p->n_regions > 0 ? m->region[i] : 0;
    if (!is_district(u->code)) {
      if (u->turnout < 0)
        p->has_pv = false;
      else
        p->turn[i] = (double)u->turnout;
    }
    if (o->given != NULL && o->given[i] != 0)
      p->any_given = true;
    /* A unit no error can move, sitting exactly on 1/2, is a tie only a
     * lot could settle: refuse it rather than pick a side. */
    if (u->sd == 0.0 && p->sn == 0.0 &&
        (p->sr == 0.0 || p->n_regions == 0) && m->corr_l == NULL &&
        u->mean == 0.5) {
      prep_free(al, p);
      return tly__fail_at(err, TLY_EINVAL, m->name, u->line, 0,
                          "%s: share 0.5 with no uncertainty is a tie; "
                          "give it a side or an sd",
                          u->code);
    }
  }
  if (p->n_regions == 0)
    for (size_t i = 0; i < n; i++)
      p->grp[i] = 0;
  p->maj = p->total / 2 + 1; /* floor(total / 2) + 1 */
  p->corr_k = m->corr_k;
  p->corr_l = m->corr_l;
  p->corr_row = m->corr_row;
  return TLY_OK;
}

/* P(the Democrat wins) and P(the Republican wins) for margin mean x and
 * standard deviation s: Phi(x / s) and Phi(-x / s) each from erfc, so that
 * both keep full relative accuracy in the tails; s = 0 is a step (a tie
 * at exactly 0 splits evenly, which happens on a set of measure 0). */
static inline void win_probs(double x, double s, double *pd, double *pr)
{
  if (s > 0.0) {
    double t = x / s * M_SQRT1_2;
    *pd = 0.5 * erfc(-t);
    *pr = 0.5 * erfc(t);
  } else {
    *pd = x > 0.0 ? 1.0 : x < 0.0 ? 0.0 : 0.5;
    *pr = 1.0 - *pd;
  }
}

/*---- Exact method ------------------------------------------------------*/

typedef struct rule {
  size_t n;
  double *x, *w;
  size_t cap; /* allocated entries (n may shrink: rule_prune) */
} rule;

static void rule_free(const tly_allocator *al, rule *r)
{
  tly__free(al, r->x, r->cap * sizeof(double));
  tly__free(al, r->w, r->cap * sizeof(double));
  r->x = r->w = NULL;
  r->n = 0;
  r->cap = 0;
}

/* Drops nodes from the ends of r (Gauss-Hermite weights fall off
 * monotonically towards both ends) while their weights sum to at most
 * budget; returns the sum dropped. Probabilities are at most 1, so a
 * dropped node moves a weighted sum by at most its weight. */
static double rule_prune(rule *r, double budget)
{
  size_t lo = 0, hi = r->n;
  double dropped = 0.0;
  while (hi - lo > 1) {
    bool left = r->w[lo] <= r->w[hi - 1];
    double w = left ? r->w[lo] : r->w[hi - 1];
    if (dropped + w > budget)
      break;
    dropped += w;
    if (left)
      lo++;
    else
      hi--;
  }
  if (lo > 0) {
    memmove(r->x, r->x + lo, (hi - lo) * sizeof(double));
    memmove(r->w, r->w + lo, (hi - lo) * sizeof(double));
  }
  r->n = hi - lo;
  return dropped;
}

/* The n-point rule of kind; n = 0 gives the one-point rule at 0 (for a
 * factor that is absent). */
static tly_status rule_make(const tly_allocator *al, tly__quad_kind kind,
                            size_t n, double alpha, rule *r, tly_error *err)
{
  size_t m = n == 0 ? 1 : n;
  r->n = m;
  r->cap = m;
  r->x = tly__calloc(al, m, sizeof(double));
  r->w = tly__calloc(al, m, sizeof(double));
  double *work = tly__calloc(al, 2 * m, sizeof(double));
  tly_status s = TLY_OK;
  if (r->x == NULL || r->w == NULL || work == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  } else if (n == 0) {
    r->x[0] = kind == TLY__QUAD_LAGUERRE ? alpha + 1.0 : 0.0;
    r->w[0] = 1.0;
  } else if (!tly__gauss_rule(kind, n, alpha, r->x, r->w, work)) {
    s = tly__fail(err, TLY_ERANGE, "quadrature rule did not converge");
  }
  tly__free(al, work, 2 * m * sizeof(double));
  if (s != TLY_OK)
    rule_free(al, r);
  return s;
}

/* The rule for s = 1/g = sqrt(W / (df - 2)), W ~ chi-square(df): the
 * trapezoid rule in t = log s with step h. Results depend smoothly on s
 * but have features at every scale near s = 0 (a unit far from 1/2 turns
 * over there), which a Laguerre rule in W resolves only with hundreds of
 * nodes; in t those features are evenly spread, and the trapezoid rule on
 * the whole line converges geometrically for such analytic integrands.
 * The density of t is f_W(w) 2w with w = (df - 2) e^(2t); nodes run out
 * to where it falls below e^-46 (1e-20) of its peak (at w = df), and the
 * weights are normalised to sum to 1. */
static tly_status mix_rule(const tly_allocator *al, double h, double df,
                           rule *r, tly_error *err)
{
  if (df == 0.0) { /* normal errors: the one node s = 1 */
    tly_status st = rule_make(al, TLY__QUAD_HERMITE, 0, 0.0, r, err);
    if (st == TLY_OK)
      r->x[0] = 1.0;
    return st;
  }
  double k = df / 2.0;
  double tpeak = 0.5 * log(df / (df - 2.0));
  double lpeak = k * log(df) - df / 2.0;
  double tlo = tpeak, thi = tpeak;
  for (;;) { /* log density up to constants: k log w - w / 2 */
    double w = (df - 2.0) * exp(2.0 * tlo);
    if (k * log(w) - w / 2.0 < lpeak - 46.0)
      break;
    tlo -= h;
  }
  for (;;) {
    double w = (df - 2.0) * exp(2.0 * thi);
    if (k * log(w) - w / 2.0 < lpeak - 46.0)
      break;
    thi += h;
  }
  size_t n = (size_t)((thi - tlo) / h + 0.5) + 1;
  r->n = n;
  r->cap = n;
  r->x = tly__calloc(al, n, sizeof(double));
  r->w = tly__calloc(al, n, sizeof(double));
  if (r->x == NULL || r->w == NULL) {
    rule_free(al, r);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  double sum = 0.0;
  for (size_t j = 0; j < n; j++) {
    double t = tlo + (double)j * h;
    double w = (df - 2.0) * exp(2.0 * t);
    r->x[j] = exp(t);
    r->w[j] = exp(k * log(w) - w / 2.0 - lpeak);
    sum += r->w[j];
  }
  for (size_t j = 0; j < n; j++)
    r->w[j] /= sum;
  return TLY_OK;
}

typedef struct exact_ws {
  size_t *gstart;   /* n_groups + 1: offsets into order[] */
  size_t *order;    /* units grouped by region */
  int64_t *gev;     /* electors per group */
  size_t *goff;     /* n_groups + 1: offsets into gd[] */
  double *gd;       /* each group's EV distribution */
  double *gmass;    /* each group's P(given outcomes) */
  double *gnum;     /* per unit: E[p_i * P(given in its group)] */
  double *pu;       /* per unit P(D) at the current node */
  double *tmp, *tmp2; /* a group's convolution at one node (two buffers) */
  double *full, *full2; /* the whole convolution (total + 1) */
  double *pre, *suf;    /* products of gmass before / after a group */
  double *hist, *unit;  /* accumulators */
  double mass;
  double trim;          /* mass dropped from hist (exact_range) */
  size_t *glo, *glen;   /* the support of each group's gd at a node */
} exact_ws;

/* Four doubles in GCC's vector extension (two SSE2 registers on the
 * x86-64 baseline): the same IEEE operations per element as the scalar
 * loops they replace, so results do not change. */
typedef double f64x4e __attribute__((vector_size(32), aligned(8)));

/* Compiled for AVX-512 and the baseline, chosen at load time (the same
 * element operations either way). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TLY_CLONES __attribute__((target_clones("avx512f", "default")))
#else
#define TLY_CLONES
#endif

/* dst[k] = x[k] * a + y[k] * b for k < n. */
TLY_CLONES static void lin2(double *restrict dst, const double *restrict x, double a,
                 const double *restrict y, double b, size_t n)
{
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    f64x4e vx, vy;
    memcpy(&vx, x + k, sizeof vx);
    memcpy(&vy, y + k, sizeof vy);
    f64x4e r = vx * a + vy * b;
    memcpy(dst + k, &r, sizeof r);
  }
  for (; k < n; k++)
    dst[k] = x[k] * a + y[k] * b;
}

/* dst[k] += a * x[k] for k < n. */
TLY_CLONES static void axpy(double *restrict dst, double a, const double *restrict x,
                 size_t n)
{
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    f64x4e vd, vx;
    memcpy(&vd, dst + k, sizeof vd);
    memcpy(&vx, x + k, sizeof vx);
    vd += a * vx;
    memcpy(dst + k, &vd, sizeof vd);
  }
  for (; k < n; k++)
    dst[k] += a * x[k];
}

/* Adds one unit to the defective EV distribution src[0..len) into dst:
 * dst[k] = src[k] q + src[k - e] p, restricted to the given outcome;
 * returns len + e. Three loops with no branch inside, the middle one
 * (where both terms are present) in lin2's vectors; the arithmetic per
 * element is the same in each. */
static size_t conv_unit(const double *restrict src, double *restrict dst,
                        size_t len, size_t e, double pd, double pr,
                        int8_t given)
{
  if (given > 0)
    pr = 0.0;
  else if (given < 0)
    pd = 0.0;
  size_t nl = len + e;
  size_t a = e < len ? e : len;
  for (size_t k = 0; k < a; k++)
    dst[k] = src[k] * pr;
  if (e <= len) {
    lin2(dst + e, src + e, pr, src, pd, len - e);
    for (size_t k = len; k < nl; k++)
      dst[k] = src[k - e] * pd;
  } else {
    for (size_t k = len; k < e; k++)
      dst[k] = 0.0;
    for (size_t k = e; k < nl; k++)
      dst[k] = src[k - e] * pd;
  }
  return nl;
}

/* win_probs with one erfc: the smaller probability from erfc (full
 * relative accuracy in the tail), the larger as 1 minus it (it is at
 * least 1/2, so the subtraction loses nothing beyond an ulp). */
static inline void win_probs1(double x, double s, double *pd, double *pr)
{
  if (s > 0.0) {
    double t = x / s * M_SQRT1_2;
    if (t >= 0.0) {
      *pr = 0.5 * erfc(t);
      *pd = 1.0 - *pr;
    } else {
      *pd = 0.5 * erfc(-t);
      *pr = 1.0 - *pd;
    }
  } else {
    win_probs(x, s, pd, pr);
  }
}

/* Drops the ends of the defective distribution d[0..*len) whose mass is
 * at most eps on each side (keeping one entry); returns the mass dropped
 * and sets *skip to the entries dropped at the low end. */
static double trim_ends(const double *d, size_t *len, size_t *skip,
                        double eps)
{
  size_t s0 = 0, e0 = *len;
  double lo = 0.0, hi = 0.0;
  while (e0 - s0 > 1 && lo + d[s0] <= eps)
    lo += d[s0++];
  while (e0 - s0 > 1 && hi + d[e0 - 1] <= eps)
    hi += d[--e0];
  *skip = s0;
  *len = e0 - s0;
  return lo + hi;
}

/* The part of one pass of the exact method over the (mixing node,
 * national node) pairs lo..hi-1 (pair a * nat->n + b), with the given
 * rules for the mixing variable (Student-t), the national factor and the
 * regional factors, accumulated from zero into ws. Every distribution is
 * kept on its support (an offset and a length), and after each
 * convolution ends of mass at most eps are dropped (units all but sure
 * of their side only shift it); the dropped mass, weighted as the
 * result is, goes into ws->trim: it bounds the change to every entry of
 * ws->hist (convolving with and mixing sub-probability distributions
 * never increases a total mass), and nothing else is touched. */
static void exact_range(const prep *p, const rule *mix, const rule *nat,
                        const rule *reg, exact_ws *ws, size_t lo,
                        size_t hi, double eps)
{
  size_t total = (size_t)p->total;
  size_t ng = p->n_groups;
  memset(ws->hist, 0, (total + 1) * sizeof(double));
  memset(ws->unit, 0, p->n * sizeof(double));
  ws->mass = 0.0;
  ws->trim = 0.0;
  for (size_t ab = lo; ab < hi; ab++) {
    size_t a = ab / nat->n, b = ab % nat->n;
    /* With Student-t errors every error is multiplied by g; dividing the
     * margin by g instead, the mean is scaled by s = 1/g (mix->x). */
    double sc = mix->x[a];
    double wab = mix->w[a] * nat->w[b];
    double shift_n = p->sn * nat->x[b];
    double trim = 0.0; /* at this node, before the weight wab */
    for (size_t gi = 0; gi < ng; gi++) {
      bool has_factor = gi < p->n_regions;
      const rule *rr = has_factor ? reg : NULL;
      size_t nr = has_factor ? rr->n : 1;
      double *gd = ws->gd + ws->goff[gi];
      size_t glen = (size_t)ws->gev[gi] + 1;
      size_t glo = glen, ghi = 0; /* the support of gd */
      memset(gd, 0, glen * sizeof(double));
      ws->gmass[gi] = 0.0;
      for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++)
        ws->gnum[ws->order[q]] = 0.0;
      for (size_t c = 0; c < nr; c++) {
        double wr = has_factor ? rr->w[c] : 1.0;
        double shift = shift_n + (has_factor ? p->sr * rr->x[c] : 0.0);
        size_t len = 1, off = 0;
        double mq = 1.0, cut = 0.0;
        double *cur = ws->tmp, *nxt = ws->tmp2;
        cur[0] = 1.0;
        for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++) {
          size_t i = ws->order[q];
          double pd, pr;
          win_probs1(p->mu[i] * sc + shift, p->sd[i], &pd, &pr);
          int8_t gv = p->given != NULL ? p->given[i] : 0;
          len = conv_unit(cur, nxt, len, (size_t)p->ev[i], pd, pr, gv);
          size_t skip;
          cut += trim_ends(nxt, &len, &skip, eps);
          off += skip;
          cur = nxt + skip;
          nxt = nxt == ws->tmp ? ws->tmp2 : ws->tmp;
          ws->pu[i] = pd;
          if (gv > 0)
            mq *= pd;
          else if (gv < 0)
            mq *= pr;
        }
        for (size_t k = 0; k < len; k++)
          gd[off + k] += wr * cur[k];
        if (off < glo)
          glo = off;
        if (off + len > ghi)
          ghi = off + len;
        trim += wr * cut;
        ws->gmass[gi] += wr * mq;
        for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++) {
          size_t i = ws->order[q];
          ws->gnum[i] += wr * ws->pu[i] * mq;
        }
      }
      size_t gl = ghi - glo, skip;
      trim += trim_ends(gd + glo, &gl, &skip, eps);
      ws->glo[gi] = glo + skip;
      ws->glen[gi] = gl;
    }
    /* Convolve the groups, which are independent given this node. */
    size_t flen = 1, foff = 0;
    double *full = ws->full, *full2 = ws->full2; /* full2: the other base */
    full[0] = 1.0;
    for (size_t gi = 0; gi < ng; gi++) {
      const double *gd = ws->gd + ws->goff[gi] + ws->glo[gi];
      size_t gl = ws->glen[gi];
      foff += ws->glo[gi];
      if (gl == 1) {
        for (size_t k = 0; k < flen; k++)
          full[k] *= gd[0];
        continue;
      }
      size_t nl = flen + gl - 1;
      memset(full2, 0, nl * sizeof(double));
      for (size_t k = 0; k < flen; k++) {
        double fk = full[k];
        if (fk == 0.0)
          continue;
        axpy(full2 + k, fk, gd, gl);
      }
      size_t skip;
      trim += trim_ends(full2, &nl, &skip, eps);
      foff += skip;
      double *nb = full2;
      full = full2 + skip;
      full2 = nb == ws->full ? ws->full2 : ws->full;
      flen = nl;
    }
    for (size_t k = 0; k < flen; k++)
      ws->hist[foff + k] += wab * full[k];
    ws->trim += wab * trim;
    ws->pre[0] = 1.0;
    for (size_t gi = 0; gi < ng; gi++)
      ws->pre[gi + 1] = ws->pre[gi] * ws->gmass[gi];
    ws->suf[ng] = 1.0;
    for (size_t gi = ng; gi-- > 0;)
      ws->suf[gi] = ws->suf[gi + 1] * ws->gmass[gi];
    ws->mass += wab * ws->pre[ng];
    for (size_t gi = 0; gi < ng; gi++) {
      double others = ws->pre[gi] * ws->suf[gi + 1];
      for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++) {
        size_t i = ws->order[q];
        ws->unit[i] += wab * ws->gnum[i] * others;
      }
    }
  }
}

/* The pairs are split into EXACT_PARTS fixed contiguous parts, each
 * summed in order into its own workspace and the parts then added in
 * order, whatever the number of threads: the result never depends on
 * it. */
#define EXACT_PARTS 2

typedef struct exact_job {
  const prep *p;
  const rule *mix, *nat, *reg;
  exact_ws *ws;
  size_t lo, hi;
  double eps;
} exact_job;

static void *exact_job_run(void *arg)
{
  exact_job *j = arg;
  exact_range(j->p, j->mix, j->nat, j->reg, j->ws, j->lo, j->hi, j->eps);
  return NULL;
}

/* One pass of the exact method: ws[0] receives the sums. */
static void exact_pass(const prep *p, const rule *mix, const rule *nat,
                       const rule *reg, exact_ws *ws, int threads,
                       double eps)
{
  size_t pairs = mix->n * nat->n;
  exact_job jobs[EXACT_PARTS];
  pthread_t th[EXACT_PARTS];
  bool live[EXACT_PARTS];
  for (size_t k = 0; k < EXACT_PARTS; k++) {
    jobs[k] = (exact_job){p, mix, nat, reg, &ws[k], pairs * k / EXACT_PARTS,
                          pairs * (k + 1) / EXACT_PARTS, eps};
    live[k] = false;
  }
  for (size_t k = 1; k < EXACT_PARTS; k++)
    live[k] = (size_t)threads > k &&
              pthread_create(&th[k], NULL, exact_job_run, &jobs[k]) == 0;
  exact_job_run(&jobs[0]);
  for (size_t k = 1; k < EXACT_PARTS; k++) {
    if (live[k])
      pthread_join(th[k], NULL);
    else
      exact_job_run(&jobs[k]); /* no thread: run it here */
  }
  size_t t1 = (size_t)p->total + 1;
  for (size_t k = 1; k < EXACT_PARTS; k++) {
    for (size_t i = 0; i < t1; i++)
      ws[0].hist[i] += ws[k].hist[i];
    for (size_t i = 0; i < p->n; i++)
      ws[0].unit[i] += ws[k].unit[i];
    ws[0].mass += ws[k].mass;
    ws[0].trim += ws[k].trim;
  }
}

static void exact_ws_free(const tly_allocator *al, exact_ws *ws,
                          const prep *p)
{
  size_t ng = p->n_groups;
  size_t t1 = (size_t)p->total + 1;
  tly__free(al, ws->gstart, (ng + 1) * sizeof(size_t));
  tly__free(al, ws->order, p->n * sizeof(size_t));
  tly__free(al, ws->gev, ng * sizeof(int64_t));
  tly__free(al, ws->goff, (ng + 1) * sizeof(size_t));
  tly__free(al, ws->gd, (t1 + ng) * sizeof(double));
  tly__free(al, ws->gmass, ng * sizeof(double));
  tly__free(al, ws->gnum, p->n * sizeof(double));
  tly__free(al, ws->pu, p->n * sizeof(double));
  tly__free(al, ws->tmp, t1 * sizeof(double));
  tly__free(al, ws->tmp2, t1 * sizeof(double));
  tly__free(al, ws->full, t1 * sizeof(double));
  tly__free(al, ws->full2, t1 * sizeof(double));
  tly__free(al, ws->pre, (ng + 1) * sizeof(double));
  tly__free(al, ws->suf, (ng + 1) * sizeof(double));
  tly__free(al, ws->hist, t1 * sizeof(double));
  tly__free(al, ws->unit, p->n * sizeof(double));
  tly__free(al, ws->glo, ng * sizeof(size_t));
  tly__free(al, ws->glen, ng * sizeof(size_t));
}

/* Whether unit i is surer of its side than unit j (an sd of 0 is
 * surest; ties go to the smaller index). */
static bool surer(const prep *p, size_t i, size_t j)
{
  double zi = p->sd[i] > 0.0 ? fabs(p->mu[i]) / p->sd[i] : INFINITY;
  double zj = p->sd[j] > 0.0 ? fabs(p->mu[j]) / p->sd[j] : INFINITY;
  if (zi != zj)
    return zi > zj;
  return i < j;
}

static tly_status exact_ws_make(const tly_allocator *al, const prep *p,
                                exact_ws *ws, tly_error *err)
{
  memset(ws, 0, sizeof *ws);
  size_t ng = p->n_groups;
  size_t t1 = (size_t)p->total + 1;
  ws->gstart = tly__calloc(al, ng + 1, sizeof(size_t));
  ws->order = tly__calloc(al, p->n, sizeof(size_t));
  ws->gev = tly__calloc(al, ng, sizeof(int64_t));
  ws->goff = tly__calloc(al, ng + 1, sizeof(size_t));
  ws->gd = tly__calloc(al, t1 + ng, sizeof(double));
  ws->gmass = tly__calloc(al, ng, sizeof(double));
  ws->gnum = tly__calloc(al, p->n, sizeof(double));
  ws->pu = tly__calloc(al, p->n, sizeof(double));
  ws->tmp = tly__calloc(al, t1, sizeof(double));
  ws->tmp2 = tly__calloc(al, t1, sizeof(double));
  ws->full = tly__calloc(al, t1, sizeof(double));
  ws->full2 = tly__calloc(al, t1, sizeof(double));
  ws->pre = tly__calloc(al, ng + 1, sizeof(double));
  ws->suf = tly__calloc(al, ng + 1, sizeof(double));
  ws->hist = tly__calloc(al, t1, sizeof(double));
  ws->unit = tly__calloc(al, p->n, sizeof(double));
  ws->glo = tly__calloc(al, ng, sizeof(size_t));
  ws->glen = tly__calloc(al, ng, sizeof(size_t));
  if (!ws->glo || !ws->glen ||
      !ws->gstart || !ws->order || !ws->gev || !ws->goff || !ws->gd ||
      !ws->gmass || !ws->gnum || !ws->pu || !ws->tmp || !ws->tmp2 ||
      !ws->full ||
      !ws->full2 || !ws->pre || !ws->suf || !ws->hist || !ws->unit) {
    exact_ws_free(al, ws, p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  size_t q = 0;
  for (size_t gi = 0; gi < ng; gi++) {
    ws->gstart[gi] = q;
    for (size_t i = 0; i < p->n; i++) {
      if ((size_t)p->grp[i] == gi || (gi == ng - 1 && p->grp[i] < 0)) {
        ws->order[q++] = i;
        ws->gev[gi] += p->ev[i];
      }
    }
  }
  ws->gstart[ng] = q;
  /* Within a group the surest units come first (largest |mean| / sd,
   * ties by index): they mostly shift the distribution, whose ends are
   * then trimmed, so it widens only with the close units, at the end. */
  for (size_t gi = 0; gi < ng; gi++) {
    for (size_t x = ws->gstart[gi] + 1; x < ws->gstart[gi + 1]; x++) {
      size_t u = ws->order[x];
      size_t y = x;
      while (y > ws->gstart[gi] && surer(p, u, ws->order[y - 1])) {
        ws->order[y] = ws->order[y - 1];
        y--;
      }
      ws->order[y] = u;
    }
  }
  ws->goff[0] = 0;
  for (size_t gi = 0; gi < ng; gi++)
    ws->goff[gi + 1] = ws->goff[gi] + (size_t)ws->gev[gi] + 1;
  return TLY_OK;
}

/* The tolerance on every probability the exact method reports: more nodes
 * change nothing printed (percentages to 2 decimals, JSON to 12 digits of
 * anything above 1e-10). */
#define EXACT_TOL 1e-11

static tly_status run_exact(const tly_forecast_model *m, const prep *p,
                            int threads, tly_forecast *f, tly_error *err)
{
  const tly_allocator *al = &m->al;
  exact_ws wss[EXACT_PARTS];
  size_t made = 0;
  tly_status s = TLY_OK;
  for (; made < EXACT_PARTS; made++) {
    s = exact_ws_make(al, p, &wss[made], err);
    if (s != TLY_OK)
      break;
  }
  exact_ws *wsp = wss;
  size_t t1 = (size_t)p->total + 1;
  double *prev = NULL;
  rule mix = {0}, nat = {0}, reg = {0};
  if (s != TLY_OK)
    goto done;
  prev = tly__calloc(al, t1 + p->n, sizeof(double));
  if (prev == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  /* Each factor's rule is refined on its own (national, regional, then
   * the Student-t scale, in turn), doubling its nodes until doing so
   * moves no probability by more than the tolerance; the error reported
   * is the largest last change. A work bound keeps nested rules
   * affordable. */
  bool active[3] = {p->sn > 0.0, p->n_regions > 0, p->df > 0.0};
  bool done_d[3] = {!active[0], !active[1], !active[2]};
  double last[3] = {0.0, 0.0, 0.0};
  int lev[3] = {0, 0, 0};
  bool first = true;
  int d = 0;
  double prune_err = 0.0, mass_prev = 0.0;
  for (;;) {
    size_t nh = (size_t)16 << lev[0];
    size_t nr = (size_t)16 << lev[1];
    double h = 0.8 / (double)(1 << lev[2]);
    rule_free(al, &mix);
    rule_free(al, &nat);
    rule_free(al, &reg);
    s = mix_rule(al, h, p->df, &mix, err);
    if (s == TLY_OK)
      s = rule_make(al, TLY__QUAD_HERMITE, active[0] ? nh : 0, 0.0, &nat,
                    err);
    if (s == TLY_OK)
      s = rule_make(al, TLY__QUAD_HERMITE, active[1] ? nr : 0, 0.0, &reg,
                    err);
    if (s != TLY_OK)
      goto done;
    /* Nodes whose weights are negligible are left out: the joint weight
     * left out is at most S = dropped national + regions x dropped
     * regional, and it moves each reported probability (a ratio of sums
     * over the nodes, numerator at most the denominator) by at most S
     * over the mass kept, which is added to the error reported. The
     * budget uses the mass of the previous pass (none on the first). */
    double budget = 1e-3 * EXACT_TOL * mass_prev /
                    (double)(1 + p->n_regions);
    double dropped = rule_prune(&nat, budget);
    dropped += (double)p->n_regions * rule_prune(&reg, budget);
    /* Likewise the ends of distributions dropped in the pass (their
     * total, ws.trim, bounds the change to any entry of the histogram). */
    exact_pass(p, &mix, &nat, &reg, wsp, threads, 1e-17 * mass_prev);
    exact_ws ws = wsp[0];
    if (!(ws.mass > 1e-300)) {
      s = tly__fail(err, TLY_ERANGE,
                    "the given outcomes have probability 0");
      goto done;
    }
    double diff = 0.0;
    for (size_t k = 0; k < t1; k++) {
      double v = ws.hist[k] / ws.mass;
      diff = fmax(diff, fabs(v - prev[k]));
      prev[k] = v;
    }
    for (size_t i = 0; i < p->n; i++) {
      double v = ws.unit[i] / ws.mass;
      diff = fmax(diff, fabs(v - prev[t1 + i]));
      prev[t1 + i] = v;
    }
    prune_err = (dropped + ws.trim) / ws.mass;
    mass_prev = ws.mass;
    f->nodes = active[0] ? nh : active[1] ? nr : mix.n;
    if (!first) {
      last[d] = diff;
      if (diff <= EXACT_TOL)
        done_d[d] = true;
    }
    first = false;
    /* The next factor to refine, and whether it is affordable. */
    int next = -1;
    for (int j = 1; j <= 3 && next < 0; j++)
      if (!done_d[(d + j) % 3])
        next = (d + j) % 3;
    if (next < 0)
      break;
    double work = (double)nat.n * (double)reg.n * (double)mix.n * 2.0 *
                  (double)p->n;
    if (work > 3e7 || lev[next] >= 7) {
      done_d[next] = true; /* give up on it; its last change stands */
      if (lev[next] == 0)
        last[next] = INFINITY;
      continue;
    }
    d = next;
    lev[d]++;
  }
  double best_err = fmax(last[0], fmax(last[1], last[2])) + prune_err;
  memcpy(f->hist, prev, t1 * sizeof(double));
  for (size_t i = 0; i < p->n; i++) {
    double v = prev[t1 + i];
    if (p->given != NULL && p->given[i] != 0)
      v = p->given[i] > 0 ? 1.0 : 0.0;
    f->unit_p[i] = v;
  }
  f->quad_error = best_err;
done:
  rule_free(al, &mix);
  rule_free(al, &nat);
  rule_free(al, &reg);
  tly__free(al, prev, (t1 + p->n) * sizeof(double));
  for (size_t k = 0; k < made; k++)
    exact_ws_free(al, &wss[k], p);
  return s;
}

/*---- Monte Carlo -------------------------------------------------------*/

/* The kernel runs 8 simulations at once, one per lane of GCC's vector
 * extensions: two sets of 8 xoshiro256++ streams alternate draws (for
 * instruction-level parallelism), unit by unit. It is compiled for
 * AVX-512 and for the x86-64 baseline and chosen at run time; every lane
 * does the same IEEE operations in both (ISO C mode contracts nothing into
 * FMA), so the choice never changes a result. */
typedef uint64_t u64x8 __attribute__((vector_size(64), aligned(8)));
typedef int64_t i64x8 __attribute__((vector_size(64), aligned(8)));
typedef double f64x8 __attribute__((vector_size(64), aligned(8)));

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TLY_X86 1
#include <immintrin.h>
#endif

/* Vector helpers are macros: a function returning a 64-byte vector would
 * have a different ABI in each compiled variant. */
#define ROTL8(x, k) (((x) << (k)) | ((x) >> (64 - (k))))

/* Eight xoshiro256++ streams, one per lane. */
typedef struct lanes {
  u64x8 s0, s1, s2, s3;
} lanes;

/* out = the next 64 bits of each lane's stream. */
#define LANES_NEXT(l, out)                                                   \
  do {                                                                       \
    (out) = ROTL8((l)->s0 + (l)->s3, 23) + (l)->s0;                          \
    u64x8 t_ = (l)->s1 << 17;                                                \
    (l)->s2 ^= (l)->s0;                                                      \
    (l)->s3 ^= (l)->s1;                                                      \
    (l)->s1 ^= (l)->s2;                                                      \
    (l)->s0 ^= (l)->s3;                                                      \
    (l)->s2 ^= t_;                                                           \
    (l)->s3 = ROTL8((l)->s3, 45);                                            \
  } while (0)

/* Lane-wise mask ? a : b (mask lanes all ones or all zeros). */
#define VSEL(mask, a, b)                                                     \
  ((f64x8)((((i64x8)(a)) & (mask)) | (((i64x8)(b)) & ~(mask))))

#define VBROADCAST(x) ((f64x8){(x), (x), (x), (x), (x), (x), (x), (x)})

/* The ziggurat's fast path on 8 lanes (the 52-bit position becomes a
 * double exactly by the 2^52 exponent trick); *rej gets the lanes that
 * need the slow path. */
#define ZIG8(bits, kk, ww, x)                                                \
  do {                                                                       \
    u64x8 j_ = (bits) >> 12;                                                 \
    u64x8 e_ = j_ | 0x4330000000000000u;                                     \
    (x) = ((f64x8)e_ - 0x1.0p52) * (ww);                                     \
    (x) = (f64x8)((u64x8)(x) ^ (((bits) & 0x400) << 53));                    \
    rej = (i64x8)(j_ >= (kk));                                               \
  } while (0)

/* Finishes the lanes of one vector the fast path rejected (about 1.2 % of
 * draws) from the side stream, in lane order. */
static void zig_fixup(double *out, const uint64_t *bits, const int64_t *rej,
                      tly__rng *side, const tly__zig *z)
{
  for (int q = 0; q < 8; q++)
    if (rej[q] != 0)
      out[q] = tly__rng_normal_slow(side, z, bits[q]);
}

#ifdef TLY_X86
/* The same with AVX-512 for 8 lanes at once (the table lookups as 16-byte
 * loads of (k, w) pairs, which cost less than gathers on the processors
 * measured): the same integer and IEEE operations, so the same bits. */
__attribute__((target("avx512f"))) static void
fill_gather512(lanes *l, tly__rng *side, const tly__zig *z, f64x8 *out,
               size_t count, uint64_t *qb, uint64_t *qp)
{
  const __m512i lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i expo = _mm512_set1_epi64(0x4330000000000000);
  const __m512d two52 = _mm512_set1_pd(0x1.0p52);
  const __m512i mlay = _mm512_set1_epi64(TLY__ZIG_LAYERS - 1);
  const __m512i msign = _mm512_set1_epi64(0x400);
  const __m512i evens = _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0);
  const __m512i odds = _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1);
  const char *kwb = (const char *)z->kw;
  size_t nq = 0;
  /* Both lane sets live in registers; vector k comes from set k % 2. */
  __m512i a0 = _mm512_loadu_si512(&l[0].s0), a1 = _mm512_loadu_si512(&l[0].s1);
  __m512i a2 = _mm512_loadu_si512(&l[0].s2), a3 = _mm512_loadu_si512(&l[0].s3);
  __m512i b0 = _mm512_loadu_si512(&l[1].s0), b1 = _mm512_loadu_si512(&l[1].s1);
  __m512i b2 = _mm512_loadu_si512(&l[1].s2), b3 = _mm512_loadu_si512(&l[1].s3);
#define XOSHIRO512(s0, s1, s2, s3, out)                                      \
  do {                                                                       \
    (out) = _mm512_add_epi64(_mm512_rol_epi64(_mm512_add_epi64(s0, s3), 23), \
                             s0);                                            \
    __m512i u_ = _mm512_slli_epi64(s1, 17);                                  \
    s2 = _mm512_xor_si512(s2, s0);                                           \
    s3 = _mm512_xor_si512(s3, s1);                                           \
    s1 = _mm512_xor_si512(s1, s2);                                           \
    s0 = _mm512_xor_si512(s0, s3);                                           \
    s2 = _mm512_xor_si512(s2, u_);                                           \
    s3 = _mm512_rol_epi64(s3, 45);                                           \
  } while (0)
#define KW_PAIR(off) _mm_loadu_si128((const __m128i *)(kwb + (off)))
#define ZIG512(bits, kpos)                                                   \
  do {                                                                       \
    /* The (k, w) pairs of the 8 lanes' layers: 16-byte loads, then    \
     * k and w apart (two permutes): cheaper than two gathers. */       \
    uint64_t ix_[8];                                                         \
    _mm512_storeu_si512(ix_, _mm512_slli_epi64(_mm512_and_si512(bits, mlay), \
                                               4));                          \
    __m512i p0_ = _mm512_castsi128_si512(KW_PAIR(ix_[0]));                   \
    p0_ = _mm512_inserti32x4(p0_, KW_PAIR(ix_[1]), 1);                       \
    p0_ = _mm512_inserti32x4(p0_, KW_PAIR(ix_[2]), 2);                       \
    p0_ = _mm512_inserti32x4(p0_, KW_PAIR(ix_[3]), 3);                       \
    __m512i p1_ = _mm512_castsi128_si512(KW_PAIR(ix_[4]));                   \
    p1_ = _mm512_inserti32x4(p1_, KW_PAIR(ix_[5]), 1);                       \
    p1_ = _mm512_inserti32x4(p1_, KW_PAIR(ix_[6]), 2);                       \
    p1_ = _mm512_inserti32x4(p1_, KW_PAIR(ix_[7]), 3);                       \
    __m512i kk_ = _mm512_permutex2var_epi64(p0_, evens, p1_);                \
    __m512d ww_ = _mm512_castsi512_pd(                                       \
        _mm512_permutex2var_epi64(p0_, odds, p1_));                          \
    __m512i j_ = _mm512_srli_epi64(bits, 12);                                \
    __m512d x_ = _mm512_mul_pd(                                              \
        _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(j_, expo)), two52), \
        ww_);                                                                \
    __m512i sg_ = _mm512_slli_epi64(_mm512_and_si512(bits, msign), 53);      \
    x_ = _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(x_), sg_)); \
    _mm512_storeu_pd((double *)&out[kpos], x_);                            \
    /* Rejected lanes (about 3 % of vectors have one) go to a queue,     \
     * finished afterwards in the same order as lane by lane. */         \
    __mmask8 rej_ = _mm512_cmpge_epu64_mask(j_, kk_);                        \
    if (rej_ != 0) {                                                         \
      __m512i pos_ = _mm512_add_epi64(                                       \
          lane, _mm512_set1_epi64((long long)(8 * (kpos))));               \
      _mm512_storeu_si512(qb + nq, _mm512_maskz_compress_epi64(rej_, bits)); \
      _mm512_storeu_si512(qp + nq, _mm512_maskz_compress_epi64(rej_, pos_)); \
      nq += (size_t)__builtin_popcount(rej_);                                \
    }                                                                        \
  } while (0)
  size_t k = 0;
  for (; k + 2 <= count; k += 2) {
    __m512i ba, bb;
    XOSHIRO512(a0, a1, a2, a3, ba);
    XOSHIRO512(b0, b1, b2, b3, bb);
    ZIG512(ba, k);
    ZIG512(bb, k + 1);
  }
  if (k < count) {
    __m512i ba;
    XOSHIRO512(a0, a1, a2, a3, ba);
    ZIG512(ba, k);
  }
#undef XOSHIRO512
#undef ZIG512
#undef KW_PAIR
  double *flat = (double *)out;
  for (size_t q = 0; q < nq; q++)
    flat[qp[q]] = tly__rng_normal_slow(side, z, qb[q]);
  _mm512_storeu_si512(&l[0].s0, a0);
  _mm512_storeu_si512(&l[0].s1, a1);
  _mm512_storeu_si512(&l[0].s2, a2);
  _mm512_storeu_si512(&l[0].s3, a3);
  _mm512_storeu_si512(&l[1].s0, b0);
  _mm512_storeu_si512(&l[1].s1, b1);
  _mm512_storeu_si512(&l[1].s2, b2);
  _mm512_storeu_si512(&l[1].s3, b3);
}
#endif

typedef struct mc_shared {
  const prep *p;
  tly__zig zig;
  uint64_t seed, sims, n_blocks;
  atomic_uint_fast64_t next_block;
  atomic_uint_fast64_t done;
  tly_progress progress;
  void *progress_ud;
  bool draws;
  bool avx512;
  size_t n_shared;  /* normal vectors per chunk before the units' */
  size_t per_chunk; /* normal vectors per chunk of 8 simulations */
  double *evc;      /* per unit: 2048 ev + 1 (electors and a count) */
  double *evdbl;    /* per unit: electors as a double */
  double *code;     /* per unit: 4096 ev + index (both below 4096) */
  int32_t *evc32;   /* per unit: 2048 ev + 1, as an int */
  int32_t *code32;  /* per unit: 4096 ev + index, as an int */
  double turn_sum;
} mc_shared;

/* What a chunk of 8 simulations leaves for its tipping points and
 * tallies. */
typedef struct chunk_state {
  f64x8 evd, pv, excess;            /* the Democrat's electors, popular
                                       margin, winner's surplus */
  i64x8 keep, dwin, rwin, small, want; /* lane masks */
  uint64_t first;                   /* the simulation of lane 0 */
} chunk_state;

typedef struct mc_worker {
  char gap_[128]; /* keeps two workers' counters off one cache line */
  mc_shared *sh;
  int id;
  uint64_t *hist, *tip;
  int64_t *win;     /* per unit x lane, counted down by -1 masks */
  uint64_t kept, pv_loses;
  f64x8 *mv;        /* two chunks x units: the simulations' margins */
  f64x8 *kv;        /* two chunks x units: tipping keys */
  float *kf;        /* units x 16 lanes (both chunks): the keys in float */
  chunk_state cs[2];
  f64x8 *ev;        /* the chunk's normals */
  uint64_t *qb, *qp; /* the slow path's queue: bits and positions */
  f64x8 *fr;        /* per group: the shared error */
  f64x8 *y;         /* correlated draws */
  f64x8 *eu;        /* per unit: its state's correlated draw */
  double *tk;       /* tie fallback scratch: keys */
  int32_t *ti;      /* tie fallback scratch: units */
  char *buf;        /* draws of the current block */
  size_t buf_len, buf_cap;
  bool buf_fail;
  uint64_t block;   /* for draws: the block to run this round */
  bool live;        /* for draws: a thread runs it this round */
  char gap2_[128];
} mc_worker;

/* The tipping point of lane q, one unit at a time: ordered by the
 * winner's margin, the unit whose electors carry the winner to the
 * majority; ties in margin count the higher index as weaker. Used when
 * the vector search cannot settle it (equal margins, or a surplus of at
 * least the majority, possible only in small Colleges). */
static int32_t tipping_scalar(mc_worker *w, int set, int q, bool dwin,
                              int64_t win_ev)
{
  const prep *p = w->sh->p;
  size_t k = 0;
  for (size_t i = 0; i < p->n; i++) {
    double m = w->mv[(size_t)set * p->n + i][q];
    if (dwin ? m > 0.0 : !(m > 0.0)) {
      w->tk[k] = dwin ? m : -m;
      w->ti[k] = (int32_t)i;
      k++;
    }
  }
  /* Strongest first: larger margin, then lower index. */
  int64_t cum = 0;
  while (k > 0) {
    size_t b = 0;
    for (size_t j = 1; j < k; j++)
      if (w->tk[j] > w->tk[b] || (w->tk[j] == w->tk[b] && w->ti[j] < w->ti[b]))
        b = j;
    cum += p->ev[w->ti[b]];
    if (cum >= p->maj)
      return w->ti[b];
    k--;
    w->tk[b] = w->tk[k];
    w->ti[b] = w->ti[k];
  }
  (void)win_ev;
  return -1;
}

/* Appends one simulation's draws line to the worker's buffer. */
static void draws_line(mc_worker *w, const prep *p, int set, int q,
                       uint64_t sim, int64_t evd, double pv)
{
  size_t need = 64 + p->n * 12;
  if (w->buf_len + need > w->buf_cap) {
    w->buf_fail = true;
    return;
  }
  char *s = w->buf + w->buf_len;
  double ts = w->sh->turn_sum;
  int k = p->has_pv
              ? snprintf(s, need, "%llu,%lld,%.6f", (unsigned long long)sim,
                         (long long)evd, ts > 0.0 ? 0.5 + pv / ts : 0.5)
              : snprintf(s, need, "%llu,%lld,", (unsigned long long)sim,
                         (long long)evd);
  size_t len = (size_t)k;
  for (size_t i = 0; i < p->n; i++)
    len += (size_t)snprintf(s + len, need - len, ",%.6f",
                            0.5 + w->mv[(size_t)set * p->n + i][q]);
  s[len++] = '\n';
  w->buf_len += len;
}

/* floor(x / 2048) for 0 <= x < 2^50 whose remainder is below 1024, by
 * rounding x / 2048 - 1/4 to the nearest integer with the 2^52 trick. */
#define FLOOR2048(x)                                                         \
  (((x) * (1.0 / 2048.0) - 0.25 + 0x1.0p52) - 0x1.0p52)

/* mid = the next cut of the tipping search in [lo, hi): where the
 * electors below would reach th were they spread evenly over the interval
 * (al, ah: the counts below lo and hi), kept in the middle half of the
 * interval so that each pass at least quarters it. */
#define NEXT_CUT(mid, lo, hi, al, ah, th)                                    \
  do {                                                                       \
    f64x8 d_ = (ah) - (al);                                                  \
    d_ = VSEL((i64x8)(d_ < 1.0), VBROADCAST(1.0), d_);                       \
    f64x8 f_ = ((th) - (al)) / d_;                                           \
    f_ = VSEL((i64x8)(f_ < 0.25), VBROADCAST(0.25), f_);                     \
    f_ = VSEL((i64x8)(f_ > 0.75), VBROADCAST(0.75), f_);                     \
    (mid) = (lo) + ((hi) - (lo)) * f_;                                       \
  } while (0)

/* floor(x / 4096) for 0 <= x < 2^50 whose remainder is below 3072. */
#define FLOOR4096(x)                                                         \
  (((x) * (1.0 / 4096.0) - 0.25 + 0x1.0p52) - 0x1.0p52)

/* res = the tipping units (as doubles; -2 where the search left the lane
 * to tipping_scalar, or the lane wants none) from the counts below lo and
 * hi (al, ah: 2048 electors + units), the winner's surplus, and the codes
 * (4096 ev + index) of the weakest (wc) and strongest (sc) of the at most
 * 3 units in [lo, hi) and their sum: taken from the weakest, the first
 * whose electors carry those below lo past the surplus. */
#define TIPPING_PICK(res, want, al, ah, excess, wc, sc, sum)                 \
  do {                                                                       \
    f64x8 d_ = (ah) - (al);                                                  \
    f64x8 cnt_ = d_ - FLOOR2048(d_) * 2048.0;                                \
    f64x8 eb_ = FLOOR2048(al) + FLOOR4096(wc); /* with the weakest */        \
    f64x8 mc_ = (sum) - (wc) - (sc);           /* the middle one of 3 */     \
    f64x8 c_ = VSEL((i64x8)(cnt_ == 2.0), (sum) - (wc),                      \
                    VSEL((i64x8)(eb_ + FLOOR4096(mc_) > (excess)), mc_,      \
                         (sc)));                                             \
    c_ = VSEL((i64x8)(eb_ > (excess)), (wc), c_);                            \
    c_ -= FLOOR4096(c_) * 4096.0;                                            \
    (res) = VSEL((want) & (i64x8)(cnt_ < 4.0), c_, VBROADCAST(-2.0));        \
  } while (0)

/* The kernel, twice: for AVX-512 (chosen at run time when the processor
 * has it) and for the baseline. */
#ifdef TLY_X86
#define K(name) name##_avx512
#define K_ATTR __attribute__((target("avx512f")))
/* x clipped to [-1/2, 1/2] (the same value as the portable VSELs). */
#define CLIP_HALF(x)                                                         \
  ((f64x8)_mm512_min_pd(_mm512_max_pd((__m512d)(x), _mm512_set1_pd(-0.5)),   \
                        _mm512_set1_pd(0.5)))
/* acc += e in the lanes where k < cut: one masked add. */
#define ADD_IF_LT(acc, k, cut, e)                                            \
  ((acc) = (f64x8)_mm512_mask_add_pd(                                        \
       (__m512d)(acc),                                                       \
       _mm512_cmp_pd_mask((__m512d)(k), (__m512d)(cut), _CMP_LT_OQ),         \
       (__m512d)(acc), (__m512d)(e)))
/* One unit of one chunk: its key (the margin of the lane's winner if it
 * won the unit, else +inf) into kout, the largest such key into kmx, and
 * its count into ah where it is finite; rlanes: the lanes the Republican
 * wins. */
#define KEY_STEP(m, rlanes, e, kout, kmx, ah)                                \
  do {                                                                       \
    __m512d m_ = (__m512d)(m);                                               \
    __mmask8 w_ =                                                            \
        (__mmask8)(_mm512_cmp_pd_mask(m_, _mm512_setzero_pd(), _CMP_GT_OQ) ^ \
                   _mm512_test_epi64_mask((__m512i)(rlanes),               \
                                          (__m512i)(rlanes)));             \
    __m512d a_ = _mm512_castsi512_pd(_mm512_andnot_si512(                    \
        _mm512_set1_epi64((long long)0x8000000000000000u),                   \
        _mm512_castpd_si512(m_)));                                           \
    (kout) = (f64x8)_mm512_mask_blend_pd(w_, _mm512_set1_pd(INFINITY), a_);  \
    (kmx) = (f64x8)_mm512_mask_max_pd((__m512d)(kmx), w_, (__m512d)(kmx),    \
                                      a_);                                   \
    (ah) = (f64x8)_mm512_mask_add_pd((__m512d)(ah), w_, (__m512d)(ah),       \
                                     (__m512d)(e));                          \
  } while (0)
/* One unit of one chunk in the last pass of the tipping search: if
 * lo <= k < hi, it may become the weakest (wk, wc) or the strongest
 * (sk, sc), and its code c is added to sum. */
#define FINISH_STEP(k, c, lo, hi, wk, wc, sk, sc, sum)                       \
  do {                                                                       \
    __m512d k_ = (__m512d)(k);                                               \
    __mmask8 in_ = _mm512_mask_cmp_pd_mask(                                  \
        _mm512_cmp_pd_mask(k_, (__m512d)(lo), _CMP_GE_OQ), k_,               \
        (__m512d)(hi), _CMP_LT_OQ);                                          \
    __mmask8 wm_ = _mm512_mask_cmp_pd_mask(in_, k_, (__m512d)(wk),           \
                                           _CMP_LE_OQ);                      \
    __mmask8 sm_ = _mm512_mask_cmp_pd_mask(in_, k_, (__m512d)(sk),           \
                                           _CMP_GT_OQ);                      \
    (wk) = (f64x8)_mm512_mask_mov_pd((__m512d)(wk), wm_, k_);                \
    (wc) = (f64x8)_mm512_mask_mov_pd((__m512d)(wc), wm_, (__m512d)(c));      \
    (sk) = (f64x8)_mm512_mask_mov_pd((__m512d)(sk), sm_, k_);                \
    (sc) = (f64x8)_mm512_mask_mov_pd((__m512d)(sc), sm_, (__m512d)(c));      \
    (sum) = (f64x8)_mm512_mask_add_pd((__m512d)(sum), in_, (__m512d)(sum),   \
                                      (__m512d)(c));                         \
  } while (0)
#include "forecast_kernel.h"
#undef K
#undef K_ATTR
#undef ADD_IF_LT
#undef CLIP_HALF
#undef KEY_STEP
#undef FINISH_STEP
#endif
#define K(name) name##_base
#define K_ATTR
#define CLIP_HALF(x)                                                         \
  VSEL((i64x8)((x) > 0.5), VBROADCAST(0.5),                                  \
       VSEL((i64x8)((x) < -0.5), VBROADCAST(-0.5), (x)))
#define ADD_IF_LT(acc, k, cut, e)                                            \
  ((acc) += (f64x8)((i64x8)(e) & (i64x8)((k) < (cut))))
#define KEY_STEP(m, rlanes, e, kout, kmx, ah)                                \
  do {                                                                       \
    f64x8 m_ = (m);                                                          \
    i64x8 w_ = (i64x8)(m_ > 0.0) ^ (rlanes);                                 \
    f64x8 a_ = (f64x8)((i64x8)m_ & INT64_MAX);                               \
    (kout) = VSEL(w_, a_, VBROADCAST(INFINITY));                             \
    (kmx) = VSEL(w_ & (i64x8)(a_ > (kmx)), a_, (kmx));                       \
    (ah) += (f64x8)((i64x8)(e) & w_);                                        \
  } while (0)
#define FINISH_STEP(k, c, lo, hi, wk, wc, sk, sc, sum)                       \
  do {                                                                       \
    f64x8 k_ = (k);                                                          \
    i64x8 in_ = (i64x8)(k_ >= (lo)) & (i64x8)(k_ < (hi));                    \
    i64x8 wm_ = in_ & (i64x8)(k_ <= (wk)), sm_ = in_ & (i64x8)(k_ > (sk));   \
    (wk) = VSEL(wm_, k_, (wk));                                              \
    (wc) = VSEL(wm_, (c), (wc));                                             \
    (sk) = VSEL(sm_, k_, (sk));                                              \
    (sc) = VSEL(sm_, (c), (sc));                                             \
    (sum) += (f64x8)((i64x8)(c) & in_);                                      \
  } while (0)
#include "forecast_kernel.h"
#undef K
#undef K_ATTR
#undef ADD_IF_LT
#undef CLIP_HALF
#undef KEY_STEP
#undef FINISH_STEP

#ifdef TLY_X86
/* The tipping search of K(tipping16) for AVX-512 with both chunks in one
 * vector: the keys rounded to float (16 lanes) and the counts as int32
 * (2048 ev + 1 per unit: below 2^31 for any College of at most 10^6
 * electors). Rounding is monotone, so the units whose float keys lie in
 * [lo, hi) are a run of the exact order, and all those below lo are
 * weaker than all of them: the counts stay exact, and the last pass
 * orders the (at most 3) units left by their double keys. Keys the
 * float cannot tell apart (more than 3 in one float) leave the lane to
 * tipping_scalar, as equal keys do. */
__attribute__((target("avx512f"))) static void tipping16f_avx512(mc_worker *w,
                                                                int32_t *out)
{
  const mc_shared *sh = w->sh;
  size_t n = sh->p->n;
  const chunk_state *A = &w->cs[0], *B = &w->cs[1];
  float *kf = w->kf;
  /* Locals: the stores through kf (may_alias) would reload the fields. */
  const f64x8 *mv = w->mv;
  const int32_t *evc32 = sh->evc32;
  const __m512d zero = _mm512_setzero_pd();
  const __m512d big = _mm512_set1_pd(1e30);
  const __m512 finf = _mm512_set1_ps(INFINITY);
  const __m512i absm = _mm512_set1_epi64(INT64_MAX);
  __m512i dwa = (__m512i)A->dwin, dwb = (__m512i)B->dwin;
  __m512i wva = (__m512i)A->want, wvb = (__m512i)B->want;
  /* Lanes the Republican wins (or none). */
  __mmask8 ra = (__mmask8)~_mm512_test_epi64_mask(dwa, dwa);
  __mmask8 rb = (__mmask8)~_mm512_test_epi64_mask(dwb, dwb);
  __mmask16 want =
      (__mmask16)((unsigned)_mm512_test_epi64_mask(wva, wva) |
                  ((unsigned)_mm512_test_epi64_mask(wvb, wvb) << 8));
  /* Keys (the winner's margin in float, +inf where the winner lost), the
   * largest and the counts of the units the winner won. */
  __m512 km0 = _mm512_setzero_ps(), km1 = km0;
  __m512i ah0 = _mm512_setzero_si512(), ah1 = ah0;
  /* The counts below two fixed cuts, 3 and 8 points, around where most
   * tipping margins lie: a first three-way split of the search for a
   * compare and an add more a unit (passes for 16 lanes, 2024 input,
   * national sd 0.03: 6.1 -> 4.2 on average). */
  const __m512 cut1 = _mm512_set1_ps(0.03f), cut2 = _mm512_set1_ps(0.08f);
  __m512i b10 = ah0, b11 = ah0, b20 = ah0, b21 = ah0;
#define KEY16(ii, KM, AH, B1, B2)                                            \
  do {                                                                       \
    __m512d ma_ = (__m512d)mv[ii], mb_ = (__m512d)mv[n + (ii)];              \
    __mmask8 wa_ =                                                           \
        (__mmask8)(_mm512_cmp_pd_mask(ma_, zero, _CMP_GT_OQ) ^ ra);          \
    __mmask8 wb_ =                                                           \
        (__mmask8)(_mm512_cmp_pd_mask(mb_, zero, _CMP_GT_OQ) ^ rb);          \
    __m512d aa_ = _mm512_castsi512_pd(                                       \
        _mm512_and_si512(_mm512_castpd_si512(ma_), absm));                   \
    __m512d ab_ = _mm512_castsi512_pd(                                       \
        _mm512_and_si512(_mm512_castpd_si512(mb_), absm));                   \
    __m256 fa_ = _mm512_cvtpd_ps(_mm512_min_pd(aa_, big));                   \
    __m256 fb_ = _mm512_cvtpd_ps(_mm512_min_pd(ab_, big));                   \
    __m512 f_ = _mm512_castpd_ps(_mm512_insertf64x4(                         \
        _mm512_castpd256_pd512(_mm256_castps_pd(fa_)),                       \
        _mm256_castps_pd(fb_), 1));                                          \
    __mmask16 won_ = (__mmask16)((unsigned)wa_ | ((unsigned)wb_ << 8));      \
    f_ = _mm512_mask_blend_ps(won_, finf, f_);                               \
    _mm512_storeu_ps(kf + 16 * (ii), f_);                                    \
    KM = _mm512_mask_max_ps(KM, won_, KM, f_);                               \
    __m512i e_ = _mm512_set1_epi32(evc32[ii]);                               \
    AH = _mm512_mask_add_epi32(AH, won_, AH, e_);                            \
    B1 = _mm512_mask_add_epi32(B1, _mm512_cmp_ps_mask(f_, cut1, _CMP_LT_OQ), \
                               B1, e_);                                      \
    B2 = _mm512_mask_add_epi32(B2, _mm512_cmp_ps_mask(f_, cut2, _CMP_LT_OQ), \
                               B2, e_);                                      \
  } while (0)
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    KEY16(i, km0, ah0, b10, b20);
    KEY16(i + 1, km1, ah1, b11, b21);
  }
  if (i < n)
    KEY16(i, km0, ah0, b10, b20);
#undef KEY16
  __m512 km = _mm512_max_ps(km0, km1);
  __m512i ah = _mm512_add_epi32(ah0, ah1);
  /* Electors below a cut exceed the surplus iff count >= th. */
  __m256i ta = _mm512_cvtpd_epi32(
      _mm512_mul_pd(_mm512_add_pd((__m512d)A->excess, _mm512_set1_pd(1.0)),
                    _mm512_set1_pd(2048.0)));
  __m256i tb = _mm512_cvtpd_epi32(
      _mm512_mul_pd(_mm512_add_pd((__m512d)B->excess, _mm512_set1_pd(1.0)),
                    _mm512_set1_pd(2048.0)));
  __m512i th = _mm512_inserti64x4(_mm512_castsi256_si512(ta), tb, 1);
  __m512 lo = _mm512_setzero_ps();
  __m512 hi = _mm512_castsi512_ps(
      _mm512_add_epi32(_mm512_castps_si512(km), _mm512_set1_epi32(1)));
  __m512i al = _mm512_setzero_si512();
  const __m512i one = _mm512_set1_epi32(1), three = _mm512_set1_epi32(3);
  const __m512i m2047 = _mm512_set1_epi32(2047);
  /* The fixed cuts, where they lie inside [lo, hi). */
#define FIXED16(CUT, B)                                                      \
  do {                                                                       \
    __mmask16 op_ = _mm512_mask_cmp_ps_mask(                                 \
        _mm512_cmp_ps_mask(CUT, lo, _CMP_GT_OQ), CUT, hi, _CMP_LT_OQ);       \
    __mmask16 up_ = _mm512_mask_cmpge_epi32_mask(op_, B, th);                \
    __mmask16 down_ = (__mmask16)(op_ & ~up_);                               \
    hi = _mm512_mask_mov_ps(hi, up_, CUT);                                   \
    ah = _mm512_mask_mov_epi32(ah, up_, B);                                  \
    lo = _mm512_mask_mov_ps(lo, down_, CUT);                                 \
    al = _mm512_mask_mov_epi32(al, down_, B);                                \
  } while (0)
  FIXED16(cut1, _mm512_add_epi32(b10, b11));
  FIXED16(cut2, _mm512_add_epi32(b20, b21));
#undef FIXED16
  /* The cut where the counts would reach th, spread evenly over [lo, hi),
   * kept in its middle half. */
#define CUT16(MID)                                                           \
  do {                                                                       \
    __m512 d_ = _mm512_cvtepi32_ps(                                          \
        _mm512_max_epi32(_mm512_sub_epi32(ah, al), one));                    \
    __m512 f_ = _mm512_div_ps(                                               \
        _mm512_cvtepi32_ps(_mm512_sub_epi32(th, al)), d_);                   \
    f_ = _mm512_min_ps(_mm512_max_ps(f_, _mm512_set1_ps(0.25f)),             \
                       _mm512_set1_ps(0.75f));                               \
    MID = _mm512_add_ps(lo, _mm512_mul_ps(_mm512_sub_ps(hi, lo), f_));       \
  } while (0)
  __m512 mid;
  CUT16(mid);
  for (int it = 0; it < 80; it++) {
    __m512i cnt = _mm512_and_si512(_mm512_sub_epi32(ah, al), m2047);
    __mmask16 op = _mm512_mask_cmpgt_epi32_mask(want, cnt, three);
    op = _mm512_mask_cmp_ps_mask(op, mid, lo, _CMP_GT_OQ);
    op = _mm512_mask_cmp_ps_mask(op, mid, hi, _CMP_LT_OQ);
    if (op == 0)
      break;
    __m512i c0 = _mm512_setzero_si512(), c1 = c0, c2 = c0, c3 = c0;
#define CNT16(C, ii)                                                         \
  C = _mm512_mask_add_epi32(                                                 \
      C, _mm512_cmp_ps_mask(_mm512_loadu_ps(kf + 16 * (ii)), mid,            \
                            _CMP_LT_OQ),                                     \
      C, _mm512_set1_epi32(evc32[ii]))
    for (i = 0; i + 4 <= n; i += 4) {
      CNT16(c0, i);
      CNT16(c1, i + 1);
      CNT16(c2, i + 2);
      CNT16(c3, i + 3);
    }
    for (; i < n; i++)
      CNT16(c0, i);
#undef CNT16
    __m512i acc = _mm512_add_epi32(_mm512_add_epi32(c0, c1),
                                   _mm512_add_epi32(c2, c3));
    __mmask16 up = _mm512_mask_cmpge_epi32_mask(op, acc, th);
    __mmask16 down = (__mmask16)(op & ~up);
    hi = _mm512_mask_mov_ps(hi, up, mid);
    ah = _mm512_mask_mov_epi32(ah, up, acc);
    lo = _mm512_mask_mov_ps(lo, down, mid);
    al = _mm512_mask_mov_epi32(al, down, acc);
    CUT16(mid);
  }
#undef CUT16
  /* The weakest and strongest of the units with lo <= key < hi (the
   * first of equal keys, which then leave the lane to tipping_scalar),
   * and the sum of the codes (4096 ev + index) of all of them; even and
   * odd units apart (two chains of compare and move, half as long). */
  __m512 wk0 = finf, sk0 = _mm512_set1_ps(-INFINITY), wk1 = wk0, sk1 = sk0;
  __m512i wc0 = _mm512_setzero_si512(), sc0 = wc0, sum0 = wc0;
  __m512i wc1 = wc0, sc1 = wc0, sum1 = wc0;
  __mmask16 tie0 = 0, tie1 = 0;
#define FIN16(ii, WK, WC, SK, SC, SUM, TIE)                                  \
  do {                                                                       \
    __m512 f_ = _mm512_loadu_ps(kf + 16 * (ii));                             \
    __mmask16 in_ = _mm512_mask_cmp_ps_mask(                                 \
        _mm512_cmp_ps_mask(f_, lo, _CMP_GE_OQ), f_, hi, _CMP_LT_OQ);         \
    __m512i c_ = _mm512_set1_epi32(code32[ii]);                              \
    TIE |= (__mmask16)(_mm512_mask_cmp_ps_mask(in_, f_, WK, _CMP_EQ_OQ) |    \
                       _mm512_mask_cmp_ps_mask(in_, f_, SK, _CMP_EQ_OQ));    \
    __mmask16 wm_ = _mm512_mask_cmp_ps_mask(in_, f_, WK, _CMP_LT_OQ);        \
    __mmask16 sm_ = _mm512_mask_cmp_ps_mask(in_, f_, SK, _CMP_GT_OQ);        \
    WK = _mm512_mask_mov_ps(WK, wm_, f_);                                    \
    WC = _mm512_mask_mov_epi32(WC, wm_, c_);                                 \
    SK = _mm512_mask_mov_ps(SK, sm_, f_);                                    \
    SC = _mm512_mask_mov_epi32(SC, sm_, c_);                                 \
    SUM = _mm512_mask_add_epi32(SUM, in_, SUM, c_);                          \
  } while (0)
  const int32_t *code32 = sh->code32;
  for (i = 0; i + 2 <= n; i += 2) {
    FIN16(i, wk0, wc0, sk0, sc0, sum0, tie0);
    FIN16(i + 1, wk1, wc1, sk1, sc1, sum1, tie1);
  }
  if (i < n)
    FIN16(i, wk0, wc0, sk0, sc0, sum0, tie0);
#undef FIN16
  /* Merged: with at most 3 units in all, a unit of one half meets one of
   * the other only where both halves hold at most 2, each then its
   * weakest or strongest, so equal keys across the halves are among
   * these four comparisons. */
  __mmask16 tie = (__mmask16)(
      tie0 | tie1 | _mm512_cmp_ps_mask(wk0, wk1, _CMP_EQ_OQ) |
      _mm512_cmp_ps_mask(wk0, sk1, _CMP_EQ_OQ) |
      _mm512_cmp_ps_mask(sk0, wk1, _CMP_EQ_OQ) |
      _mm512_cmp_ps_mask(sk0, sk1, _CMP_EQ_OQ));
  __mmask16 w1 = _mm512_cmp_ps_mask(wk1, wk0, _CMP_LT_OQ);
  __mmask16 s1 = _mm512_cmp_ps_mask(sk1, sk0, _CMP_GT_OQ);
  __m512i wc = _mm512_mask_mov_epi32(wc0, w1, wc1);
  __m512i sc = _mm512_mask_mov_epi32(sc0, s1, sc1);
  __m512i sum = _mm512_add_epi32(sum0, sum1);
  /* From the weakest up, the first whose electors carry those below lo
   * (al / 2048) past the surplus (th / 2048 - 1). */
  __m512i cnt = _mm512_and_si512(_mm512_sub_epi32(ah, al), m2047);
  __m512i x = _mm512_sub_epi32(_mm512_srai_epi32(th, 11), one);
  __m512i c1 = _mm512_add_epi32(_mm512_srai_epi32(al, 11),
                                _mm512_srai_epi32(wc, 12));
  __m512i mc = _mm512_sub_epi32(_mm512_sub_epi32(sum, wc), sc);
  __m512i c2 = _mm512_add_epi32(c1, _mm512_srai_epi32(mc, 12));
  __m512i r = _mm512_mask_mov_epi32(sc, _mm512_cmpgt_epi32_mask(c2, x), mc);
  r = _mm512_mask_mov_epi32(
      r, _mm512_cmpeq_epi32_mask(cnt, _mm512_set1_epi32(2)),
      _mm512_sub_epi32(sum, wc));
  r = _mm512_mask_mov_epi32(r, _mm512_cmpgt_epi32_mask(c1, x), wc);
  r = _mm512_and_si512(r, _mm512_set1_epi32(4095));
  __mmask16 ok =
      (__mmask16)(_mm512_mask_cmple_epi32_mask(want, cnt, three) & ~tie);
  _mm512_storeu_si512(out, _mm512_mask_mov_epi32(_mm512_set1_epi32(-2), ok,
                                                 r));
}
#endif

/* Runs the simulations of one block from its own streams: lane sets from
 * (seed, 17 block + 0..15), the side stream from (seed, 17 block + 16). */
static void run_block(mc_worker *w, uint64_t block)
{
  mc_shared *sh = w->sh;
  lanes l[2];
  for (int h = 0; h < 2; h++) {
    for (int q = 0; q < 8; q++) {
      tly__rng r;
      tly__rng_seed(&r, sh->seed, 17 * block + (uint64_t)(8 * h + q));
      l[h].s0[q] = r.s[0];
      l[h].s1[q] = r.s[1];
      l[h].s2[q] = r.s[2];
      l[h].s3[q] = r.s[3];
    }
  }
  tly__rng side;
  tly__rng_seed(&side, sh->seed, 17 * block + 16);
  uint64_t first = block * BLOCK;
  uint64_t end = first + BLOCK < sh->sims ? first + BLOCK : sh->sims;
  /* Chunks of 8 go in pairs, so the two tipping searches interleave; the
   * draws come in the same order as one chunk at a time. */
  for (uint64_t c0 = first; c0 < end; c0 += 16) {
    int32_t tip[16];
    for (int set = 0; set < 2; set++) {
      uint64_t c = c0 + 8 * (uint64_t)set;
      i64x8 valid;
      for (int q = 0; q < 8; q++)
        valid[q] = c + (uint64_t)q < end ? -1 : 0;
#ifdef TLY_X86
      if (sh->avx512) {
        fill_gather512(l, &side, &sh->zig, w->ev, sh->per_chunk, w->qb, w->qp);
        run_chunk_avx512(w, &side, &valid, c, set);
        continue;
      }
#endif
      fill_normals_base(l, &side, &sh->zig, w->ev, sh->per_chunk);
      run_chunk_base(w, &side, &valid, c, set);
    }
#ifdef TLY_X86
    if (sh->avx512) {
      tipping16f_avx512(w, tip);
      tally_chunk_avx512(w, 0, tip);
      tally_chunk_avx512(w, 1, tip + 8);
      continue;
    }
#endif
    tipping16_base(w, tip);
    tally_chunk_base(w, 0, tip);
    tally_chunk_base(w, 1, tip + 8);
  }
}

static void *worker_main(void *arg)
{
  mc_worker *w = arg;
  mc_shared *sh = w->sh;
  for (;;) {
    uint64_t b = atomic_fetch_add(&sh->next_block, 1);
    if (b >= sh->n_blocks)
      break;
    run_block(w, b);
    uint64_t first = b * BLOCK;
    uint64_t cnt = first + BLOCK < sh->sims ? BLOCK : sh->sims - first;
    uint64_t done = atomic_fetch_add(&sh->done, cnt) + cnt;
    if (w->id == 0 && sh->progress != NULL)
      sh->progress(sh->progress_ud, done, sh->sims);
  }
  return NULL;
}

static void *worker_one(void *arg)
{
  mc_worker *w = arg;
  run_block(w, w->block);
  return NULL;
}

static void worker_free(const tly_allocator *al, mc_worker *w,
                        const mc_shared *sh)
{
  const prep *p = sh->p;
  size_t n = p->n;
  tly__free(al, w->hist, ((size_t)p->total + 1) * sizeof(uint64_t));
  tly__free(al, w->tip, n * sizeof(uint64_t));
  tly__free(al, w->win, 8 * n * sizeof(int64_t));
  tly__free(al, w->mv, 2 * n * sizeof(f64x8));
  tly__free(al, w->kv, 2 * n * sizeof(f64x8));
  tly__free(al, w->kf, 16 * n * sizeof(float));
  tly__free(al, w->ev, sh->per_chunk * sizeof(f64x8));
  tly__free(al, w->qb, (8 * sh->per_chunk + 8) * sizeof(uint64_t));
  tly__free(al, w->qp, (8 * sh->per_chunk + 8) * sizeof(uint64_t));
  tly__free(al, w->fr, (p->n_groups + 1) * sizeof(f64x8));
  tly__free(al, w->y, (p->corr_k + 1) * sizeof(f64x8));
  tly__free(al, w->eu, n * sizeof(f64x8));
  tly__free(al, w->tk, n * sizeof(double));
  tly__free(al, w->ti, n * sizeof(int32_t));
  tly__free(al, w->buf, w->buf_cap);
}

static bool worker_make(const tly_allocator *al, mc_worker *w,
                        const mc_shared *sh)
{
  const prep *p = sh->p;
  size_t n = p->n;
  memset(w, 0, sizeof *w);
  w->hist = tly__calloc(al, (size_t)p->total + 1, sizeof(uint64_t));
  w->tip = tly__calloc(al, n, sizeof(uint64_t));
  w->win = tly__calloc(al, 8 * n, sizeof(int64_t));
  w->mv = tly__calloc(al, 2 * n, sizeof(f64x8));
  w->kv = tly__calloc(al, 2 * n, sizeof(f64x8));
  w->kf = tly__calloc(al, 16 * n, sizeof(float));
  w->ev = tly__calloc(al, sh->per_chunk, sizeof(f64x8));
  w->qb = tly__calloc(al, 8 * sh->per_chunk + 8, sizeof(uint64_t));
  w->qp = tly__calloc(al, 8 * sh->per_chunk + 8, sizeof(uint64_t));
  w->fr = tly__calloc(al, p->n_groups + 1, sizeof(f64x8));
  w->y = tly__calloc(al, p->corr_k + 1, sizeof(f64x8));
  w->eu = tly__calloc(al, n, sizeof(f64x8));
  w->tk = tly__calloc(al, n, sizeof(double));
  w->ti = tly__calloc(al, n, sizeof(int32_t));
  if (sh->draws) {
    w->buf_cap = (size_t)BLOCK * (64 + n * 12);
    w->buf = tly__malloc(al, w->buf_cap);
  }
  return w->hist && w->tip && w->win && w->mv && w->kv && w->kf && w->ev &&
         w->qb &&
         w->qp && w->fr &&
         w->y && w->eu && w->tk && w->ti && (!sh->draws || w->buf);
}

static void shared_free(const tly_allocator *al, mc_shared *sh)
{
  if (sh == NULL)
    return;
  tly__free(al, sh->evc, sh->p->n * sizeof(double));
  tly__free(al, sh->evdbl, sh->p->n * sizeof(double));
  tly__free(al, sh->code, sh->p->n * sizeof(double));
  tly__free(al, sh->evc32, sh->p->n * sizeof(int32_t));
  tly__free(al, sh->code32, sh->p->n * sizeof(int32_t));
  tly__free(al, sh, sizeof *sh);
}

/* The shared state: the normals' layout and constant tables. */
static mc_shared *shared_make(const tly_allocator *al, const prep *p,
                              const tly_forecast_opts *o, bool baseline)
{
  mc_shared *sh = tly__calloc(al, 1, sizeof *sh);
  if (sh == NULL)
    return NULL;
  sh->p = p;
  sh->evc = tly__calloc(al, p->n, sizeof(double));
  sh->evdbl = tly__calloc(al, p->n, sizeof(double));
  sh->code = tly__calloc(al, p->n, sizeof(double));
  sh->evc32 = tly__calloc(al, p->n, sizeof(int32_t));
  sh->code32 = tly__calloc(al, p->n, sizeof(int32_t));
  if (sh->evc == NULL || sh->evdbl == NULL || sh->code == NULL ||
      sh->evc32 == NULL || sh->code32 == NULL) {
    tly__free(al, sh->evc, p->n * sizeof(double));
    tly__free(al, sh->evdbl, p->n * sizeof(double));
    tly__free(al, sh->code, p->n * sizeof(double));
    tly__free(al, sh->evc32, p->n * sizeof(int32_t));
    tly__free(al, sh->code32, p->n * sizeof(int32_t));
    tly__free(al, sh, sizeof *sh);
    return NULL;
  }
  for (size_t i = 0; i < p->n; i++) {
    sh->evc[i] = 2048.0 * (double)p->ev[i] + 1.0;
    sh->evdbl[i] = (double)p->ev[i];
    sh->code[i] = 4096.0 * (double)p->ev[i] + (double)i;
    sh->evc32[i] = 2048 * p->ev[i] + 1; /* ev <= 1000 */
    sh->code32[i] = 4096 * p->ev[i] + (int32_t)i; /* i < 1000 */
    sh->turn_sum += p->turn[i];
  }
  tly__zig_init(&sh->zig);
  sh->seed = o->seed;
  sh->sims = o->sims;
  sh->n_blocks = o->sims / BLOCK + (o->sims % BLOCK != 0);
  atomic_init(&sh->next_block, 0);
  atomic_init(&sh->done, 0);
  sh->progress = o->progress;
  sh->progress_ud = o->progress_ud;
  sh->draws = o->draws != NULL;
  sh->n_shared = (p->sn > 0.0 ? 1 : 0) + p->n_regions;
  sh->per_chunk = sh->n_shared + (p->corr_l != NULL ? p->corr_k : p->n);
  (void)baseline;
#ifdef TLY_X86
  __builtin_cpu_init();
  sh->avx512 = !baseline && __builtin_cpu_supports("avx512f");
#endif
  return sh;
}

/* Runs the simulations on `threads` threads into f's tallies. With a
 * draws writer, blocks run in rounds of one per thread and are written in
 * block order after each round, so the file is the same for any thread
 * count; otherwise threads take blocks as they finish them. */
static tly_status run_mc(const tly_forecast_model *m, const prep *p,
                         const tly_forecast_opts *o, tly_forecast *f,
                         bool tallies, bool baseline, tly_error *err)
{
  const tly_allocator *al = &m->al;
  size_t n = p->n;
  size_t t1 = (size_t)p->total + 1;
  int nt = o->threads;
  uint64_t n_blocks = o->sims / BLOCK + (o->sims % BLOCK != 0);
  if ((uint64_t)nt > n_blocks)
    nt = (int)(n_blocks > 0 ? n_blocks : 1);
  mc_shared *sh = shared_make(al, p, o, baseline);
  mc_worker *ws = tly__calloc(al, (size_t)nt, sizeof *ws);
  pthread_t *th = tly__calloc(al, (size_t)nt, sizeof *th);
  int made = 0;
  tly_status s = TLY_OK;
  if (sh == NULL || ws == NULL || th == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (; made < nt; made++) {
    if (!worker_make(al, &ws[made], sh)) {
      worker_free(al, &ws[made], sh);
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
    ws[made].sh = sh;
    ws[made].id = made;
  }
  if (sh->draws) {
    static const char head[] = "draw,ev_D,popular_D";
    int rc = o->draws(o->draws_ud, head, sizeof head - 1);
    for (size_t i = 0; i < n && rc == 0; i++) {
      char col[16];
      int k = snprintf(col, sizeof col, ",%s", m->u[i].code);
      rc = o->draws(o->draws_ud, col, (size_t)k);
    }
    if (rc == 0)
      rc = o->draws(o->draws_ud, "\n", 1);
    for (uint64_t b0 = 0; b0 < n_blocks && rc == 0; b0 += (uint64_t)nt) {
      int k = 0;
      for (; k < nt && b0 + (uint64_t)k < n_blocks; k++) {
        ws[k].block = b0 + (uint64_t)k;
        ws[k].buf_len = 0;
        ws[k].live = k > 0 &&
                     pthread_create(&th[k], NULL, worker_one, &ws[k]) == 0;
        if (k > 0 && !ws[k].live)
          worker_one(&ws[k]); /* no thread: run it here */
      }
      worker_one(&ws[0]);
      for (int j = 1; j < k; j++)
        if (ws[j].live)
          pthread_join(th[j], NULL);
      for (int j = 0; j < k && rc == 0; j++) {
        if (ws[j].buf_fail) {
          rc = -1;
          break;
        }
        rc = o->draws(o->draws_ud, ws[j].buf, ws[j].buf_len);
      }
      uint64_t done_sims = (b0 + (uint64_t)k) * BLOCK;
      if (o->progress != NULL)
        o->progress(o->progress_ud,
                    done_sims < o->sims ? done_sims : o->sims, o->sims);
    }
    if (rc != 0) {
      s = tly__fail(err, TLY_EIO, "cannot write the draws");
      goto done;
    }
  } else if (nt == 1) {
    worker_main(&ws[0]);
  } else {
    int started = 0;
    for (int k = 1; k < nt; k++) {
      if (pthread_create(&th[k], NULL, worker_main, &ws[k]) != 0)
        break;
      started++;
    }
    worker_main(&ws[0]); /* the calling thread works too */
    for (int k = 1; k <= started; k++)
      pthread_join(th[k], NULL);
  }
  /* Integer tallies: their sums do not depend on who ran which block. */
  uint64_t kept = 0, pvl = 0;
  for (int k = 0; k < nt; k++) {
    kept += ws[k].kept;
    pvl += ws[k].pv_loses;
  }
  f->sims = o->sims;
  f->kept = kept;
  for (size_t i = 0; i < n; i++) {
    uint64_t tip = 0, win = 0;
    for (int k = 0; k < nt; k++) {
      tip += ws[k].tip[i];
      for (int q = 0; q < 8; q++)
        win += (uint64_t)(-ws[k].win[8 * i + (size_t)q]);
    }
    f->unit_tip[i] = kept > 0 ? (double)tip / (double)kept : NAN;
    if (tallies)
      f->unit_p[i] = kept > 0 ? (double)win / (double)kept : NAN;
  }
  f->p_pv_loses = p->has_pv && kept > 0 ? (double)pvl / (double)kept : NAN;
  if (tallies) {
    for (size_t k = 0; k < t1; k++) {
      uint64_t c = 0;
      for (int j = 0; j < nt; j++)
        c += ws[j].hist[k];
      f->hist_n[k] = c;
      f->hist[k] = kept > 0 ? (double)c / (double)kept : 0.0;
    }
  }
done:
  for (int k = 0; k < made; k++)
    worker_free(al, &ws[k], sh);
  tly__free(al, th, (size_t)(nt > 0 ? nt : 1) * sizeof *th);
  tly__free(al, ws, (size_t)(nt > 0 ? nt : 1) * sizeof *ws);
  shared_free(al, sh);
  return s;
}

/*---- Running a forecast ------------------------------------------------*/

void tly_forecast_opts_init(tly_forecast_opts *o)
{
  memset(o, 0, sizeof *o);
  o->method = TLY_FORECAST_AUTO;
  o->sims = 1000000;
  o->seed = 1;
  o->threads = 1;
}

void tly_forecast_free(tly_forecast *f)
{
  if (f == NULL)
    return;
  tly_allocator al = f->al;
  size_t t1 = (size_t)f->electors + 1;
  tly__free(&al, f->hist, t1 * sizeof(double));
  tly__free(&al, f->hist_n, t1 * sizeof(uint64_t));
  tly__free(&al, f->unit_p, f->n * sizeof(double));
  tly__free(&al, f->unit_tip, f->n * sizeof(double));
  tly__free(&al, f->given, f->n * sizeof(int8_t));
  tly__free(&al, f, sizeof *f);
}

static tly_status check_opts(const tly_forecast_model *m,
                             const tly_forecast_opts *o, tly_error *err)
{
  if (!(o->national_sd >= 0.0 && o->national_sd <= 1.0))
    return tly__fail(err, TLY_EINVAL, "national sd %g is outside [0, 1]",
                     o->national_sd);
  if (!(o->region_sd >= 0.0 && o->region_sd <= 1.0))
    return tly__fail(err, TLY_EINVAL, "regional sd %g is outside [0, 1]",
                     o->region_sd);
  if (o->region_sd > 0.0 && m->n_regions == 0)
    return tly__fail(err, TLY_EINVAL,
                     "a regional sd needs regions (census4, census9 or a "
                     "file)");
  if (!(o->df == 0.0 || (o->df > 2.0 && o->df <= 1e6)))
    return tly__fail(err, TLY_EINVAL,
                     "degrees of freedom %g: use 0 (normal) or more than 2 "
                     "(so the sd exists)",
                     o->df);
  if (o->threads < 1 || o->threads > 256)
    return tly__fail(err, TLY_EINVAL, "threads %d outside 1..256",
                     o->threads);
  if (o->method != TLY_FORECAST_AUTO && o->method != TLY_FORECAST_EXACT &&
      o->method != TLY_FORECAST_MC)
    return tly__fail(err, TLY_EINVAL, "unknown method");
  if (o->method == TLY_FORECAST_EXACT && m->corr_l != NULL)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "the exact method needs units independent given a few "
                     "factors; a correlation matrix needs Monte Carlo");
  if (o->method == TLY_FORECAST_MC && o->sims == 0)
    return tly__fail(err, TLY_EINVAL, "Monte Carlo needs at least one "
                                      "simulation");
  if (o->sims > (UINT64_MAX >> 16))
    return tly__fail(err, TLY_EINVAL, "too many simulations");
  return TLY_OK;
}

tly_status tly_forecast_run(const tly_forecast_model *m,
                            const tly_forecast_opts *o_in, tly_forecast **out,
                            tly_error *err)
{
  return tly__forecast_run_isa(m, o_in, false, out, err);
}

tly_status tly__forecast_run_isa(const tly_forecast_model *m,
                                 const tly_forecast_opts *o_in, bool baseline,
                                 tly_forecast **out, tly_error *err)
{
  *out = NULL;
  tly_forecast_opts o;
  if (o_in != NULL)
    o = *o_in;
  else
    tly_forecast_opts_init(&o);
  tly_status s = check_opts(m, &o, err);
  if (s != TLY_OK)
    return s;
  prep p;
  s = prep_make(m, &o, &p, err);
  if (s != TLY_OK)
    return s;
  const tly_allocator *al = &m->al;
  tly_forecast *f = tly__calloc(al, 1, sizeof *f);
  if (f == NULL) {
    prep_free(al, &p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  f->al = m->al;
  f->n = p.n;
  f->electors = p.total;
  f->majority = p.maj;
  f->seed = o.seed;
  size_t t1 = (size_t)p.total + 1;
  f->hist = tly__calloc(al, t1, sizeof(double));
  f->unit_p = tly__calloc(al, p.n, sizeof(double));
  f->unit_tip = tly__calloc(al, p.n, sizeof(double));
  f->given = tly__calloc(al, p.n, sizeof(int8_t));
  bool mc = o.method == TLY_FORECAST_MC ||
            (o.method == TLY_FORECAST_AUTO && m->corr_l != NULL);
  if (mc)
    f->hist_n = tly__calloc(al, t1, sizeof(uint64_t));
  if (!f->hist || !f->unit_p || !f->unit_tip || !f->given ||
      (mc && !f->hist_n)) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  if (o.given != NULL) {
    memcpy(f->given, o.given, p.n);
    f->has_given = p.any_given;
  }
  f->p_pv_loses = NAN;
  for (size_t i = 0; i < p.n; i++)
    f->unit_tip[i] = NAN;
  if (mc) {
    f->method = TLY_FORECAST_MC;
    s = run_mc(m, &p, &o, f, true, baseline, err);
    if (s == TLY_OK && f->kept == 0)
      s = tly__fail(err, TLY_ENODATA,
                    "none of %llu simulations satisfied the given outcomes",
                    (unsigned long long)o.sims);
  } else {
    f->method = TLY_FORECAST_EXACT;
    s = run_exact(m, &p, o.threads, f, err);
    /* Tipping points and the popular vote depend on the order and size of
     * margins, not only on who wins where: they are simulated. */
    if (s == TLY_OK && o.sims > 0)
      s = run_mc(m, &p, &o, f, false, baseline, err);
  }
  if (s != TLY_OK)
    goto fail;
  prep_free(al, &p);
  *out = f;
  return TLY_OK;
fail:
  prep_free(al, &p);
  tly_forecast_free(f);
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

/*---- Results -----------------------------------------------------------*/

tly_forecast_method tly_forecast_method_used(const tly_forecast *f)
{
  return f->method;
}

uint64_t tly_forecast_simulations(const tly_forecast *f)
{
  return f->sims;
}

uint64_t tly_forecast_kept(const tly_forecast *f)
{
  return f->kept;
}

size_t tly_forecast_nodes(const tly_forecast *f)
{
  return f->nodes;
}

double tly_forecast_quadrature_error(const tly_forecast *f)
{
  return f->quad_error;
}

int64_t tly_forecast_electors(const tly_forecast *f)
{
  return f->electors;
}

int64_t tly_forecast_majority(const tly_forecast *f)
{
  return f->majority;
}

double tly_forecast_p_win(const tly_forecast *f, char party)
{
  /* Monte Carlo sums counts (exact), then divides once. */
  int64_t lo = party == 'D' ? f->majority : 0;
  int64_t hi = party == 'D' ? f->electors : f->electors - f->majority;
  if (f->hist_n != NULL) {
    uint64_t c = 0;
    for (int64_t k = lo; k <= hi; k++)
      c += f->hist_n[k];
    return (double)c / (double)f->kept;
  }
  double s = 0.0;
  for (int64_t k = lo; k <= hi; k++)
    s += f->hist[k];
  return s;
}

double tly_forecast_p_no_majority(const tly_forecast *f)
{
  int64_t lo = f->electors - f->majority + 1;
  if (f->hist_n != NULL) {
    uint64_t c = 0;
    for (int64_t k = lo; k < f->majority; k++)
      c += f->hist_n[k];
    return (double)c / (double)f->kept;
  }
  double s = 0.0;
  for (int64_t k = lo; k < f->majority; k++)
    s += f->hist[k];
  return s;
}

double tly_forecast_ev_mean(const tly_forecast *f)
{
  double s = 0.0;
  for (int64_t k = 0; k <= f->electors; k++)
    s += (double)k * f->hist[k];
  return s;
}

int64_t tly_forecast_ev_quantile(const tly_forecast *f, int percent)
{
  if (f->hist_n != NULL) {
    /* Smallest k with 100 * count(EV <= k) >= percent * kept, in integers
     * (kept < 2^48, so neither product overflows 64 bits). */
    uint64_t c = 0;
    for (int64_t k = 0; k <= f->electors; k++) {
      c += f->hist_n[k];
      if (100 * c >= (uint64_t)percent * f->kept)
        return k;
    }
    return f->electors;
  }
  double q = percent / 100.0;
  double c = 0.0;
  for (int64_t k = 0; k <= f->electors; k++) {
    c += f->hist[k];
    if (c >= q)
      return k;
  }
  return f->electors;
}

const double *tly_forecast_ev_histogram(const tly_forecast *f, size_t *len)
{
  *len = (size_t)f->electors + 1;
  return f->hist;
}

double tly_forecast_unit_p_win(const tly_forecast *f, size_t i)
{
  return i < f->n ? f->unit_p[i] : NAN;
}

double tly_forecast_unit_p_tipping(const tly_forecast *f, size_t i)
{
  return i < f->n ? f->unit_tip[i] : NAN;
}

double tly_forecast_p_popular_winner_loses(const tly_forecast *f)
{
  return f->p_pv_loses;
}

/*---- Writers -----------------------------------------------------------*/

static json_t *real_or_null(double v)
{
  return isnan(v) ? json_null() : json_real(v);
}

static void jput(json_t *o, const char *k, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(o, k, v) != 0)
    *ok = false;
}

tly_status tly_json_forecast(const tly_forecast_model *m,
                             const tly_forecast *f, tly_writer w, void *ud,
                             tly_error *err)
{
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  bool mc = f->method == TLY_FORECAST_MC;
  jput(root, "method", json_string(mc ? "mc" : "exact"), &ok);
  jput(root, "simulations", json_integer((json_int_t)f->sims), &ok);
  if (f->sims > 0)
    jput(root, "seed", json_integer((json_int_t)f->seed), &ok);
  if (!mc) {
    jput(root, "quadrature_nodes", json_integer((json_int_t)f->nodes), &ok);
    jput(root, "quadrature_error", json_real(f->quad_error), &ok);
  }
  jput(root, "electors", json_integer(f->electors), &ok);
  jput(root, "majority", json_integer(f->majority), &ok);
  json_t *pw = json_object();
  if (pw != NULL) {
    jput(pw, "D", json_real(tly_forecast_p_win(f, 'D')), &ok);
    jput(pw, "R", json_real(tly_forecast_p_win(f, 'R')), &ok);
  }
  jput(root, "p_win", pw, &ok);
  jput(root, "p_no_majority", json_real(tly_forecast_p_no_majority(f)), &ok);
  jput(root, "ev_mean", json_real(tly_forecast_ev_mean(f)), &ok);
  json_t *q = json_object();
  static const int pct[5] = {5, 25, 50, 75, 95};
  for (int i = 0; i < 5 && q != NULL; i++) {
    char k[8];
    snprintf(k, sizeof k, "%d", pct[i]);
    jput(q, k, json_integer(tly_forecast_ev_quantile(f, pct[i])), &ok);
  }
  jput(root, "ev_quantiles", q, &ok);
  json_t *h = json_array();
  for (int64_t k = 0; k <= f->electors && h != NULL; k++)
    if (json_array_append_new(h, json_real(f->hist[k])) != 0)
      ok = false;
  jput(root, "ev_histogram", h, &ok);
  json_t *units = json_array();
  for (size_t i = 0; i < f->n && units != NULL; i++) {
    json_t *u = json_object();
    if (u == NULL) {
      ok = false;
      break;
    }
    jput(u, "code", json_string(m->u[i].code), &ok);
    jput(u, "electors", json_integer(m->u[i].electors), &ok);
    jput(u, "p_win", json_real(f->unit_p[i]), &ok);
    jput(u, "p_tipping", real_or_null(f->unit_tip[i]), &ok);
    if (json_array_append_new(units, u) != 0)
      ok = false;
  }
  jput(root, "units", units, &ok);
  jput(root, "p_popular_winner_loses", real_or_null(f->p_pv_loses), &ok);
  if (f->has_given) {
    json_t *g = json_object();
    for (size_t i = 0; i < f->n && g != NULL; i++)
      if (f->given[i] != 0)
        jput(g, m->u[i].code, json_string(f->given[i] > 0 ? "D" : "R"), &ok);
    jput(root, "given", g, &ok);
    if (f->sims > 0)
      jput(root, "kept", json_integer((json_int_t)f->kept), &ok);
  }
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}

tly_status tly_forecast_write_histogram(const tly_forecast *f, tly_writer w,
                                        void *ud, tly_error *err)
{
  static const char head[] = "ev_D,probability,cumulative\n";
  if (w(ud, head, sizeof head - 1) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  double cum = 0.0;
  uint64_t cn = 0;
  for (int64_t k = 0; k <= f->electors; k++) {
    char line[96];
    int len;
    if (f->hist_n != NULL) {
      /* Monte Carlo: the cumulative share from the integer counts. */
      cn += f->hist_n[k];
      len = snprintf(line, sizeof line, "%lld,%.12g,%.12g\n", (long long)k,
                     f->hist[k], (double)cn / (double)f->kept);
    } else {
      cum += f->hist[k];
      len = snprintf(line, sizeof line, "%lld,%.12g,%.12g\n", (long long)k,
                     f->hist[k], cum);
    }
    if (w(ud, line, (size_t)len) != 0)
      return tly__fail(err, TLY_EIO, "write error");
  }
  return TLY_OK;
}
