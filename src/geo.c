/*
 * geo.c -- the built-in state and county shapes (data/geo_arcs.csv and
 * data/geo_shapes.csv, made by data/mkdata.py from us-atlas 3.0.1, the
 * Census Bureau's 2017 cartographic boundaries): decoding the shared arcs
 * (Google's encoded polyline algorithm) and the TopoJSON arc lists of each
 * shape, and writing them as SVG path data or JSON.
 */
#include "geo.h"

#include "csv.h"
#include "json.h"
#include "scan.h"

#include <string.h>
#include <strings.h>

#define MAX_FIELD ((size_t)64 << 10) /* the longest arc list is ~2 KiB */
#define MAX_FIELDS 16
#define MAX_PATH ((size_t)4 << 20)   /* one shape's path data */

static const char SOURCE[] =
    "us-atlas 3.0.1 (Census Bureau cartographic boundaries)";

/* A ring: refs[at .. at + n) of the shape's arcs. */
typedef struct ring {
  size_t at, n;
} ring;

struct tly_geo {
  const tly_allocator *a;
  tly_geo_layer layer;
  size_t n_arcs, n_points;
  size_t *arc_at;  /* n_arcs + 1 offsets into xy (in points) */
  int32_t *xy;     /* x, y of every point */
  size_t cap_arc_at, cap_xy, cap_ring_at, cap_name_at;
  size_t n, cap;   /* shapes */
  tly_geo_shape *shapes;
  size_t *ring_at; /* n + 1 offsets into rings */
  size_t n_rings, cap_rings;
  ring *rings;
  size_t n_refs, cap_refs;
  int32_t *refs;   /* TopoJSON arc numbers: ~i is arc i reversed */
  size_t names_len, names_cap;
  char *names;     /* every name, NUL-terminated, one after another */
  size_t *name_at; /* n offsets into names (fixed up when loading ends) */
};

/*---- growing arrays ----*/

/* Makes room for `more` items of `size` bytes in *p (count *n, capacity
 * *cap), doubling; false on overflow or out of memory. */
static bool grow(const tly_allocator *a, void **p, size_t *cap, size_t n,
                 size_t more, size_t size)
{
  if (n + more <= *cap)
    return true;
  size_t want = *cap > 0 ? *cap : 64;
  while (want < n + more) {
    if (want > SIZE_MAX / 2)
      return false;
    want *= 2;
  }
  if (want > SIZE_MAX / size)
    return false;
  void *q = tly__realloc(a, *p, *cap * size, want * size);
  if (q == NULL)
    return false;
  *p = q;
  *cap = want;
  return true;
}

/* r = a + b; false on overflow. */
static bool add32(int32_t a, int32_t b, int32_t *r)
{
  return !__builtin_add_overflow(a, b, r);
}

/*---- encoded polylines ----*/

/* Reads one value of Google's encoded polyline algorithm at *s (< end):
 * 5-bit groups, least significant first, each a character 63 + group, with
 * 0x20 set on every group but the last; the result is zigzag-coded (the
 * lowest bit set: a negative number, ~(v >> 1)). False on a character out
 * of range, a value past 30 bits, or the end of the text in a value. */
static bool polyline_value(const char **s, const char *end, int32_t *v)
{
  uint32_t acc = 0;
  int shift = 0;
  for (;;) {
    if (*s >= end || shift > 25)
      return false;
    int ch = (unsigned char)**s;
    (*s)++;
    if (ch < 63 || ch > 126)
      return false;
    uint32_t g = (uint32_t)(ch - 63);
    acc |= (g & 0x1f) << shift;
    shift += 5;
    if ((g & 0x20) == 0)
      break;
  }
  uint32_t half = acc >> 1;
  *v = (acc & 1) != 0 ? (int32_t)~half : (int32_t)half;
  return true;
}

/*---- loading ----*/

