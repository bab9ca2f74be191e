/*
 * test_geo.c -- the built-in shapes (src/geo.c) and the geographic maps
 * (src/svg_geo.c): shape counts (us-atlas 3.0.1: 51 states and DC, 3,142
 * counties of which Alaska's 29 boroughs and census areas are one unit),
 * California's bounding box in the atlas's frame, shared borders, the path
 * grammar, the JSON, the county map's size and shapes, a failing writer and
 * out of memory.
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct {
  char *p;
  size_t len;
} str;

static int str_write(void *ud, const char *p, size_t n)
{
  str *s = ud;
  char *q = realloc(s->p, s->len + n + 1);
  if (q == NULL)
    return 1;
  memcpy(q + s->len, p, n);
  s->len += n;
  q[s->len] = '\0';
  s->p = q;
  return 0;
}

static int fail_write(void *ud, const char *p, size_t n)
{
  (void)ud;
  (void)p;
  (void)n;
  return 1;
}

static tly_geo *load(tly_geo_layer layer)
{
  tly_geo *g = NULL;
  tly_error err = {0};
  tly_status s = tly_geo_load(layer, NULL, &g, &err);
  cr_assert_eq(s, TLY_OK, "%s", err.msg);
  return g;
}

static size_t count(const char *hay, const char *needle)
{
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p != NULL;
       p = strstr(p + 1, needle))
    n++;
  return n;
}

/*---- path data: "M x y l dx dy ... z", strictly ----*/

static bool digit(char c)
{
  return c >= '0' && c <= '9';
}

/* Reads an integer at *p (a '-', or a space unless `first`, before it). */
static bool number(const char **p, bool first, long *v)
{
  const char *s = *p;
  if (*s == ' ' && !first)
    s++;
  bool neg = *s == '-';
  if (neg)
    s++;
  if (!digit(*s))
    return false;
  long x = 0;
  while (digit(*s))
    x = x * 10 + (*s++ - '0');
  *v = neg ? -x : x;
  *p = s;
  return true;
}

/* Parses path d into absolute points (pts may be NULL); returns the
 * number of points, or -1 for a syntax error; *rings counts subpaths and
 * *area2 sums twice each ring's absolute area (shoelace). */
static long parse_path_area(const char *d, long (*pts)[2], long cap,
                            long *rings, long long *area2)
{
  long n = 0;
  *rings = 0;
  *area2 = 0;
  const char *p = d;
  while (*p != '\0') {
    long x, y;
    if (*p++ != 'M' || !number(&p, true, &x) || !number(&p, false, &y))
      return -1;
    (*rings)++;
    long x0 = x, y0 = y;
    long long a = 0;
    if (pts != NULL && n < cap) {
      pts[n][0] = x;
      pts[n][1] = y;
    }
    n++;
    if (*p == 'l') {
      p++;
      bool first = true;
      while (*p != 'z') {
        long dx, dy;
        if (!number(&p, first, &dx) || !number(&p, false, &dy))
          return -1;
        first = false;
        a += (long long)x * (y + dy) - (long long)(x + dx) * y;
        x += dx;
        y += dy;
        if (pts != NULL && n < cap) {
          pts[n][0] = x;
          pts[n][1] = y;
        }
        n++;
      }
    }
    if (*p++ != 'z')
      return -1;
    a += (long long)x * y0 - (long long)x0 * y; /* the closing side */
    *area2 += a < 0 ? -a : a;
  }
  return n;
}

static long parse_path(const char *d, long (*pts)[2], long cap, long *rings)
{
  long long area2;
  return parse_path_area(d, pts, cap, rings, &area2);
}

static char *path_of(const tly_geo *g, const char *code)
{
  int32_t i = tly_geo_find(g, code);
  cr_assert_geq(i, 0, "%s", code);
  str s = {0};
  tly_error err = {0};
  cr_assert_eq(tly_geo_path(g, (size_t)i, str_write, &s, &err), TLY_OK);
  return s.p;
}

/*---- the shapes ----*/

