/*
 * scenario.c -- the built-in elections, loaded once and shared read-only by
 * the request threads, and the scenario a request names: an election and
 * the what-if applied to it.
 */
#include "api.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*==== Elections and what-ifs ==============================================*/


/* The built-in elections, loaded once by srv_init before the daemon
 * starts and only read afterwards: every library call on them takes a
 * const election, so the request threads share them safely. */
#define MAX_CACHE 64
static struct {
  int year;
  tly_source source;
  tly_election *e;
} cache[MAX_CACHE];
static size_t n_cache;
/* /api/years, written once by the library (tly_json_years): the built-in
 * data never changes while the server runs. */
static srv_buf years_json;

int srv_init(void)
{
  tly_error yerr;
  if (tly_json_years(NULL, srv_buf_write, &years_json, &yerr) != TLY_OK ||
      years_json.over)
    return -1;
  int years[MAX_CACHE];
  size_t n = tly_builtin_years(years, MAX_CACHE);
  for (size_t i = 0; i < n && i < MAX_CACHE; i++) {
    for (int s = 0; s < 2 && n_cache < MAX_CACHE; s++) {
      tly_election *e = NULL;
      tly_error err;
      tly_source src = s == 0 ? TLY_SOURCE_MEDSL : TLY_SOURCE_FEC;
      tly_status st = tly_election_builtin(years[i], src, NULL, &e, &err);
      if (st == TLY_ENODATA)
        continue;
      if (st != TLY_OK)
        return -1;
      cache[n_cache].year = years[i];
      cache[n_cache].source = src;
      cache[n_cache].e = e;
      n_cache++;
    }
  }
  return 0;
}

void srv_fini(void)
{
  srv_buf_free(&years_json);
  for (size_t i = 0; i < n_cache; i++)
    tly_election_free(cache[i].e);
  n_cache = 0;
}

const tly_election *api_cached(int year, tly_source source)
{
  for (size_t i = 0; i < n_cache; i++)
    if (cache[i].year == year && cache[i].source == source)
      return cache[i].e;
  return NULL;
}


void api_scenario_free(scenario *sc)
{
  tly_outcome_free(sc->owned_ow);
  tly_outcome_free(sc->ob);
  tly_election_free(sc->owned_wi);
  tly_election_free(sc->owned);
  memset(sc, 0, sizeof *sc);
}

const srv_buf *api_years_json(void)
{
  return &years_json;
}

/* The latest built-in year. */
int api_latest_year(void)
{
  int years[64];
  size_t n = tly_builtin_years(years, 64);
  return n > 0 && n <= 64 ? years[n - 1] : 0;
}


bool api_whatif_key(const char *key)
{
  const char *k;
  for (size_t i = 0; (k = tly_whatif_spec_key(i)) != NULL; i++)
    if (strcmp(k, key) == 0)
      return true;
  return false;
}

bool api_check_scenario_keys(json_t *p, const char *const *extra,
                             srv_response *rs)
{
  const char *k;
  json_t *v;
  json_object_foreach(p, k, v)
  {
    bool ok = strcmp(k, "year") == 0 || strcmp(k, "source") == 0 ||
              api_whatif_key(k);
    for (size_t i = 0; extra != NULL && extra[i] != NULL && !ok; i++)
      ok = strcmp(extra[i], k) == 0;
    if (!ok) {
      fail(rs, 400, "unknown field \"%.64s\" for this endpoint", k);
      return false;
    }
  }
  return true;
}

/* A scalar JSON value as the text the CLI would have been given: a string
 * as is, a number by its JSON text (a real keeps the text it was written
 * with: see api_raw_reals), true/false. false when not a scalar. */