static tly_status load_arcs(tly_geo *g, tly_error *err)
{
  static const char *const cols[] = {"arc", "points"};
  int idx[2];
  tly__table t = {0};
  tly_status s = tly__table_open(g->a, "geo_arcs.csv", MAX_FIELD, MAX_FIELDS,
                                 cols, 2, &t, idx, err);
  while (s == TLY_OK) {
    bool eof = false;
    size_t nf = 0;
    s = tly__csv_next(t.c, &t.f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (nf != t.width) {
      s = tly__csv_fail(t.c, NULL, err, TLY_EPARSE,
                        "built-in geo_arcs.csv: row has %zu fields", nf);
      break;
    }
    int64_t k;
    const tly__csv_field *f = &t.f[idx[0]];
    if (tly__scan_i64(f->p, f->n, 0, INT32_MAX, &k) != TLY_OK ||
        (size_t)k != g->n_arcs) {
      s = tly__csv_fail(t.c, f, err, TLY_EPARSE, "arc \"%s\" out of order",
                        f->p);
      break;
    }
    if (!grow(g->a, (void **)&g->arc_at, &g->cap_arc_at, g->n_arcs, 2,
              sizeof *g->arc_at)) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      break;
    }
    g->arc_at[g->n_arcs] = g->n_points;
    f = &t.f[idx[1]];
    const char *p = f->p;
    const char *end = f->p + f->n;
    int32_t x = 0, y = 0;
    size_t n_here = 0;
    while (p < end) {
      int32_t dx, dy;
      if (!polyline_value(&p, end, &dx) || !polyline_value(&p, end, &dy) ||
          !add32(x, dx, &x) || !add32(y, dy, &y)) {
        s = tly__csv_fail(t.c, f, err, TLY_EPARSE,
                          "arc %zu: bad encoded point", g->n_arcs);
        break;
      }
      if (!grow(g->a, (void **)&g->xy, &g->cap_xy, 2 * g->n_points, 2,
                sizeof *g->xy)) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      g->xy[2 * g->n_points] = x;
      g->xy[2 * g->n_points + 1] = y;
      g->n_points++;
      n_here++;
    }
    if (s == TLY_OK && n_here < 2)
      s = tly__csv_fail(t.c, f, err, TLY_EPARSE,
                        "arc %zu has fewer than 2 points", g->n_arcs);
    if (s == TLY_OK) {
      g->n_arcs++;
      g->arc_at[g->n_arcs] = g->n_points;
    }
  }
  tly__csv_free(t.c);
  return s;
}

/* An integer field in [lo, hi] (empty: `dflt`, when allow_empty). */
static bool int_field(const tly__csv_field *f, int64_t lo, int64_t hi,
                      bool allow_empty, int32_t dflt, int32_t *v)
{
  if (f->n == 0) {
    *v = dflt;
    return allow_empty;
  }
  int64_t x;
  if (tly__scan_i64(f->p, f->n, lo, hi, &x) != TLY_OK)
    return false;
  *v = (int32_t)x;
  return true;
}

/* Parses the arc lists of one shape into g's rings and refs and sets its
 * box; false with a message in err on a bad list. */
static tly_status shape_arcs(tly_geo *g, tly__table *t,
                             const tly__csv_field *f, tly_geo_shape *sh,
                             tly_error *err)
{
  const char *p = f->p;
  const char *end = f->p + f->n;
  sh->box[0] = sh->box[1] = INT32_MAX;
  sh->box[2] = sh->box[3] = INT32_MIN;
  while (p <= end) {
    /* One ring: up to ';', ' ' or the end. */
    const char *stop = p;
    while (stop < end && *stop != ';' && *stop != ' ')
      stop++;
    if (stop == p)
      return tly__csv_fail(t->c, f, err, TLY_EPARSE, "empty ring");
    if (!grow(g->a, (void **)&g->rings, &g->cap_rings, g->n_rings, 1,
              sizeof *g->rings))
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    ring *r = &g->rings[g->n_rings++];
    r->at = g->n_refs;
    r->n = 0;
    int32_t ref = 0;
    while (p < stop) {
      int32_t d;
      if (!polyline_value(&p, stop, &d) || !add32(ref, d, &ref))
        return tly__csv_fail(t->c, f, err, TLY_EPARSE, "bad arc list");
      int32_t arc = ref >= 0 ? ref : ~ref;
      if ((size_t)arc >= g->n_arcs)
        return tly__csv_fail(t->c, f, err, TLY_EPARSE,
                             "arc %d does not exist", (int)arc);
      if (!grow(g->a, (void **)&g->refs, &g->cap_refs, g->n_refs, 1,
                sizeof *g->refs))
        return tly__fail(err, TLY_ENOMEM, "out of memory");
      g->refs[g->n_refs++] = ref;
      r->n++;
      for (size_t k = g->arc_at[arc]; k < g->arc_at[arc + 1]; k++) {
        int32_t x = g->xy[2 * k], y = g->xy[2 * k + 1];
        sh->box[0] = x < sh->box[0] ? x : sh->box[0];
        sh->box[1] = y < sh->box[1] ? y : sh->box[1];
        sh->box[2] = x > sh->box[2] ? x : sh->box[2];
        sh->box[3] = y > sh->box[3] ? y : sh->box[3];
      }
    }
    p = stop + 1;
  }
  return TLY_OK;
}