Test(geo, states)
{
  tly_geo *g = load(TLY_GEO_STATES);
  cr_assert_eq(tly_geo_n(g), 51); /* us-atlas 3.0.1: 50 states and DC */
  for (size_t i = 1; i < tly_geo_n(g); i++)
    cr_assert_lt(strcmp(tly_geo_shape_at(g, i - 1)->code,
                        tly_geo_shape_at(g, i)->code),
                 0, "in code order");
  int32_t ca = tly_geo_find(g, "ca");
  cr_assert_eq(ca, tly_geo_find(g, "CA"));
  const tly_geo_shape *sh = tly_geo_shape_at(g, (size_t)ca);
  cr_assert_str_eq(sh->name, "California");
  cr_assert_str_eq(sh->state, "CA");
  /* California's box in us-atlas 3.0.1 counties-albers-10m.json (the
   * unsimplified arcs, in tenths of a pixel): 185, 1600, 1628, 4071;
   * simplification may move it by at most a pixel. */
  static const int32_t box[4] = {185, 1600, 1628, 4071};
  for (int k = 0; k < 4; k++)
    cr_assert(abs(sh->box[k] - box[k]) <= 10, "box[%d] = %d, atlas %d", k,
              sh->box[k], box[k]);
  /* Every label point lies in its box, and every box in the frame but
   * Alaska's westernmost Aleutians, at x = -57.66 px in the atlas's own
   * bbox (us-atlas 3.0.1 counties-albers-10m.json). */
  for (size_t i = 0; i < tly_geo_n(g); i++) {
    const tly_geo_shape *s = tly_geo_shape_at(g, i);
    bool ak = strcmp(s->code, "AK") == 0;
    cr_assert(s->label[0] >= s->box[0] && s->label[0] <= s->box[2] &&
                  s->label[1] >= s->box[1] && s->label[1] <= s->box[3],
              "%s", s->code);
    cr_assert((ak || s->box[0] >= 0) && s->box[2] <= TLY_GEO_WIDTH &&
                  s->box[1] >= 0 && s->box[3] <= TLY_GEO_HEIGHT,
              "%s", s->code);
    if (ak)
      cr_assert(abs(s->box[0] - -577) <= 10, "AK x0 %d", s->box[0]);
  }
  cr_assert_eq(tly_geo_find(g, "PR"), -1);
  cr_assert_eq(tly_geo_find(g, NULL), -1);
  cr_assert_null(tly_geo_shape_at(g, 51));
  cr_assert_str_eq(tly_geo_source(),
                   "us-atlas 3.0.1 (Census Bureau cartographic boundaries)");
  tly_geo_free(g);
  tly_geo_free(NULL);
}

Test(geo, counties)
{
  tly_geo *g = load(TLY_GEO_COUNTIES);
  tly_geo *st = load(TLY_GEO_STATES);
  /* us-atlas 3.0.1: 3,142 counties; Alaska's 29 boroughs and census
   * areas are one unit 02000, as in the county returns. */
  cr_assert_eq(tly_geo_n(g), 3142 - 29 + 1);
  size_t n_ak = 0;
  for (size_t i = 0; i < tly_geo_n(g); i++) {
    const tly_geo_shape *s = tly_geo_shape_at(g, i);
    cr_assert_eq(strlen(s->code), 5, "%s", s->code);
    cr_assert_geq(tly_geo_find(st, s->state), 0, "%s", s->code);
    n_ak += strcmp(s->state, "AK") == 0;
  }
  cr_assert_eq(n_ak, 1);
  int32_t ak = tly_geo_find(g, "02000");
  cr_assert_geq(ak, 0);
  cr_assert_eq(tly_geo_find(g, "02020"), -1); /* Anchorage: inside 02000 */
  const tly_geo_shape *la = tly_geo_shape_at(g, (size_t)tly_geo_find(g,
                                                                    "06037"));
  cr_assert_str_eq(la->name, "Los Angeles");
  cr_assert_str_eq(la->state, "CA");
  /* Alaska is drawn as the state is. */
  char *a = path_of(g, "02000");
  char *b = path_of(st, "AK");
  cr_assert_str_eq(a, b);
  free(a);
  free(b);
  tly_geo_free(st);
  tly_geo_free(g);
}

/* Neighbours share their border point for point (arcs were simplified,
 * not polygons): California and Nevada, and two counties. */
static long shared_points(const tly_geo *g, const char *c1, const char *c2)
{
  enum { CAP = 20000 };
  static long p1[CAP][2], p2[CAP][2];
  char *a = path_of(g, c1);
  char *b = path_of(g, c2);
  long r1, r2;
  long n1 = parse_path(a, p1, CAP, &r1);
  long n2 = parse_path(b, p2, CAP, &r2);
  cr_assert(n1 > 0 && n1 < CAP && n2 > 0 && n2 < CAP);
  long shared = 0;
  for (long i = 0; i < n1; i++)
    for (long j = 0; j < n2; j++)
      if (p1[i][0] == p2[j][0] && p1[i][1] == p2[j][1]) {
        shared++;
        break;
      }
  free(a);
  free(b);
  return shared;
}

