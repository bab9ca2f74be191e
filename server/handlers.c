/*
 * handlers.c -- the endpoints over elections: years, result, what-if, the
 * map and bar SVGs, apportionment, flip, tipping and power.
 */
#include "api.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void api_h_years(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {NULL};
  if (!api_check_keys(p, keys, rs))
    return;
  const srv_buf *y = api_years_json(); /* tly_json_years, made once */
  if (y->len == 0) { /* srv_init has not run: write it now */
    srv_buf b = {0};
    tly_error err = {0};
    if (tly_json_years(NULL, srv_buf_write, &b, &err) != TLY_OK) {
      srv_buf_free(&b);
      api_fail_tly(rs, &err);
    } else {
      api_ok_buf(rs, &b, TYPE_JSON);
    }
    return;
  }
  rs->status = 200;
  rs->type = TYPE_JSON;
  rs->fixed = (const unsigned char *)y->p;
  rs->len = y->len;
}

void api_h_result(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {"year", "source", "tie", NULL};
  scenario sc;
  if (!api_check_keys(p, keys, rs) || !api_scenario_load(p, false, &sc, rs))
    return;
  srv_buf b = {0};
  tly_error err = {0};
  if (tly_json_result(sc.wi, sc.ow, srv_buf_write, &b, &err) != TLY_OK) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_JSON);
  }
  api_scenario_free(&sc);
}

void api_h_whatif(json_t *p, srv_response *rs)
{
  scenario sc;
  if (!api_check_scenario_keys(p, NULL, rs) ||
      !api_scenario_load(p, true, &sc, rs))
    return;
  srv_buf b = {0};
  tly_error err = {0};
  if (tly_json_whatif(sc.base, sc.ob, sc.wi, sc.ow, srv_buf_write, &b,
                      &err) != TLY_OK) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_JSON);
  }
  api_scenario_free(&sc);
}

/* The map or the bar of a scenario, with the what-if named under the
 * title. */
static void svg_of(json_t *p, srv_response *rs, bool bar)
{
  static const char *const keys[] = {"title", "geo", NULL};
  scenario sc;
  const char *title = NULL;
  bool geo = false; /* the map on the states' shapes (tally map --geo) */
  if (!api_check_scenario_keys(p, keys, rs) ||
      api_get_str(p, "title", &title, rs) < 0 ||
      api_get_bool(p, "geo", &geo, rs) < 0 ||
      !api_scenario_load(p, true, &sc, rs))
    return;
  tly_svg_opts so = {.title = title, .note = sc.any ? sc.note : NULL};
  tly_svg_geo_opts gso = {.title = title, .note = so.note};
  srv_buf b = {0};
  tly_error err = {0};
  tly_status s =
      bar   ? tly_svg_bar(sc.wi, sc.ow, &so, srv_buf_write, &b, &err)
      : geo ? tly_svg_geo_map(sc.wi, sc.ow, &gso, srv_buf_write, &b, &err)
            : tly_svg_map(sc.wi, sc.ow, &so, srv_buf_write, &b, &err);
  if (s != TLY_OK) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_SVG);
  }
  api_scenario_free(&sc);
}

void api_h_map(json_t *p, srv_response *rs)
{
  svg_of(p, rs, false);
}

void api_h_bar(json_t *p, srv_response *rs)
{
  svg_of(p, rs, true);
}

#define MAX_CENSUS_ROWS 64 /* states of a census: 48 in 1950 */

void api_h_apportion(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {"census", "seats",   "method",
                                     "without", "next",   "priority", NULL};
  long long census = 2020, seats = 435, next = 5;
  const char *method = NULL;
  bool priority = false;
  const char *without[MAX_LIST];
  size_t n_without = 0;
  if (!api_check_keys(p, keys, rs) ||
      api_get_int(p, "census", 1, 9999, &census, rs) < 0 ||
      api_get_int(p, "seats", 1, TLY_APPORTION_MAX_SEATS, &seats, rs) < 0 ||
      api_get_int(p, "next", 0, 1000, &next, rs) < 0 ||
      api_get_str(p, "method", &method, rs) < 0 ||
      api_get_bool(p, "priority", &priority, rs) < 0 ||
      api_get_list(p, "without", without, &n_without, rs) < 0)
    return;
  tly_error err = {0};
  tly_method m = TLY_METHOD_HUNTINGTON_HILL;
  if (method != NULL && tly_method_from_name(method, &m, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    return;
  }
  tly_apportionment *r = NULL;
  size_t n_rows = 0;
  bool record = tly_census_builtin((int)census, NULL, NULL, 0, &n_rows,
                                   &err) == TLY_ENODATA;
  if (record) {
    /* 1790-1960, as `tally apportion CENSUS`: the record, and with a
     * method, seats, states left out or priority the census recomputed
     * (by the method of record unless one is given). */
    tly_census_record info;
    tly_census_row rows[MAX_CENSUS_ROWS];
    bool recompute = method != NULL || json_object_get(p, "seats") != NULL ||
                     n_without > 0 || priority;
    if (tly_census_record_rows((int)census, NULL, &info, rows,
                               MAX_CENSUS_ROWS, &n_rows, &err) != TLY_OK ||
        (recompute &&
         tly_apportion_record((int)census,
                              json_object_get(p, "seats") != NULL ? seats : 0,
                              method != NULL ? m : info.method, without,
                              n_without, NULL, &r, &err) != TLY_OK)) {
      api_fail_tly(rs, &err);
      return;
    }
  } else if (tly_apportion_census((int)census, seats, m, without, n_without,
                                  NULL, &r, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    return;
  }
  srv_buf b = {0};
  /* `tally apportion --json` ends the object with a newline. */
  tly_status st =
      record ? tly_json_census_record((int)census, r, srv_buf_write, &b, &err)
             : tly_json_apportionment(r, (int)census, (size_t)next, priority,
                                      srv_buf_write, &b, &err);
  if (st != TLY_OK || srv_buf_write(&b, "\n", 1) != 0) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_JSON);
  }
  tly_apportionment_free(r);
}