static tly_status load_shapes(tly_geo *g, tly_error *err)
{
  static const char *const cols[] = {"layer", "code",    "state", "name",
                                     "label_x", "label_y", "arcs"};
  enum { C_LAYER, C_CODE, C_STATE, C_NAME, C_LX, C_LY, C_ARCS, N_COLS };
  int idx[N_COLS];
  tly__table t = {0};
  const char *want = g->layer == TLY_GEO_STATES ? "state" : "county";
  tly_status s = tly__table_open(g->a, "geo_shapes.csv", MAX_FIELD,
                                 MAX_FIELDS, cols, N_COLS, &t, idx, err);
  while (s == TLY_OK) {
    bool eof = false;
    size_t nf = 0;
    s = tly__csv_next(t.c, &t.f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (nf != t.width) {
      s = tly__csv_fail(t.c, NULL, err, TLY_EPARSE,
                        "built-in geo_shapes.csv: row has %zu fields", nf);
      break;
    }
    if (strcmp(t.f[idx[C_LAYER]].p, want) != 0)
      continue;
    if (!grow(g->a, (void **)&g->shapes, &g->cap, g->n, 1, sizeof *g->shapes) ||
        !grow(g->a, (void **)&g->ring_at, &g->cap_ring_at, g->n, 2,
              sizeof *g->ring_at) ||
        !grow(g->a, (void **)&g->name_at, &g->cap_name_at, g->n, 1,
              sizeof *g->name_at)) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      break;
    }
    tly_geo_shape *sh = &g->shapes[g->n];
    memset(sh, 0, sizeof *sh);
    const tly__csv_field *code = &t.f[idx[C_CODE]];
    const tly__csv_field *st = &t.f[idx[C_STATE]];
    const tly__csv_field *name = &t.f[idx[C_NAME]];
    if (code->n == 0 || code->n >= sizeof sh->code || st->n != 2) {
      s = tly__csv_fail(t.c, code, err, TLY_EPARSE, "bad code \"%s\" or "
                        "state \"%s\"", code->p, st->p);
      break;
    }
    memcpy(sh->code, code->p, code->n + 1);
    memcpy(sh->state, st->p, st->n + 1);
    g->ring_at[g->n] = g->n_rings;
    s = shape_arcs(g, &t, &t.f[idx[C_ARCS]], sh, err);
    if (s != TLY_OK)
      break;
    int32_t cx = (int32_t)(((int64_t)sh->box[0] + sh->box[2]) / 2);
    int32_t cy = (int32_t)(((int64_t)sh->box[1] + sh->box[3]) / 2);
    if (!int_field(&t.f[idx[C_LX]], 0, TLY_GEO_WIDTH, true, cx,
                   &sh->label[0]) ||
        !int_field(&t.f[idx[C_LY]], 0, TLY_GEO_HEIGHT, true, cy,
                   &sh->label[1])) {
      s = tly__csv_fail(t.c, &t.f[idx[C_LX]], err, TLY_EPARSE,
                        "bad label point");
      break;
    }
    if (!grow(g->a, (void **)&g->names, &g->names_cap, g->names_len,
              name->n + 1, 1)) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      break;
    }
    g->name_at[g->n] = g->names_len;
    memcpy(g->names + g->names_len, name->p, name->n + 1);
    g->names_len += name->n + 1;
    g->n++;
    g->ring_at[g->n] = g->n_rings;
  }
  tly__csv_free(t.c);
  if (s == TLY_OK && g->n == 0)
    s = tly__fail(err, TLY_EPARSE, "built-in geo_shapes.csv has no %s",
                  want);
  if (s == TLY_OK)
    for (size_t i = 0; i < g->n; i++) /* names is final now */
      g->shapes[i].name = g->names + g->name_at[i];
  return s;
}