static bool scalar_text(json_t *v, char *buf, size_t size, const char **out)
{
  if (json_is_string(v)) {
    *out = json_string_value(v);
  } else if (json_is_integer(v)) {
    snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    *out = buf;
  } else if (json_is_real(v)) { /* a real api_raw_reals did not reach */
    double x = json_real_value(v);
    for (int prec = 1; prec <= 17; prec++) { /* the shortest that reads back */
      snprintf(buf, size, "%.*g", prec, x);
      if (strtod(buf, NULL) == x)
        break;
    }
    *out = buf;
  } else if (json_is_boolean(v)) {
    *out = json_is_true(v) ? "true" : "false";
  } else {
    return false;
  }
  return true;
}

static size_t skip_space(const char *b, size_t n, size_t i)
{
  while (i < n && strchr(" \t\r\n", b[i]) != NULL && b[i] != '\0')
    i++;
  return i;
}

/* The end of the JSON string that opens at b[i] ('"'); *esc is set when it
 * holds an escape. */
static size_t skip_string(const char *b, size_t n, size_t i, bool *esc)
{
  for (i++; i < n && b[i] != '"'; i++) {
    if (b[i] == '\\') {
      *esc = true;
      i++;
    }
  }
  return i < n ? i + 1 : n;
}

/* The end of the JSON value that starts at b[i]. */
static size_t skip_value(const char *b, size_t n, size_t i)
{
  bool esc = false;
  if (i < n && b[i] == '"')
    return skip_string(b, n, i, &esc);
  if (i < n && (b[i] == '{' || b[i] == '[')) {
    size_t depth = 0;
    while (i < n) {
      if (b[i] == '"') {
        i = skip_string(b, n, i, &esc);
        continue;
      }
      if (b[i] == '{' || b[i] == '[')
        depth++;
      else if ((b[i] == '}' || b[i] == ']') && --depth == 0)
        return i + 1;
      i++;
    }
    return n;
  }
  while (i < n && strchr(",}] \t\r\n", b[i]) == NULL)
    i++;
  return i;
}

void api_raw_reals(const char *b, size_t n, json_t *p)
{
  size_t i = skip_space(b, n, 0);
  if (i >= n || b[i] != '{')
    return;
  i++;
  for (;;) {
    i = skip_space(b, n, i);
    if (i >= n || b[i] != '"')
      return;
    bool esc = false;
    size_t k0 = i + 1;
    i = skip_string(b, n, i, &esc);
    size_t k1 = i - 1; /* the closing quote */
    i = skip_space(b, n, i);
    if (i >= n || b[i] != ':')
      return;
    i = skip_space(b, n, i + 1);
    size_t v0 = i;
    i = skip_value(b, n, i);
    char key[32];
    if (!esc && k1 > k0 && k1 - k0 < sizeof key) {
      memcpy(key, b + k0, k1 - k0);
      key[k1 - k0] = '\0';
      json_t *x = json_object_get(p, key);
      if (json_is_real(x) && api_whatif_key(key))
        json_object_set_new(p, key, json_stringn(b + v0, i - v0));
    }
    i = skip_space(b, n, i);
    if (i >= n || b[i] != ',')
      return;
    i++;
  }
}

/* Hands what-if field `key` of p to the specification as text: a scalar as
 * scalar_text, a list as its elements' texts joined by commas ("CA,NY"),
 * an object {"WI": "D"} as one "WI=D" per entry. false after answering. */