void api_h_flip(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {"to", "target", NULL};
  const char *to = NULL, *target = NULL;
  scenario sc;
  if (!api_check_scenario_keys(p, keys, rs) ||
      api_get_str(p, "to", &to, rs) < 0 ||
      api_get_str(p, "target", &target, rs) < 0)
    return;
  tly_flip_opts fo = {.target = TLY_FLIP_WIN, .to = -1};
  if (target != NULL) {
    if (strcmp(target, "tie") == 0) {
      fo.target = TLY_FLIP_TIE;
    } else if (strcmp(target, "win") != 0) {
      fail(rs, 400, "target must be \"win\" or \"tie\"");
      return;
    }
  }
  if (!api_scenario_load(p, true, &sc, rs))
    return;
  if (to != NULL) {
    fo.to = tly_election_find_candidate(sc.wi, to);
    if (fo.to < 0) {
      fail(rs, 400, "to: no single candidate \"%.64s\"", to);
      api_scenario_free(&sc);
      return;
    }
  }
  tly_error err = {0};
  tly_flip *f = NULL;
  srv_buf b = {0};
  if (tly_flip_compute(sc.wi, &fo, &f, &err) != TLY_OK ||
      tly_json_flip(sc.wi, f, srv_buf_write, &b, &err) != TLY_OK) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_JSON);
  }
  tly_flip_free(f);
  api_scenario_free(&sc);
}

void api_h_tipping(json_t *p, srv_response *rs)
{
  scenario sc;
  if (!api_check_scenario_keys(p, NULL, rs) ||
      !api_scenario_load(p, true, &sc, rs))
    return;
  tly_error err = {0};
  tly_tipping *t = NULL;
  srv_buf b = {0};
  if (tly_tipping_compute(sc.wi, &t, &err) != TLY_OK ||
      tly_json_tipping(sc.wi, t, srv_buf_write, &b, &err) != TLY_OK) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_JSON);
  }
  tly_tipping_free(t);
  api_scenario_free(&sc);
}

void api_h_power(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {"index", "units", NULL};
  const char *index = NULL, *units = NULL;
  if (!api_check_scenario_keys(p, keys, rs) ||
      api_get_str(p, "index", &index, rs) < 0 ||
      api_get_str(p, "units", &units, rs) < 0)
    return;
  tly_power_index ix = TLY_POWER_BANZHAF;
  tly_power_units un = TLY_POWER_STATES;
  if (index != NULL && strcmp(index, "shapley") == 0) {
    ix = TLY_POWER_SHAPLEY;
  } else if (index != NULL && strcmp(index, "banzhaf") != 0) {
    fail(rs, 400, "index must be \"banzhaf\" or \"shapley\"");
    return;
  }
  if (units != NULL && strcmp(units, "districts") == 0) {
    un = TLY_POWER_DISTRICTS;
  } else if (units != NULL && strcmp(units, "states") != 0) {
    fail(rs, 400, "units must be \"states\" or \"districts\"");
    return;
  }
  scenario sc;
  if (!api_scenario_load(p, true, &sc, rs))
    return;
  tly_error err = {0};
  tly_power *pw = NULL;
  srv_buf b = {0};
  if (tly_power_election(sc.wi, ix, un, &pw, &err) != TLY_OK ||
      tly_json_power(pw, srv_buf_write, &b, &err) != TLY_OK) {
    api_fail_buf(rs, &b, &err);
  } else {
    api_ok_buf(rs, &b, TYPE_JSON);
  }
  tly_power_free(pw);
  api_scenario_free(&sc);
}