/*---- public ----*/

tly_status tly_geo_load(tly_geo_layer layer, const tly_allocator *a,
                        tly_geo **out, tly_error *err)
{
  if (out == NULL)
    return tly__fail(err, TLY_EINVAL, "no output");
  *out = NULL;
  if (layer != TLY_GEO_STATES && layer != TLY_GEO_COUNTIES)
    return tly__fail(err, TLY_EINVAL, "unknown map layer %d", (int)layer);
  a = tly__alloc_or_default(a);
  tly_geo *g = tly__calloc(a, 1, sizeof *g);
  if (g == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  g->a = a;
  g->layer = layer;
  tly_status s = load_arcs(g, err);
  if (s == TLY_OK)
    s = load_shapes(g, err);
  if (s != TLY_OK) {
    tly_geo_free(g);
    return s;
  }
  tly__error_clear(err);
  *out = g;
  return TLY_OK;
}

void tly_geo_free(tly_geo *g)
{
  if (g == NULL)
    return;
  const tly_allocator *a = g->a;
  tly__free(a, g->names, g->names_cap);
  tly__free(a, g->refs, g->cap_refs * sizeof *g->refs);
  tly__free(a, g->rings, g->cap_rings * sizeof *g->rings);
  tly__free(a, g->shapes, g->cap * sizeof *g->shapes);
  tly__free(a, g->name_at, g->cap_name_at * sizeof *g->name_at);
  tly__free(a, g->ring_at, g->cap_ring_at * sizeof *g->ring_at);
  tly__free(a, g->xy, g->cap_xy * sizeof *g->xy);
  tly__free(a, g->arc_at, g->cap_arc_at * sizeof *g->arc_at);
  tly__free(a, g, sizeof *g);
}

size_t tly_geo_n(const tly_geo *g)
{
  return g != NULL ? g->n : 0;
}

const tly_geo_shape *tly_geo_shape_at(const tly_geo *g, size_t i)
{
  return g != NULL && i < g->n ? &g->shapes[i] : NULL;
}

int32_t tly_geo_find(const tly_geo *g, const char *code)
{
  if (g == NULL || code == NULL)
    return -1;
  size_t lo = 0, hi = g->n; /* shapes are in code order (mkdata.py) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcasecmp(g->shapes[mid].code, code);
    if (c == 0)
      return (int32_t)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

const char *tly_geo_source(void)
{
  return SOURCE;
}

/*---- path data ----*/

/* Appends v in decimal, preceded by a space unless v is negative (its
 * minus sign separates it) or `first`. */
static void put_int(tly__buf *b, int32_t v, bool first)
{
  char tmp[16];
  size_t n = sizeof tmp;
  uint32_t u = v < 0 ? (uint32_t)0 - (uint32_t)v : (uint32_t)v;
  do {
    tmp[--n] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (v < 0)
    tmp[--n] = '-';
  else if (!first)
    tmp[--n] = ' ';
  (void)tly__buf_add(b, tmp + n, sizeof tmp - n);
}

void tly__geo_path(const tly_geo *g, size_t i, tly__buf *b)
{
  for (size_t r = g->ring_at[i]; r < g->ring_at[i + 1]; r++) {
    const ring *rg = &g->rings[r];
    int32_t px = 0, py = 0;
    bool started = false, any_l = false;
    for (size_t k = 0; k < rg->n; k++) {
      int32_t ref = g->refs[rg->at + k];
      int32_t arc = ref >= 0 ? ref : ~ref;
      size_t lo = g->arc_at[arc], hi = g->arc_at[arc + 1];
      size_t n = hi - lo;
      for (size_t j = 0; j < n; j++) {
        size_t q = ref >= 0 ? lo + j : hi - 1 - j;
        int32_t x = g->xy[2 * q], y = g->xy[2 * q + 1];
        if (!started) {
          (void)tly__buf_adds(b, "M");
          put_int(b, x, true);
          put_int(b, y, false);
          started = true;
        } else if (x != px || y != py) { /* an arc's first point repeats
                                            the previous arc's last */
          if (!any_l)
            (void)tly__buf_adds(b, "l");
          put_int(b, x - px, !any_l);
          put_int(b, y - py, false);
          any_l = true;
        }
        px = x;
        py = y;
      }
    }
    (void)tly__buf_adds(b, "z");
  }
}

tly_status tly_geo_path(const tly_geo *g, size_t i, tly_writer w, void *ud,
                        tly_error *err)
{
  if (g == NULL || w == NULL || i >= g->n)
    return tly__fail(err, TLY_EINVAL, "no shape %zu", i);
  tly__buf b;
  tly__buf_init(&b, g->a, MAX_PATH);
  tly__geo_path(g, i, &b);
  tly_status s = TLY_OK;
  if (b.status != TLY_OK)
    s = tly__fail(err, b.status == TLY_ERANGE ? TLY_ERANGE : TLY_ENOMEM,
                  "out of memory writing a path");
  else if (w(ud, b.p != NULL ? b.p : "", b.len) != 0)
    s = tly__fail(err, TLY_EIO, "the writer failed");
  else
    tly__error_clear(err);
  tly__buf_free(&b);
  return s;
}

tly_status tly_json_geo(const tly_geo *g, tly_writer w, void *ud,
                        tly_error *err)
{
  if (g == NULL || w == NULL)
    return tly__fail(err, TLY_EINVAL, "no shapes or writer");
  json_t *root = json_object();
  json_t *arr = json_array();
  tly__buf b;
  tly__buf_init(&b, g->a, MAX_PATH);
  bool ok = root != NULL && arr != NULL &&
            json_object_set_new(root, "source", json_string(SOURCE)) == 0 &&
            json_object_set_new(root, "licence", json_string("ISC")) == 0 &&
            json_object_set_new(root, "layer",
                                json_string(g->layer == TLY_GEO_STATES
                                                ? "states"
                                                : "counties")) == 0 &&
            json_object_set_new(root, "width",
                                json_integer(TLY_GEO_WIDTH)) == 0 &&
            json_object_set_new(root, "height",
                                json_integer(TLY_GEO_HEIGHT)) == 0 &&
            json_object_set_new(root, "unit", json_string("0.1 px")) == 0;
  for (size_t i = 0; ok && i < g->n; i++) {
    const tly_geo_shape *sh = &g->shapes[i];
    tly__buf_free(&b);
    tly__geo_path(g, i, &b);
    json_t *o = json_object();
    ok = o != NULL && b.status == TLY_OK && json_array_append_new(arr, o) == 0;
    if (!ok) {
      json_decref(o);
      break;
    }
    ok = json_object_set_new(o, "code", json_string(sh->code)) == 0 &&
         json_object_set_new(o, "state", json_string(sh->state)) == 0 &&
         json_object_set_new(o, "name", json_string(sh->name)) == 0 &&
         json_object_set_new(o, "box",
                             json_pack("[iiii]", sh->box[0], sh->box[1],
                                       sh->box[2], sh->box[3])) == 0 &&
         json_object_set_new(o, "label", json_pack("[ii]", sh->label[0],
                                                   sh->label[1])) == 0 &&
         json_object_set_new(o, "path", json_stringn(b.p, b.len)) == 0;
  }
  tly__buf_free(&b);
  if (ok)
    ok = json_object_set_new(root, "shapes", arr) == 0;
  else
    json_decref(arr);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}
