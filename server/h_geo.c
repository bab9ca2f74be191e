/*
 * h_geo.c -- the shapes of the page's geographic map and its county layer:
 * /api/geo (tly_json_geo: the states or the counties of us-atlas 3.0.1,
 * the Census Bureau's cartographic boundaries) and /api/counties.svg
 * (tly_svg_geo_counties: every county by its margin, the bytes of `tally
 * map YEAR --counties`).
 */
#include "api.h"

#include <jansson.h>
#include <string.h>

void api_h_geo(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {"layer", NULL};
  const char *layer = NULL;
  if (!api_check_keys(p, keys, rs) || api_get_str(p, "layer", &layer, rs) < 0)
    return;
  tly_geo_layer l = TLY_GEO_STATES;
  if (layer != NULL && strcmp(layer, "counties") == 0) {
    l = TLY_GEO_COUNTIES;
  } else if (layer != NULL && strcmp(layer, "states") != 0) {
    fail(rs, 400, "layer \"%.32s\" is not states or counties", layer);
    return;
  }
  tly_geo *g = NULL;
  tly_error err = {0};
  if (tly_geo_load(l, NULL, &g, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    return;
  }
  srv_buf b = {0};
  if (tly_json_geo(g, srv_buf_write, &b, &err) != TLY_OK)
    api_fail_buf(rs, &b, &err);
  else
    api_ok_buf(rs, &b, TYPE_JSON);
  tly_geo_free(g);
}

void api_h_counties_svg(json_t *p, srv_response *rs)
{
  static const char *const keys[] = {"year", "title", NULL};
  long long year = api_latest_year();
  const char *title = NULL;
  if (!api_check_keys(p, keys, rs) ||
      api_get_int(p, "year", 1, 9999, &year, rs) < 0 ||
      api_get_str(p, "title", &title, rs) < 0)
    return;
  tly_areas *t = NULL;
  tly_error err = {0};
  if (tly_areas_counties((int)year, NULL, NULL, &t, &err) != TLY_OK) {
    api_fail_tly(rs, &err);
    return;
  }
  tly_svg_geo_opts so = {.title = title};
  srv_buf b = {0};
  if (tly_svg_geo_counties(t, &so, srv_buf_write, &b, &err) != TLY_OK)
    api_fail_buf(rs, &b, &err);
  else
    api_ok_buf(rs, &b, TYPE_SVG);
  tly_areas_free(t);
}
