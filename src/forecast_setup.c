/*
 * forecast_setup.c -- a forecast's setup set key by key from text, for
 * the CLI and the server alike: each value checked when it is set, the
 * combinations once when the model is built, with one message for each
 * mistake (issue 10, item 18). The rules of the forecast itself live in
 * forecast_model.c and forecast.c.
 */
#include "forecast.h"
#include "scan.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The keys, in the order of tally.h. */
enum {
  K_ELECTORS, K_NATIONAL_SD, K_REGION_SD, K_REGIONS, K_DF, K_METHOD,
  K_SIMS, K_SEED, K_THREADS, K_GIVEN, K_CORR, K_CORR_REPAIR, K_FILES,
  K_MAX_SIMS, K_MAX_COST, N_KEYS
};

static const char *const key_names[N_KEYS] = {
    [K_ELECTORS] = "electors",   [K_NATIONAL_SD] = "national_sd",
    [K_REGION_SD] = "region_sd", [K_REGIONS] = "regions",
    [K_DF] = "df",               [K_METHOD] = "method",
    [K_SIMS] = "sims",           [K_SEED] = "seed",
    [K_THREADS] = "threads",     [K_GIVEN] = "given",
    [K_CORR] = "corr",           [K_CORR_REPAIR] = "corr_repair",
    [K_FILES] = "files",         [K_MAX_SIMS] = "max_sims",
    [K_MAX_COST] = "max_cost"};

/* A value is kept as text up to this length (a file name, a given list). */
#define MAX_VALUE 4096

struct tly_forecast_setup {
  tly_allocator al;
  char *text[N_KEYS]; /* as set, NUL-terminated; NULL when unset */
  size_t text_cap[N_KEYS];
  tly_forecast_opts o; /* the parsed values */
  int64_t electors;    /* 0: none */
  int64_t max_sims;
  bool files, repair;
  int8_t *given; /* n_given entries, made by build */
  size_t n_given;
};

tly_status tly_forecast_setup_new(const tly_allocator *a,
                                  tly_forecast_setup **out, tly_error *err)
{
  *out = NULL;
  a = tly__alloc_or_default(a);
  tly_forecast_setup *s = tly__calloc(a, 1, sizeof *s);
  if (s == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  s->al = *a;
  tly_forecast_opts_init(&s->o);
  s->max_sims = (int64_t)1 << 46;
  *out = s;
  return TLY_OK;
}

void tly_forecast_setup_free(tly_forecast_setup *s)
{
  if (s == NULL)
    return;
  tly_allocator al = s->al;
  for (size_t k = 0; k < N_KEYS; k++)
    tly__free(&al, s->text[k], s->text_cap[k]);
  tly__free(&al, s->given, s->n_given);
  tly__free(&al, s, sizeof *s);
}

const char *tly_forecast_setup_get(const tly_forecast_setup *s,
                                   const char *key)
{
  for (size_t k = 0; k < N_KEYS; k++)
    if (strcmp(key, key_names[k]) == 0)
      return s->text[k];
  return NULL;
}

/* A number in [lo, hi] from v, or TLY_EINVAL quoting it. */
static tly_status number(const char *key, const char *v, double lo,
                         double hi, double *out, tly_error *err)
{
  double x;
  if (tly__scan_double(v, strlen(v), &x) != TLY_OK || !(x >= lo) ||
      !(x <= hi))
    return tly__fail(err, TLY_EINVAL, "%s \"%s\" is not a number in "
                                      "[%g, %g]",
                     key, v, lo, hi);
  *out = x;
  return TLY_OK;
}

/* An integer in [lo, hi] from v, or TLY_EINVAL quoting it. */
static tly_status integer(const char *key, const char *v, int64_t lo,
                          int64_t hi, int64_t *out, tly_error *err)
{
  if (tly__scan_i64(v, strlen(v), lo, hi, out) != TLY_OK)
    return tly__fail(err, TLY_EINVAL, "%s \"%s\" is not an integer in "
                                      "%lld..%lld",
                     key, v, (long long)lo, (long long)hi);
  return TLY_OK;
}

static tly_status yes_no(const char *key, const char *v, bool *out,
                         tly_error *err)
{
  if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 ||
      strcmp(v, "1") == 0)
    *out = true;
  else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 ||
           strcmp(v, "0") == 0)
    *out = false;
  else
    return tly__fail(err, TLY_EINVAL, "%s \"%s\" is not yes or no", key, v);
  return TLY_OK;
}

