/*
 * county_json.c -- the JSON of a county or district table (county.c): every
 * area's votes by column, total, margin and shares, the source, and the
 * states whose sums differ from the state returns.
 */
#include "json.h"

#include <string.h>

static const char *const KEYS[TLY_AREA_COLS] = {"dem", "rep", "lib", "grn",
                                                "oth"};

/* json_object_set_new that records failure in *ok. */
static void put(json_t *obj, const char *key, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(obj, key, v) != 0)
    *ok = false;
}

static json_t *area_obj(const tly_areas *t, const tly_area *r)
{
  json_t *o = json_object();
  if (o == NULL)
    return NULL;
  bool ok = true;
  put(o, "code", json_string(r->code), &ok);
  put(o, "state", json_string(r->state), &ok);
  put(o, "name", json_string(r->name), &ok);
  json_t *v = json_object();
  put(o, "votes", v, &ok);
  /* A column the table lacks is left out; one the source lacks for this
   * area's state (PA 2020: Green, others) is null, never 0. */
  for (size_t c = 0; ok && c < TLY_AREA_COLS; c++)
    if (tly_areas_candidate(t, c) != NULL)
      put(v, KEYS[c],
          r->votes[c] >= 0 ? json_integer(r->votes[c]) : json_null(), &ok);
  put(o, "total", json_integer(r->total), &ok);
  /* D - R cannot overflow: both are counts in [0, total]. */
  put(o, "margin_dem_minus_rep",
      json_integer(r->votes[TLY_AREA_DEM] - r->votes[TLY_AREA_REP]), &ok);
  put(o, "dem_pct", tly__json_percent(r->votes[TLY_AREA_DEM], r->total, 2),
      &ok);
  put(o, "rep_pct", tly__json_percent(r->votes[TLY_AREA_REP], r->total, 2),
      &ok);
  if (tly_areas_census(t) != 0)
    put(o, "population", r->pop >= 0 ? json_integer(r->pop) : json_null(),
        &ok);
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

tly_status tly_json_areas(const tly_areas *t, const tly_election *e,
                          tly_writer w, void *ud, tly_error *err)
{
  tly_area_diff diffs[64];
  size_t n_diff = 0;
  if (e != NULL) {
    tly_status s = tly_areas_diffs(t, e, diffs, 64, &n_diff, err);
    if (s != TLY_OK)
      return s;
    if (n_diff > 64)
      n_diff = 64; /* at most 51 states: cannot happen */
  }
  json_t *o = json_object();
  if (o == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  bool ok = true;
  put(o, "year", json_integer(tly_areas_year(t)), &ok);
  put(o, "source", json_string(tly_areas_source(t)), &ok);
  put(o, "approximate", json_boolean(tly_areas_approx(t)), &ok);
  if (tly_areas_census(t) != 0)
    put(o, "population_census", json_integer(tly_areas_census(t)), &ok);
  json_t *cands = json_object();
  put(o, "candidates", cands, &ok);
  for (size_t c = 0; ok && c < TLY_AREA_COLS; c++)
    if (tly_areas_candidate(t, c) != NULL)
      put(cands, KEYS[c], json_string(tly_areas_candidate(t, c)), &ok);
  json_t *rows = json_array();
  put(o, "areas", rows, &ok);
  for (size_t i = 0; ok && i < tly_areas_n(t); i++) {
    json_t *a = area_obj(t, tly_areas_row(t, i));
    if (a == NULL || json_array_append_new(rows, a) != 0)
      ok = false;
  }
  if (e != NULL) {
    json_t *d = json_object();
    put(o, "state_differences", d, &ok);
    if (ok) {
      put(d, "state_source", json_string(tly_election_source_name(e)), &ok);
      json_t *arr = json_array();
      put(d, "states", arr, &ok);
      for (size_t i = 0; ok && i < n_diff; i++) {
        json_t *x = json_object();
        if (x == NULL || json_array_append_new(arr, x) != 0) {
          ok = false;
          break;
        }
        put(x, "state", json_string(diffs[i].state), &ok);
        put(x, "areas_dem", json_integer(diffs[i].areas[0]), &ok);
        put(x, "areas_rep", json_integer(diffs[i].areas[1]), &ok);
        put(x, "state_dem", json_integer(diffs[i].state_votes[0]), &ok);
        put(x, "state_rep", json_integer(diffs[i].state_votes[1]), &ok);
      }
    }
  }
  if (!ok) {
    json_decref(o);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(o, w, ud, err);
}
