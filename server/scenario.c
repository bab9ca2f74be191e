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

int srv_init(void)
{
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

/* The latest built-in year. */
int api_latest_year(void)
{
  int years[64];
  size_t n = tly_builtin_years(years, 64);
  return n > 0 && n <= 64 ? years[n - 1] : 0;
}

const char *const api_scenario_keys[] = {
    "year", "source", "tie", "without", "reapportion", "census", "seats",
    "method", "rule", "npv", "swing", "set", NULL};

/* Loads the election p names and applies its what-if fields (when
 * `whatif`), computing both Colleges. false after answering an error. */
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
  sc->base = api_cached((int)year, source);
  if (sc->base == NULL) {
    if (tly_election_builtin((int)year, source, NULL, &sc->owned, &err) !=
        TLY_OK) {
      api_fail_tly(rs, &err);
      return false;
    }
    sc->base = sc->owned;
  }
  tly_whatif_opts o;
  memset(&o, 0, sizeof o);
  int r = api_get_assign(p, "tie", sc->tie, &o.n_tie, rs);
  if (r < 0)
    goto fail;
  o.tie = sc->tie;
  if (whatif) {
    if (api_get_list(p, "without", sc->without, &o.n_without, rs) < 0)
      goto fail;
    o.without = sc->without;
    long long census = 0, seats = 0;
    const char *method = NULL, *rule = NULL, *npv = NULL;
    double swing = 0;
    if (api_get_bool(p, "reapportion", &o.reapportion, rs) < 0 ||
        api_get_int(p, "census", 1790, 2100, &census, rs) < 0 ||
        api_get_int(p, "seats", 1, TLY_APPORTION_MAX_SEATS, &seats, rs) < 0 ||
        api_get_str(p, "method", &method, rs) < 0 ||
        api_get_str(p, "rule", &rule, rs) < 0 ||
        api_get_num(p, "swing", -100, 100, &swing, rs) < 0)
      goto fail;
    if (!o.reapportion && (census != 0 || seats != 0 || method != NULL)) {
      fail(rs, 400, "census, seats and method apply with \"reapportion\": "
                    "true");
      goto fail;
    }
    o.census = (int)census;
    o.seats = seats;
    if (method != NULL &&
        tly_method_from_name(method, &o.method, &err) != TLY_OK) {
      api_fail_tly(rs, &err);
      goto fail;
    }
    if (swing != 0) {
      o.swing = true;
      if (!api_decimal_of(swing, &o.swing_num, &o.swing_den)) {
        fail(rs, 400, "swing must have at most 9 decimals");
        goto fail;
      }
    }
    if (api_get_assign(p, "set", sc->set, &o.n_set, rs) < 0)
      goto fail;
    o.set = sc->set;
    if (rule != NULL) {
      if (tly_rule_from_name(rule, &o.rule, &err) != TLY_OK) {
        api_fail_tly(rs, &err);
        goto fail;
      }
    }
    json_t *nv = json_object_get(p, "npv");
    if (nv != NULL && !json_is_null(nv)) {
      if (o.rule != TLY_RULE_NPV) {
        fail(rs, 400, "npv applies with \"rule\": \"npv\"");
        goto fail;
      }
      size_t n = 0;
      if (json_is_string(nv) && api_get_str(p, "npv", &npv, rs) > 0 &&
          strcmp(npv, "all") == 0) {
        o.npv.which = TLY_NPV_ALL;
      } else if (npv != NULL && strcmp(npv, "none") == 0) {
        o.npv.which = TLY_NPV_NONE;
      } else if (json_is_integer(nv)) {
        o.npv.which = TLY_NPV_YEAR;
        o.npv.year = (int)json_integer_value(nv);
      } else if (json_is_array(nv) &&
                 api_get_list(p, "npv", sc->npv_codes, &n, rs) > 0) {
        o.npv.which = TLY_NPV_LIST;
        o.npv.codes = sc->npv_codes;
        o.npv.n_codes = n;
      } else {
        fail(rs, 400, "npv must be \"all\", \"none\", a year or a list of "
                      "codes");
        goto fail;
      }
    }
  }
  char what[400];
  tly_whatif_describe(&o, what, sizeof what);
  sc->any = what[0] != '\0';
  if (sc->any)
    snprintf(sc->note, sizeof sc->note, "What-if: %s", what);
  if (tly_college(sc->base, &sc->ob, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    goto fail;
  }
  if (!sc->any && o.n_tie == 0) { /* nothing to apply: the election itself */
    sc->wi = sc->base;
    sc->ow = sc->ob;
    return true;
  }
  if (tly_whatif_apply(sc->base, &o, &sc->owned_wi, &err) != TLY_OK ||
      tly_college(sc->owned_wi, &sc->owned_ow, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    goto fail;
  }
  sc->wi = sc->owned_wi;
  sc->ow = sc->owned_ow;
  return true;
fail:
  api_scenario_free(sc);
  return false;
}