Test(geo, shared_borders)
{
  tly_geo *g = load(TLY_GEO_STATES);
  cr_assert_geq(shared_points(g, "CA", "NV"), 10);
  cr_assert_eq(shared_points(g, "CA", "NY"), 0);
  tly_geo_free(g);
  g = load(TLY_GEO_COUNTIES);
  cr_assert_geq(shared_points(g, "06037", "06059"), 3); /* LA, Orange */
  tly_geo_free(g);
}

Test(geo, every_path_parses)
{
  for (int layer = 0; layer < 2; layer++) {
    tly_geo *g = load((tly_geo_layer)layer);
    for (size_t i = 0; i < tly_geo_n(g); i++) {
      str s = {0};
      tly_error err = {0};
      cr_assert_eq(tly_geo_path(g, i, str_write, &s, &err), TLY_OK);
      long rings;
      long long area2;
      const char *code = tly_geo_shape_at(g, i)->code;
      long n = parse_path_area(s.p, NULL, 0, &rings, &area2);
      /* No shape collapses in simplification; three Virginia cities
       * (Falls Church, Lexington, Manassas Park) have no area in
       * us-atlas 3.0.1 itself. */
      bool flat = strcmp(code, "51610") == 0 || strcmp(code, "51678") == 0 ||
                  strcmp(code, "51685") == 0;
      cr_assert(n >= 1 && rings >= 1, "%s: %ld points", code, n);
      cr_assert(flat || (n >= 3 && area2 > 0), "%s has no area", code);
      free(s.p);
    }
    tly_error err = {0};
    cr_assert_eq(tly_geo_path(g, tly_geo_n(g), str_write, NULL, &err),
                 TLY_EINVAL);
    cr_assert_eq(tly_geo_path(g, 0, fail_write, NULL, &err), TLY_EIO);
    tly_geo_free(g);
  }
  tly_geo *g = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_geo_load((tly_geo_layer)7, NULL, &g, &err), TLY_EINVAL);
  cr_assert_null(g);
}

Test(geo, json)
{
  tly_geo *g = load(TLY_GEO_STATES);
  str s = {0};
  tly_error err = {0};
  cr_assert_eq(tly_json_geo(g, str_write, &s, &err), TLY_OK);
  json_error_t je;
  json_t *v = json_loads(s.p, 0, &je);
  cr_assert_not_null(v, "%s", je.text);
  cr_assert_str_eq(json_string_value(json_object_get(v, "source")),
                   tly_geo_source());
  cr_assert_str_eq(json_string_value(json_object_get(v, "layer")), "states");
  cr_assert_eq(json_integer_value(json_object_get(v, "width")), 9750);
  json_t *shapes = json_object_get(v, "shapes");
  cr_assert_eq(json_array_size(shapes), 51);
  json_t *ca = json_array_get(shapes, (size_t)tly_geo_find(g, "CA"));
  cr_assert_str_eq(json_string_value(json_object_get(ca, "code")), "CA");
  char *p = path_of(g, "CA");
  cr_assert_str_eq(json_string_value(json_object_get(ca, "path")), p);
  free(p);
  json_decref(v);
  free(s.p);
  cr_assert_eq(tly_json_geo(g, fail_write, NULL, &err), TLY_EIO);
  tly_geo_free(g);
}

/*---- the maps ----*/

Test(geo, map_2016)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  str s = {0};
  cr_assert_eq(tly_svg_geo_map(e, o, NULL, str_write, &s, &err), TLY_OK);
  /* One filled shape per state and DC, with its id. */
  cr_assert_eq(count(s.p, "<path id=\""), 51);
  cr_assert_not_null(strstr(s.p, "<path id=\"CA\" fill=\"#2166ac\""));
  /* National Archives, "2016 Electoral College Results": Trump 306
   * pledged, Clinton 232. */
  cr_assert_not_null(strstr(s.p, "Hillary Clinton (D) 232"));
  cr_assert_not_null(strstr(s.p, "306 Donald Trump (R)"));
  cr_assert_not_null(strstr(s.p, tly_geo_source()));
  cr_assert_not_null(strstr(s.p, "Data: MEDSL"));
  cr_assert_not_null(strstr(s.p, "id=\"districts-ME\""));
  cr_assert_not_null(strstr(s.p, "id=\"districts-NE\""));
  cr_assert_eq(count(s.p, "<svg"), 1);
  cr_assert_not_null(strstr(s.p, "</svg>\n"));
  free(s.p);
  cr_assert_eq(tly_svg_geo_map(e, o, NULL, fail_write, NULL, &err), TLY_EIO);
  cr_assert_eq(tly_svg_geo_map(NULL, o, NULL, str_write, &s, &err),
               TLY_EINVAL);
  tly_outcome_free(o);
  tly_election_free(e);
}