static bool spec_field(tly_whatif_spec *spec, const char *key, json_t *v,
                       srv_response *rs)
{
  char text[4096];
  char num[64];
  const char *t;
  tly_error err = {0};
  tly_status s = TLY_OK;
  if (json_is_array(v) && json_array_size(v) == 0) {
    return true; /* an empty list asks for nothing */
  } else if (json_is_array(v)) {
    size_t n = 0;
    size_t i;
    json_t *x;
    text[0] = '\0';
    json_array_foreach(v, i, x)
    {
      if (!scalar_text(x, num, sizeof num, &t)) {
        fail(rs, 400, "%s must be a list of codes or values", key);
        return false;
      }
      int k = snprintf(text + n, sizeof text - n, "%s%s", i ? "," : "", t);
      if (k < 0 || (size_t)k >= sizeof text - n) {
        fail(rs, 400, "%s is too long", key);
        return false;
      }
      n += (size_t)k;
    }
    s = tly_whatif_spec_set(spec, key, text, &err);
  } else if (json_is_object(v)) {
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x)
    {
      if (!scalar_text(x, num, sizeof num, &t)) {
        fail(rs, 400, "%s.%.64s must be a candidate (a string such as "
                      "\"D\")", key, k);
        return false;
      }
      int w = snprintf(text, sizeof text, "%s=%s", k, t);
      if (w < 0 || (size_t)w >= sizeof text) {
        fail(rs, 400, "%s is too long", key);
        return false;
      }
      s = tly_whatif_spec_set(spec, key, text, &err);
      if (s != TLY_OK)
        break;
    }
  } else if (scalar_text(v, num, sizeof num, &t)) {
    s = tly_whatif_spec_set(spec, key, t, &err);
  }
  if (s != TLY_OK) {
    api_fail_tly(rs, &err);
    return false;
  }
  return true;
}

/* Loads the election p names and applies its what-if fields (when
 * `whatif`; else only "tie"), computing both Colleges. Every what-if field
 * goes to the library's specification as text, as the CLI's flags do, so
 * a mistake gets the CLI's message. false after answering an error. */
bool api_scenario_load(json_t *p, bool whatif, scenario *sc,
                       srv_response *rs)
{
  memset(sc, 0, sizeof *sc);
  tly_error err = {0};
  long long year = api_latest_year();
  const char *src = "medsl";
  if (api_get_int(p, "year", 1, 9999, &year, rs) < 0 ||
      api_get_str(p, "source", &src, rs) < 0)
    return false;
  tly_source source;
  if (strcmp(src, "medsl") == 0) {
    source = TLY_SOURCE_MEDSL;
  } else if (strcmp(src, "fec") == 0) {
    source = TLY_SOURCE_FEC;
  } else {
    fail(rs, 400, "source must be \"medsl\" or \"fec\"");
    return false;
  }
  tly_whatif_spec *spec = NULL;
  if (tly_whatif_spec_new(NULL, &spec, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    return false;
  }
  const char *key;
  for (size_t i = 0; (key = tly_whatif_spec_key(i)) != NULL; i++) {
    json_t *v = json_object_get(p, key);
    if (v == NULL || json_is_null(v) || (!whatif && strcmp(key, "tie") != 0))
      continue;
    if (!spec_field(spec, key, v, rs))
      goto fail;
  }
  if (tly_whatif_spec_check(spec, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    goto fail;
  }
  sc->base = api_cached((int)year, source);
  if (sc->base == NULL) {
    if (tly_election_builtin((int)year, source, NULL, &sc->owned, &err) !=
        TLY_OK) {
      api_fail_tly(rs, &err);
      goto fail;
    }
    sc->base = sc->owned;
  }
  char what[400];
  tly_whatif_spec_describe(spec, what, sizeof what);
  sc->any = what[0] != '\0';
  if (sc->any)
    snprintf(sc->note, sizeof sc->note, "What-if: %s", what);
  if (tly_college(sc->base, &sc->ob, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    goto fail;
  }
  if (!sc->any) { /* nothing to apply: the election itself */
    sc->wi = sc->base;
    sc->ow = sc->ob;
    tly_whatif_spec_free(spec);
    return true;
  }
  if (tly_whatif_spec_apply(sc->base, spec, &sc->owned_wi, &err) != TLY_OK ||
      tly_college(sc->owned_wi, &sc->owned_ow, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    goto fail;
  }
  sc->wi = sc->owned_wi;
  sc->ow = sc->owned_ow;
  tly_whatif_spec_free(spec);
  return true;
fail:
  tly_whatif_spec_free(spec);
  api_scenario_free(sc);
  return false;
}