tly_status tly_forecast_setup_set(tly_forecast_setup *s, const char *key,
                                  const char *value, tly_error *err)
{
  size_t k = 0;
  while (k < N_KEYS && strcmp(key, key_names[k]) != 0)
    k++;
  if (k == N_KEYS)
    return tly__fail(err, TLY_EINVAL, "unknown forecast key \"%s\"", key);
  size_t len = strlen(value);
  if (len > MAX_VALUE)
    return tly__fail(err, TLY_EINVAL, "%s: value longer than %d bytes", key,
                     MAX_VALUE);
  /* Parse into copies, so that s is unchanged on failure. */
  tly_forecast_opts o = s->o;
  int64_t electors = s->electors, max_sims = s->max_sims, v;
  bool files = s->files, repair = s->repair;
  tly_status st = TLY_OK;
  switch (k) {
  case K_ELECTORS:
    st = integer(key, value, 1789, 9999, &electors, err);
    break;
  case K_NATIONAL_SD:
    st = number(key, value, 0.0, 1.0, &o.national_sd, err);
    break;
  case K_REGION_SD:
    st = number(key, value, 0.0, 1.0, &o.region_sd, err);
    break;
  case K_REGIONS:
  case K_CORR:
    if (len == 0)
      st = tly__fail(err, TLY_EINVAL, "%s is empty", key);
    break;
  case K_DF:
    st = number(key, value, 0.0, 1e6, &o.df, err);
    if (st == TLY_OK && o.df != 0.0 && !(o.df > 2.0))
      st = tly__fail(err, TLY_EINVAL, "df \"%s\": use 0 (normal) or more "
                                      "than 2 (so the sd exists)",
                     value);
    break;
  case K_METHOD:
    if (strcmp(value, "auto") == 0)
      o.method = TLY_FORECAST_AUTO;
    else if (strcmp(value, "exact") == 0)
      o.method = TLY_FORECAST_EXACT;
    else if (strcmp(value, "mc") == 0)
      o.method = TLY_FORECAST_MC;
    else
      st = tly__fail(err, TLY_EINVAL, "method \"%s\" is not exact or mc",
                     value);
    break;
  case K_SIMS:
    st = integer(key, value, 0, max_sims, &v, err);
    if (st == TLY_OK)
      o.sims = (uint64_t)v;
    break;
  case K_SEED:
    st = integer(key, value, 0, INT64_MAX, &v, err);
    if (st == TLY_OK)
      o.seed = (uint64_t)v;
    break;
  case K_THREADS:
    st = integer(key, value, 1, 256, &v, err);
    if (st == TLY_OK)
      o.threads = (int)v;
    break;
  case K_GIVEN:
    break; /* checked against the model's units when built */
  case K_CORR_REPAIR:
    st = yes_no(key, value, &repair, err);
    break;
  case K_FILES:
    st = yes_no(key, value, &files, err);
    break;
  case K_MAX_SIMS:
    st = integer(key, value, 0, (int64_t)1 << 46, &max_sims, err);
    if (st == TLY_OK && s->text[K_SIMS] != NULL && o.sims > (uint64_t)max_sims)
      st = tly__fail(err, TLY_EINVAL, "sims \"%s\" is not an integer in "
                                      "0..%lld",
                     s->text[K_SIMS], (long long)max_sims);
    break;
  case K_MAX_COST:
    st = number(key, value, 0.0, 1e300, &o.max_cost, err);
    break;
  }
  if (st != TLY_OK)
    return st;
  char *t = s->text[k];
  size_t cap = s->text_cap[k];
  if (cap < len + 1) {
    t = tly__malloc(&s->al, len + 1);
    if (t == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    tly__free(&s->al, s->text[k], cap);
    cap = len + 1;
  }
  memcpy(t, value, len + 1);
  s->text[k] = t;
  s->text_cap[k] = cap;
  s->o = o;
  s->electors = electors;
  s->max_sims = max_sims;
  s->files = files;
  s->repair = repair;
  return TLY_OK;
}

/* The combinations, each with its one message. */
static tly_status check_combos(const tly_forecast_setup *s, tly_error *err)
{
  const char *regions = s->text[K_REGIONS], *corr = s->text[K_CORR];
  if (s->o.region_sd > 0.0 && regions == NULL)
    return tly__fail(err, TLY_EINVAL, "region_sd needs regions");
  if (regions != NULL && s->o.region_sd == 0.0)
    return tly__fail(err, TLY_EINVAL, "regions needs region_sd");
  if (regions != NULL && !s->files && strcmp(regions, "census4") != 0 &&
      strcmp(regions, "census9") != 0)
    return tly__fail(err, TLY_EINVAL,
                     "regions \"%s\" is not census4 or census9", regions);
  if (corr != NULL && !s->files)
    return tly__fail(err, TLY_EINVAL, "corr (a file) is not available here");
  if (s->text[K_CORR_REPAIR] != NULL && corr == NULL)
    return tly__fail(err, TLY_EINVAL, "corr_repair needs corr");
  if (corr != NULL && s->o.method == TLY_FORECAST_EXACT)
    return tly__fail(err, TLY_EINVAL,
                     "corr needs method mc (the exact method needs units "
                     "independent given a few factors)");
  if (s->o.method == TLY_FORECAST_MC && s->o.sims == 0)
    return tly__fail(err, TLY_EINVAL, "method mc needs sims of at least 1");
  return TLY_OK;
}

/* The model with the setup applied (all but `given`). */
static tly_status make_model(tly_forecast_setup *s, const char *name,
                             const char *data, size_t len,
                             tly_forecast_model **out, double *moved,
                             tly_error *err)
{
  tly_forecast_model *m = NULL;
  tly_election *e = NULL;
  tly_status st = data == NULL
                      ? tly_forecast_model_load(name, &s->al, &m, err)
                      : tly_forecast_model_parse(name, data, len, &s->al, &m,
                                                 err);
  if (st != TLY_OK)
    return st;
  if (s->electors != 0) {
    st = tly_election_builtin((int)s->electors, TLY_SOURCE_MEDSL, &s->al, &e,
                              err);
    if (st == TLY_OK)
      st = tly_forecast_model_use_election(m, e, true, err);
    tly_election_free(e);
    e = NULL;
    if (st != TLY_OK)
      goto fail;
  }
  /* Turnout a row lacks: the last built-in election's two-party vote. */
  bool need_turnout = false;
  for (size_t i = 0; i < tly_forecast_model_n_units(m); i++)
    if (tly_forecast_model_unit(m, i)->turnout < 0)
      need_turnout = true;
  int years[256];
  size_t ny = tly_builtin_years(years, 256);
  if (need_turnout && ny > 0 && ny <= 256) {
    tly_error ignored;
    st = tly_election_builtin(years[ny - 1], TLY_SOURCE_MEDSL, &s->al, &e,
                              &ignored);
    if (st == TLY_OK)
      st = tly_forecast_model_use_election(m, e, false, &ignored);
    tly_election_free(e);
    e = NULL;
    /* Other failures leave the turnout unknown (the figures that need it
     * are NaN); out of memory is not silently a different answer. */
    if (st == TLY_ENOMEM) {
      tly__fail(err, TLY_ENOMEM, "out of memory");
      goto fail;
    }
    st = TLY_OK;
  }
  const char *regions = s->text[K_REGIONS];
  if (regions != NULL) {
    if (strcmp(regions, "census4") == 0 || strcmp(regions, "census9") == 0)
      st = tly_forecast_model_regions_builtin(m, regions, err);
    else
      st = tly_forecast_model_regions_load(m, regions, err);
    if (st != TLY_OK)
      goto fail;
  }
  const char *corr = s->text[K_CORR];
  if (corr != NULL) {
    st = tly_forecast_model_corr_load(m, corr, s->repair, moved, err);
    if (st != TLY_OK) {
      if (err != NULL && st == TLY_ERANGE &&
          strstr(err->msg, "smallest eigenvalue") != NULL) {
        size_t ml = strlen(err->msg);
        snprintf(err->msg + ml, sizeof err->msg - ml,
                 "; corr_repair uses the nearest correlation matrix "
                 "(Higham 2002)");
      }
      goto fail;
    }
  }
  *out = m;
  return TLY_OK;
fail:
  tly_forecast_model_free(m);
  return st;
}

tly_status tly_forecast_setup_build(tly_forecast_setup *s, const char *name,
                                    const char *data, size_t len,
                                    tly_forecast_model **model,
                                    tly_forecast_opts *o, double *moved,
                                    tly_error *err)
{
  *model = NULL;
  if (moved != NULL)
    *moved = 0.0;
  tly_status st = check_combos(s, err);
  if (st != TLY_OK)
    return st;
  tly_forecast_model *m = NULL;
  st = make_model(s, name, data, len, &m, moved, err);
  if (st != TLY_OK)
    return st;
  *o = s->o;
  o->given = NULL;
  const char *given = s->text[K_GIVEN];
  if (given != NULL) {
    size_t n = tly_forecast_model_n_units(m);
    int8_t *g = tly__calloc(&s->al, n > 0 ? n : 1, 1);
    if (g == NULL) {
      tly_forecast_model_free(m);
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    }
    st = tly_forecast_parse_given(m, given, g, err);
    if (st != TLY_OK) {
      tly__free(&s->al, g, n > 0 ? n : 1);
      tly_forecast_model_free(m);
      return st;
    }
    tly__free(&s->al, s->given, s->n_given);
    s->given = g;
    s->n_given = n > 0 ? n : 1;
    o->given = g;
  }
  *model = m;
  return TLY_OK;
}