/* e after a what-if given as key, value pairs (tly_whatif_spec). */
static tly_election *redrawn(int year, const char *const *kv, size_t n)
{
  tly_election *in = tu_builtin(year, TLY_SOURCE_MEDSL);
  tly_whatif_spec *sp = NULL;
  tly_election *out = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_whatif_spec_new(NULL, &sp, &err), TLY_OK);
  for (size_t i = 0; i + 1 < n; i += 2)
    cr_assert_eq(tly_whatif_spec_set(sp, kv[i], kv[i + 1], &err), TLY_OK,
                 "%s", err.msg);
  cr_assert_eq(tly_whatif_spec_apply(in, sp, &out, &err), TLY_OK, "%s",
               err.msg);
  tly_whatif_spec_free(sp);
  tly_election_free(in);
  return out;
}

/* The county shapes in the group `<g id="ID"`, up to its end. */
static size_t paths_in(const char *svg, const char *id)
{
  char open[64];
  snprintf(open, sizeof open, "<g id=\"%s\"", id);
  const char *p = strstr(svg, open);
  if (p == NULL)
    return 0;
  const char *end = strstr(p, "</g>");
  size_t n = 0;
  for (const char *q = strstr(p, "<path"); q != NULL && q < end;
       q = strstr(q + 1, "<path"))
    n++;
  return n;
}

Test(geo, map_redrawn)
{
  /* The 2018 Cal 3 initiative (data/redraw_presets.csv): Northern
   * California 40 counties, California 6, Southern California 12; with
   * Los Angeles County (06037) out of the Union too. */
  static const char *const kv[] = {"split", "cal3", "reapportion", "true"};
  tly_election *e = redrawn(2016, kv, 4);
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  str s = {0};
  cr_assert_eq(tly_svg_geo_map(e, o, NULL, str_write, &s, &err), TLY_OK);
  cr_assert_eq(count(s.p, "<path id=\""), 50); /* CA is not drawn whole */
  cr_assert_null(strstr(s.p, "<path id=\"CA\""));
  cr_assert_eq(paths_in(s.p, "redrawn-NCA"), 40);
  cr_assert_eq(paths_in(s.p, "redrawn-CA"), 6);
  cr_assert_eq(paths_in(s.p, "redrawn-SCA"), 12);
  cr_assert_eq(count(s.p, "<mask id=\"ring"), 3);
  cr_assert_not_null(strstr(s.p, "<title>Northern California: 20 electors"));
  cr_assert_not_null(strstr(s.p, "dark outline: a state as the what-if"));
  cr_assert_null(strstr(s.p, "grey, dashed"));
  free(s.p);
  tly_outcome_free(o);
  tly_election_free(e);

  static const char *const kv2[] = {"without", "06037"};
  e = redrawn(2016, kv2, 2);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  s = (str){0};
  cr_assert_eq(tly_svg_geo_map(e, o, NULL, str_write, &s, &err), TLY_OK);
  cr_assert_eq(paths_in(s.p, "redrawn-CA"), 57);
  cr_assert_eq(paths_in(s.p, "out-counties"), 1);
  cr_assert_not_null(strstr(s.p, "<path id=\"c06037\""));
  cr_assert_not_null(strstr(s.p, "grey, dashed: not in the Union"));
  free(s.p);
  tly_outcome_free(o);
  tly_election_free(e);
}

static str county_map(int year)
{
  tly_areas *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_areas_counties(year, NULL, NULL, &t, &err), TLY_OK);
  str s = {0};
  cr_assert_eq(tly_svg_geo_counties(t, NULL, str_write, &s, &err), TLY_OK,
               "%s", err.msg);
  tly_areas_free(t);
  return s;
}

Test(geo, counties_2020)
{
  str s = county_map(2020);
  cr_assert_lt(s.len, 1500000, "%zu bytes", s.len); /* issue 11 */
  cr_assert_eq(count(s.p, "<path id=\"c"), 3114);
  cr_assert_eq(count(s.p, "<path id=\"s"), 0);
  /* MEDSL 2020, Los Angeles County: Biden 3,028,885, Trump 1,145,530 of
   * 4,264,365, a margin of 44.165 points: the class D+30 to D+50. */
  cr_assert_not_null(strstr(
      s.p, "Los Angeles, CA: D+44.2 (Biden 3,028,885, Trump 1,145,530 of "
           "4,264,365)"));
  cr_assert_not_null(strstr(s.p, "<path id=\"c06037\" class=\"k8\""));
  /* Alaska, one unit (MEDSL 02000): Trump 189,951, Biden 153,778. */
  cr_assert_not_null(strstr(s.p, "<path id=\"c02000\" class=\"k3\""));
  /* Kalawao (15005) is counted with Maui in the returns. */
  cr_assert_not_null(strstr(s.p, "<path id=\"c15005\" class=\"kn\""));
  cr_assert_not_null(strstr(s.p, "no returns (1)"));
  cr_assert_not_null(strstr(s.p, tly_geo_source()));
  cr_assert_not_null(strstr(s.p, "Data: MEDSL County Presidential"));
  free(s.p);
}

Test(geo, counties_renamed_and_regions)
{
  /* 2012: Shannon County, SD (46113) is drawn on Oglala Lakota's shape
   * (46102); Bedford city (51515) with Bedford County (51019). */
  str s = county_map(2012);
  cr_assert_eq(count(s.p, "<path id=\"c"), 3114);
  cr_assert_null(strstr(s.p, "<path id=\"c46102\" class=\"kn\""));
  free(s.p);
  /* 2024: Connecticut reports by planning region (tonmcg), which the
   * 2017 shapes lack: the state is one shape, its eight counties gone. */
  s = county_map(2024);
  cr_assert_eq(count(s.p, "<path id=\"c"), 3114 - 8);
  cr_assert_eq(count(s.p, "<path id=\"sCT\""), 1);
  cr_assert_null(strstr(s.p, "id=\"c09001\""));
  cr_assert_not_null(strstr(s.p, "Drawn whole (returns not by these "
                                 "counties): CT"));
  free(s.p);
  tly_error err = {0};
  cr_assert_eq(tly_svg_geo_counties(NULL, NULL, str_write, &s, &err),
               TLY_EINVAL);
}

/*---- out of memory ----*/

typedef struct {
  int which; /* 0 states, 1 counties layer, 2 map, 3 county map, 4 map
                of a redraw */
  const tly_election *e;
  const tly_outcome *o;
  const tly_areas *t;
} oom_case;

static tly_status run(const tly_allocator *a, void *ud)
{
  const oom_case *c = ud;
  tly_error err = {0};
  if (c->which < 2) {
    tly_geo *g = NULL;
    tly_status s = tly_geo_load((tly_geo_layer)c->which, a, &g, &err);
    if (s != TLY_OK)
      cr_assert_null(g);
    tly_geo_free(g);
    return s;
  }
  str s = {0};
  tly_svg_geo_opts so = {.alloc = a};
  tly_status st = c->which != 3
                      ? tly_svg_geo_map(c->e, c->o, &so, str_write, &s, &err)
                      : tly_svg_geo_counties(c->t, &so, str_write, &s, &err);
  if (st != TLY_OK)
    cr_assert_null(s.p, "nothing written on failure");
  free(s.p);
  return st;
}

Test(geo, out_of_memory, .timeout = 600)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_outcome *o = NULL;
  tly_areas *t = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  cr_assert_eq(tly_areas_counties(2016, NULL, NULL, &t, &err), TLY_OK);
  for (int which = 0; which < 4; which++) {
    oom_case c = {which, e, o, t};
    tu_each_failure(run, &c, 400, true);
  }
  /* The map of a redraw loads the county shapes too. */
  static const char *const kv[] = {"move", "greater-idaho", "without",
                                   "06037"};
  tly_election *r = redrawn(2016, kv, 4);
  tly_outcome *ro = NULL;
  cr_assert_eq(tly_college(r, &ro, &err), TLY_OK);
  oom_case c = {4, r, ro, NULL};
  tu_each_failure(run, &c, 400, true);
  tly_outcome_free(ro);
  tly_election_free(r);
  tly_areas_free(t);
  tly_outcome_free(o);
  tly_election_free(e);
}
