/*
 * svg_geo.c -- geographic maps as standalone SVG 1.1 documents (W3C
 * Recommendation, 16 August 2011): the College on the states' shapes, and
 * every county shaded by its margin, on the us-atlas 3.0.1 shapes of
 * geo.c (Census Bureau cartographic boundaries, Albers USA). Margins are
 * compared in exact integers; doubles only place shapes and text.
 */
#include "geo.h"
#include "svg_parts.h"

#include "arith.h"
#include "buf.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#define SVG_MAX ((size_t)8 << 20) /* the county map is about 1 MiB */
#define MAP_W 975 /* the atlas frame, in pixels */
#define MAP_H 610
#define STATES_W 1050 /* the map of the states: the frame and, to its
                         right, the labels of the small states */
#define X0 20.0 /* left margin of the text */

typedef tly__buf sb;

/* Short names for svg_parts.h's (out: printf-style text in the "C"
 * locale, never user text). */
#define out tly__svg_out
#define esc tly__svg_esc
#define finish tly__svg_finish
#define text tly__svg_text
#define fills tly__svg_fills
#define TIE_FILL TLY__SVG_TIE
#define NONE_FILL TLY__SVG_NONE
#define INK_DARK TLY__SVG_DARK
#define INK_LIGHT TLY__SVG_LIGHT

/* Row codes of an earlier county for a shape of the 2017 boundaries:
 * Shannon County, SD (46113) was renamed Oglala Lakota (46102) in 2015;
 * Bedford city, VA (51515) joined Bedford County (51019) in 2013. */
static const char *const renamed[][2] = {{"46113", "46102"},
                                         {"51515", "51019"}};

/* The county shape of a county code of the returns, or -1. */
static int32_t county_shape(const tly_geo *gc, const char *code)
{
  for (size_t k = 0; k < sizeof renamed / sizeof renamed[0]; k++)
    if (strcmp(code, renamed[k][0]) == 0)
      code = renamed[k][1];
  return tly_geo_find(gc, code);
}

/*==== Shared drawing ======================================================*/

/* The XML prologue, the <svg> element, <title>, <desc> and the styles;
 * `css` adds rules. */
static void head(sb *b, int width, double height, const char *title,
                 const char *desc, const char *css)
{
  out(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
         "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
         "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
         "width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\">\n",
      width, height, width, height);
  out(b, "<title>");
  esc(b, title);
  out(b, "</title>\n<desc>");
  esc(b, desc);
  out(b, "</desc>\n");
  out(b, "<defs>\n<style type=\"text/css\"><![CDATA[\n"
         "text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}\n"
         ".t{font-size:20px;font-weight:bold;fill:#111111}\n"
         ".s{font-size:13px;fill:#333333}\n"
         ".l{font-size:12px;fill:#222222}\n"
         ".b{font-size:14px;font-weight:bold}\n"
         ".f{font-size:11px;fill:#555555}\n"
         ".c{font-size:11px;font-weight:bold;text-anchor:middle}\n"
         ".n{font-size:10px;text-anchor:middle}\n"
         ".d{font-size:9px;font-weight:bold;text-anchor:middle}\n"
         "%s"
         "]]></style>\n"
         "<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
         "height=\"6\" patternTransform=\"rotate(45)\">"
         "<rect x=\"0\" y=\"0\" width=\"1.6\" height=\"6\" fill=\"#000000\" "
         "fill-opacity=\"0.17\"/></pattern>\n"
         "<pattern id=\"hatch10\" patternUnits=\"userSpaceOnUse\" "
         "width=\"60\" height=\"60\" patternTransform=\"rotate(45)\">"
         "<rect x=\"0\" y=\"0\" width=\"16\" height=\"60\" "
         "fill=\"#000000\" fill-opacity=\"0.17\"/></pattern>\n"
         "</defs>\n"
         "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%.0f\" "
         "fill=\"#ffffff\"/>\n",
      css, width, height);
}

static void rect(sb *b, double x, double y, double w, double h,
                 const char *fill, bool hatch)
{
  out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
         "fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>\n",
      x, y, w, h, fill);
  if (hatch)
    out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
           "fill=\"url(#hatch)\"/>\n",
        x, y, w, h);
}

/* A shape's path element with attributes `attrs` (may be empty) and a
 * tooltip `tip` (may be NULL). */
static void shape(sb *b, const tly_geo *g, size_t i, const char *attrs,
                  const char *tip)
{
  out(b, "<path%s d=\"", attrs);
  tly__geo_path(g, i, b);
  if (tip == NULL) {
    out(b, "\"/>\n");
    return;
  }
  out(b, "\"><title>");
  esc(b, tip);
  out(b, "</title></path>\n");
}

static const char *title_of(const tly_svg_geo_opts *opts, char *buf,
                            size_t size, int year, const char *suffix)
{
  if (opts != NULL && opts->title != NULL)
    return opts->title;
  tly__snprintf_c(buf, size, "%d presidential election%s", year, suffix);
  return buf;
}

/*==== The College on the map of the states ================================*/

/* How one award (a state or a district) is drawn. */
typedef struct look {
  const char *fill;
  const char *ink;
  bool hatch;
  char mark[4];
  char tip[300];
} look;

/* The look of award i (svg_parts.c); `label` names it in the tooltip
 * (NULL: the state's name, else its code). */
static void award_look(const tly_election *e, const tly_outcome *o, size_t i,
                       const char *label, look *k)
{
  tly__svg_look v;
  tly__svg_award(e, o, i, label, &v, k->tip, sizeof k->tip);
  k->fill = v.fill;
  k->ink = v.ink;
  k->hatch = v.hatch;
  memcpy(k->mark, v.mark, sizeof k->mark);
}

/* The small states of the Northeast, labelled in the ocean to their right
 * at these frame positions (pixels) with a leader line. */
typedef struct callout {
  char code[3];
  int16_t x, y;
} callout;

static const callout callouts[] = {
    {"VT", 995, 135}, {"NH", 995, 160}, {"MA", 995, 185}, {"RI", 995, 210},
    {"CT", 995, 235}, {"NJ", 995, 260}, {"DE", 995, 285}, {"MD", 995, 310},
    {"DC", 995, 335},
};
#define N_CALLOUTS (sizeof callouts / sizeof callouts[0])

static const callout *callout_of(const char *code)
{
  for (size_t i = 0; i < N_CALLOUTS; i++)
    if (strcmp(callouts[i].code, code) == 0)
      return &callouts[i];
  return NULL;
}

/* The bar's box: 22 px high, the names 6 px above it. */
static const tly__svg_bar_layout bar_layout = {22.0, 6.0, 4.0, 16.0};


/* One state of the map: its look, electors, and district looks. */
#define MAX_DIST 5
typedef struct gstate {
  bool present, awarded;
  bool redrawn; /* drawn from its counties (a redraw changed it) */
  int32_t electors;
  look main;
  size_t n_dist;
  look dist[MAX_DIST];
  char dist_label[MAX_DIST][4];
} gstate;

static void build_states(const tly_election *e, const tly_outcome *o,
                         const tly_geo *g, gstate *st)
{
  for (size_t i = 0; i < tly_geo_n(g); i++) {
    const tly_geo_shape *sh = tly_geo_shape_at(g, i);
    gstate *s = &st[i];
    memset(s, 0, sizeof *s);
    int32_t u = tly_election_find_unit(e, sh->code);
    const char *name = tly_state_name(sh->code);
    if (u < 0 || tly_election_unit(e, (size_t)u)->parent >= 0) {
      tly__snprintf_c(s->main.tip, sizeof s->main.tip,
                      "%s: not in this election",
                      name != NULL ? name : sh->code);
      continue;
    }
    s->present = true;
    s->electors = tly_election_unit(e, (size_t)u)->electors;
    s->main.fill = NONE_FILL;
    s->main.ink = INK_DARK;
    tly__snprintf_c(s->main.tip, sizeof s->main.tip,
                    "%s: no electors awarded", name != NULL ? name : sh->code);
  }
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    char code[8];
    tly__snprintf_c(code, sizeof code, "%s", w->code);
    char *dash = strchr(code, '-');
    if (dash != NULL)
      *dash = '\0';
    int32_t k = tly_geo_find(g, code);
    if (k < 0 || !st[k].present)
      continue;
    gstate *s = &st[k];
    if (dash == NULL) {
      award_look(e, o, i, NULL, &s->main);
      s->awarded = true;
    } else if (s->n_dist < MAX_DIST) {
      award_look(e, o, i, NULL, &s->dist[s->n_dist]);
      tly__snprintf_c(s->dist_label[s->n_dist], sizeof s->dist_label[0],
                      "%s", dash + 1);
      s->n_dist++;
    }
  }
}

/*==== States a redraw made, drawn from their counties =====================*/

/* A state a redraw (split, move, merge, counties leaving, admit) made or
 * changed has no shape of its own: it is drawn as the union of its
 * counties' shapes (filled without inner strokes: a stroke of its own
 * colour only hides the seams), with its outline drawn from the same
 * shapes through a mask (the counties stroked wide, less their fills: a
 * ring just outside the union, so two new states that touch show a line
 * between them). The state shapes the redraw changed are not drawn; their
 * counties in no new state are out of the Union (grey, dashed). A state
 * of the redraw whose counties none is listed (Alaska, which moves only
 * whole) is drawn whole, from its one county shape. */
#define OUT_FILL "#e0e0e0"
#define OUT_STROKE "#999999"
#define RING_INK "#222222"
#define MAX_BOXES 8 /* states with no county shape (PR), as boxes */

typedef struct rmap {
  tly_geo *gc;       /* the county shapes; NULL without a redraw */
  size_t n_r;        /* tly_election_n_redrawn(e) */
  int32_t *owner;    /* by county shape: the redrawn state, -1 none, -2
                        out of the Union */
  look *looks;       /* by redrawn state */
  int32_t *electors; /* by redrawn state; -1: not a state of e */
  size_t *n_shapes;  /* by redrawn state: its county shapes */
  double (*label)[4]; /* by redrawn state: its label point (frame px) and
                         its tag's centre (x < 0: none; see separate_labels) */
  size_t n_out, n_unmatched; /* counties out; codes of no shape */
} rmap;

static void rmap_free(rmap *m, const tly_allocator *a)
{
  if (m->gc != NULL) {
    tly__free(a, m->owner, tly_geo_n(m->gc) * sizeof *m->owner);
    tly__free(a, m->looks, m->n_r * sizeof *m->looks);
    tly__free(a, m->electors, m->n_r * sizeof *m->electors);
    tly__free(a, m->n_shapes, m->n_r * sizeof *m->n_shapes);
    tly__free(a, m->label, m->n_r * sizeof *m->label);
  }
  tly_geo_free(m->gc);
  memset(m, 0, sizeof *m);
}

/* Whether the "+"-separated list `from` ("OR+ID") names state `code`. */
static bool from_has(const char *from, const char *code)
{
  size_t n = strlen(code);
  for (const char *p = from; *p != '\0';) {
    const char *q = strchr(p, '+');
    size_t len = q != NULL ? (size_t)(q - p) : strlen(p);
    if (len == n && strncmp(p, code, n) == 0)
      return true;
    if (q == NULL)
      break;
    p = q + 1;
  }
  return false;
}

/* Whether state shape `code` is drawn from its counties: a redrawn state
 * has its code, or took counties from it. */
static bool by_county(const tly_election *e, const char *code)
{
  for (size_t i = 0; i < tly_election_n_redrawn(e); i++) {
    const tly_redrawn *r = tly_election_redrawn(e, i);
    if (from_has(r->from, code) ||
        (strcmp(r->code, code) == 0 && r->from[0] != '\0'))
      return true;
  }
  return false;
}

/* Whether two labels (a code over a number, centred) at these points
 * would overlap. */
#define LABEL_W 34.0
#define LABEL_H 24.0
#define TAG_W 60.0 /* a tag: the code and number in a box of the fill */
static bool labels_clash(const double *p, const double *q)
{
  return fabs(p[0] - q[0]) < LABEL_W && fabs(p[1] - q[1]) < LABEL_H;
}

/* The label where redrawn state j's text stands: its tag, else its label
 * point. */
static const double *label_at(const rmap *m, size_t j)
{
  return m->label[j][2] >= 0 ? &m->label[j][2] : m->label[j];
}

/* A redrawn state whose label would overlap one placed before it (the
 * states with more counties first keep theirs) gets a tag instead: its
 * code and number in a box of its fill, joined to its label point by a
 * line, at the first of a few offsets (below, then above; west first)
 * that stays in the frame and clashes with no other label. When none
 * does, the label stays where it was. */
static void separate_labels(rmap *m)
{
  static const double dx[] = {-40, 0, 40}, dy[] = {34, 50, -34, -50};
  for (size_t i = 0; i < m->n_r; i++)
    m->label[i][2] = -1;
  for (size_t i = 0; i < m->n_r; i++) {
    bool clash = false;
    for (size_t j = 0; j < m->n_r && !clash; j++)
      clash = j != i && m->n_shapes[j] > 0 &&
              (m->n_shapes[j] > m->n_shapes[i] ||
               (m->n_shapes[j] == m->n_shapes[i] && j < i)) &&
              labels_clash(m->label[i], label_at(m, j));
    for (size_t y = 0; clash && y < sizeof dy / sizeof dy[0]; y++)
      for (size_t x = 0; clash && x < sizeof dx / sizeof dx[0]; x++) {
        double q[2] = {m->label[i][0] + dx[x], m->label[i][1] + dy[y]};
        bool free = q[0] - TAG_W / 2 >= 2 &&
                    q[0] + TAG_W / 2 <= MAP_W && q[1] - LABEL_H >= 0 &&
                    q[1] <= MAP_H;
        for (size_t j = 0; j < m->n_r && free; j++)
          free = m->n_shapes[j] == 0 ||
                 !labels_clash(q, j == i ? m->label[j] : label_at(m, j));
        if (free) {
          m->label[i][2] = q[0];
          m->label[i][3] = q[1];
          clash = false;
        }
      }
  }
}


/* Assigns every county shape of the states the redraw changed to its new
 * state, or out of the Union; the looks, electors and label points of
 * the new states. TLY_ENOMEM; the caller frees m on any return. */
static tly_status rmap_build(const tly_election *e, const tly_outcome *o,
                             const tly_geo *gs, gstate *st,
                             const tly_allocator *a, rmap *m)
{
  memset(m, 0, sizeof *m);
  size_t n_r = tly_election_n_redrawn(e);
  if (n_r == 0)
    return TLY_OK;
  tly_geo *gc = NULL;
  tly_status s = tly_geo_load(TLY_GEO_COUNTIES, a, &gc, NULL);
  if (s != TLY_OK)
    return s;
  m->gc = gc;
  m->n_r = n_r;
  size_t nc = tly_geo_n(gc);
  m->owner = tly__calloc(a, nc, sizeof *m->owner);
  m->looks = tly__calloc(a, n_r, sizeof *m->looks);
  m->electors = tly__calloc(a, n_r, sizeof *m->electors);
  m->n_shapes = tly__calloc(a, n_r, sizeof *m->n_shapes);
  m->label = tly__calloc(a, n_r, sizeof *m->label);
  if (m->owner == NULL || m->looks == NULL || m->electors == NULL ||
      m->n_shapes == NULL || m->label == NULL)
    return TLY_ENOMEM;
  for (size_t c = 0; c < nc; c++)
    m->owner[c] = -1;
  for (size_t i = 0; i < n_r; i++) {
    const tly_redrawn *r = tly_election_redrawn(e, i);
    for (size_t k = 0; k < r->n_counties; k++) {
      int32_t c = county_shape(gc, tly_election_redrawn_county(e, i, k));
      if (c < 0)
        m->n_unmatched++; /* Connecticut's planning regions of 2024 */
      else
        m->owner[c] = (int32_t)i;
    }
  }
  for (size_t g = 0; g < tly_geo_n(gs); g++)
    st[g].redrawn = by_county(e, tly_geo_shape_at(gs, g)->code);
  /* The counties of a changed state: out of the Union when in no new
   * state, unless none of the state's counties is listed (drawn whole). */
  for (size_t g = 0; g < tly_geo_n(gs); g++) {
    if (!st[g].redrawn)
      continue;
    const char *code = tly_geo_shape_at(gs, g)->code;
    bool listed = false;
    for (size_t c = 0; c < nc && !listed; c++)
      listed = m->owner[c] >= 0 &&
               strcmp(tly_geo_shape_at(gc, c)->state, code) == 0;
    int32_t whole = -1;
    for (size_t i = 0; i < n_r && whole < 0 && !listed; i++)
      if (from_has(tly_election_redrawn(e, i)->from, code))
        whole = (int32_t)i;
    for (size_t c = 0; c < nc; c++) {
      if (m->owner[c] >= 0 ||
          strcmp(tly_geo_shape_at(gc, c)->state, code) != 0)
        continue;
      m->owner[c] = listed ? -2 : whole;
      m->n_out += m->owner[c] == -2;
    }
  }
  /* Looks and electors from e and o. */
  for (size_t i = 0; i < n_r; i++) {
    const tly_redrawn *r = tly_election_redrawn(e, i);
    int32_t u = tly_election_find_unit(e, r->code);
    m->electors[i] = u >= 0 ? tly_election_unit(e, (size_t)u)->electors : -1;
    look *k = &m->looks[i];
    k->fill = NONE_FILL;
    k->ink = INK_DARK;
    tly__snprintf_c(k->tip, sizeof k->tip, "%s: no electors awarded",
                    r->name);
    for (size_t w = 0; w < tly_outcome_n_awards(o); w++)
      if (strcmp(tly_outcome_award(o, w)->code, r->code) == 0)
        award_look(e, o, w, r->name, k);
  }
  /* A label point inside each new state: the box centre of its county
   * nearest the mean of its counties' box centres weighted by box area. */
  for (size_t i = 0; i < n_r; i++) {
    double sx = 0, sy = 0, sw = 0;
    for (size_t c = 0; c < nc; c++) {
      if (m->owner[c] != (int32_t)i)
        continue;
      const int32_t *bx = tly_geo_shape_at(gc, c)->box;
      double w = (double)(bx[2] - bx[0]) * (double)(bx[3] - bx[1]) + 1;
      sx += w * (bx[0] + bx[2]) / 2.0;
      sy += w * (bx[1] + bx[3]) / 2.0;
      sw += w;
      m->n_shapes[i]++;
    }
    double best = -1;
    for (size_t c = 0; c < nc && sw > 0; c++) {
      if (m->owner[c] != (int32_t)i)
        continue;
      const int32_t *lp = tly_geo_shape_at(gc, c)->label;
      double dx = lp[0] - sx / sw, dy = lp[1] - sy / sw;
      if (best < 0 || dx * dx + dy * dy < best) {
        best = dx * dx + dy * dy;
        m->label[i][0] = lp[0] / 10.0;
        m->label[i][1] = lp[1] / 10.0;
      }
    }
  }
  separate_labels(m);
  return TLY_OK;
}

/* The county shapes of redrawn state i (or, i = -2, out of the Union). */
static void owned(sb *b, const rmap *m, int32_t i)
{
  for (size_t c = 0; c < tly_geo_n(m->gc); c++)
    if (m->owner[c] == i)
      shape(b, m->gc, c, "", NULL);
}

/* The new states and the counties out of the Union, in a group under the
 * same transform as the states. */
static void draw_redrawn(sb *b, const tly_election *e, const rmap *m,
                         double y0)
{
  if (m->gc == NULL)
    return;
  out(b, "<g id=\"redrawn\" transform=\"translate(0 %.0f) scale(0.1)\" "
         "fill-rule=\"evenodd\" stroke-linejoin=\"round\">\n",
      y0);
  if (m->n_out > 0) {
    out(b, "<g id=\"out-counties\" fill=\"" OUT_FILL "\" stroke=\""
           OUT_STROKE "\" stroke-width=\"4\" stroke-dasharray=\"20,15\">\n");
    char tip[160], attrs[24];
    for (size_t c = 0; c < tly_geo_n(m->gc); c++) {
      if (m->owner[c] != -2)
        continue;
      const tly_geo_shape *sh = tly_geo_shape_at(m->gc, c);
      tly__snprintf_c(tip, sizeof tip, "%s, %s: not in the Union", sh->name,
                      sh->state);
      tly__snprintf_c(attrs, sizeof attrs, " id=\"c%s\"", sh->code);
      shape(b, m->gc, c, attrs, tip);
    }
    out(b, "</g>\n");
  }
  for (size_t i = 0; i < m->n_r; i++) {
    if (m->n_shapes[i] == 0)
      continue;
    const look *k = &m->looks[i];
    out(b, "<g id=\"redrawn-");
    esc(b, tly_election_redrawn(e, i)->code);
    out(b, "\" fill=\"%s\" stroke=\"%s\" stroke-width=\"8\">\n<title>",
        k->fill, k->fill);
    esc(b, k->tip);
    out(b, "</title>\n");
    owned(b, m, (int32_t)i);
    out(b, "</g>\n");
  }
  out(b, "<g fill=\"url(#hatch10)\" stroke=\"none\">\n");
  for (size_t i = 0; i < m->n_r; i++)
    if (m->n_shapes[i] > 0 && m->looks[i].hatch)
      owned(b, m, (int32_t)i);
  out(b, "</g>\n");
  /* The outlines: a mask of the counties stroked 1.6 px wide less their
   * fills (stroked 0.3 px, so no seam between counties shows) leaves a
   * ring of about 0.65 px outside the state. */
  for (size_t i = 0; i < m->n_r; i++) {
    if (m->n_shapes[i] == 0)
      continue;
    out(b, "<mask id=\"ring%zu\" maskUnits=\"userSpaceOnUse\" x=\"-1000\" "
           "y=\"-1000\" width=\"12000\" height=\"8200\">\n"
           "<g fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"16\">\n",
        i);
    owned(b, m, (int32_t)i);
    out(b, "</g>\n<g fill=\"#000000\" stroke=\"#000000\" "
           "stroke-width=\"3\">\n");
    owned(b, m, (int32_t)i);
    out(b, "</g>\n</mask>\n"
           "<rect x=\"-1000\" y=\"-1000\" width=\"12000\" height=\"8200\" "
           "fill=\"" RING_INK "\" mask=\"url(#ring%zu)\"/>\n",
        i);
  }
  out(b, "</g>\n");
}

/* The labels of the new states: code, electors and winner's letter at
 * the label point (or DC's callout); a state with no county shape (PR) a
 * box in the column of callouts, under DC's. */
static void redrawn_labels(sb *b, const tly_election *e, const rmap *m,
                           double y0)
{
  size_t n_boxes = 0;
  for (size_t i = 0; i < m->n_r; i++) {
    const tly_redrawn *r = tly_election_redrawn(e, i);
    const look *k = &m->looks[i];
    if (m->electors[i] < 0)
      continue;
    char line[32];
    tly__snprintf_c(line, sizeof line, "%d%s%s", m->electors[i],
                    k->mark[0] != '\0' ? " " : "", k->mark);
    const callout *c = callout_of(r->code);
    if (m->n_shapes[i] > 0 && c == NULL && m->label[i][2] >= 0) {
      double tx = m->label[i][2], ty = y0 + m->label[i][3];
      out(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
             "stroke=\"" RING_INK "\" stroke-width=\"0.8\"/>\n",
          m->label[i][0], y0 + m->label[i][1], tx, ty - 7);
      out(b, "<g id=\"tag-");
      esc(b, r->code);
      out(b, "\">\n<title>");
      esc(b, k->tip);
      out(b, "</title>\n");
      rect(b, tx - TAG_W / 2, ty - 15, TAG_W, 17, k->fill, k->hatch);
      out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"17\" "
             "fill=\"none\" stroke=\"" RING_INK "\" stroke-width=\"0.8\"/>\n",
          tx - TAG_W / 2, ty - 15, TAG_W);
      char tag[48];
      tly__snprintf_c(tag, sizeof tag, "%s %s", r->code, line);
      text(b, tx, ty - 2, "n", k->ink, NULL, tag);
      out(b, "</g>\n");
      continue;
    }
    if (m->n_shapes[i] > 0 && c == NULL) {
      double lx = m->label[i][0], ly = y0 + m->label[i][1];
      text(b, lx, ly - 1, "c", k->ink, NULL, r->code);
      text(b, lx, ly + 10, "n", k->ink, NULL, line);
      continue;
    }
    if (c == NULL && n_boxes == MAX_BOXES)
      continue;
    double cx = c != NULL ? c->x : 995;
    double cy = y0 + (c != NULL ? c->y : 360 + 25 * (double)n_boxes++);
    if (c != NULL && m->n_shapes[i] > 0)
      out(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
             "stroke=\"#888888\" stroke-width=\"0.7\"/>\n",
          m->label[i][0], y0 + m->label[i][1], cx - 16, cy - 4);
    out(b, "<g id=\"box-");
    esc(b, r->code);
    out(b, "\">\n<title>");
    esc(b, k->tip);
    out(b, "</title>\n");
    rect(b, cx - 16, cy - 11, 32, 14, k->fill, k->hatch);
    text(b, cx, cy, "d", k->ink, NULL, r->code);
    text(b, cx + 18, cy, "n", "#222222", "start", line);
    out(b, "</g>\n");
  }
}

/* The label of state i: code and electors at its label point, or at its
 * callout with a leader line. */
static void state_label(sb *b, const tly_geo *g, size_t i, const gstate *s,
                        double y0)
{
  const tly_geo_shape *sh = tly_geo_shape_at(g, i);
  double lx = sh->label[0] / 10.0, ly = y0 + sh->label[1] / 10.0;
  char line[32];
  if (s->present)
    tly__snprintf_c(line, sizeof line, "%d%s%s", s->electors,
                    s->main.mark[0] != '\0' ? " " : "", s->main.mark);
  else
    tly__snprintf_c(line, sizeof line, "out");
  const callout *c = callout_of(sh->code);
  if (c != NULL) {
    double cx = c->x, cy = y0 + c->y;
    out(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
           "stroke=\"#888888\" stroke-width=\"0.7\"/>\n",
        lx, ly, cx - 14, cy - 4);
    rect(b, cx - 14, cy - 11, 28, 14, s->present ? s->main.fill : "#ffffff",
         s->main.hatch);
    text(b, cx, cy, "d", s->present ? s->main.ink : "#999999", NULL,
         sh->code);
    text(b, cx + 16, cy, "n", "#222222", "start", line);
    return;
  }
  const char *ink = s->present ? s->main.ink : "#999999";
  text(b, lx, ly - 1, "c", ink, NULL, sh->code);
  text(b, lx, ly + 10, "n", ink, NULL, line);
}

/* Maine's and Nebraska's districts: a row of small squares, each filled
 * as its district's award with its number and winner's letter, to the
 * right of Maine and under Nebraska's label. */
static void districts(sb *b, const tly_geo *g, size_t i, const gstate *s,
                      double y0)
{
  if (s->n_dist == 0)
    return;
  const tly_geo_shape *sh = tly_geo_shape_at(g, i);
  double side = 15, x, y;
  bool column = strcmp(sh->code, "ME") == 0;
  if (column) {
    x = sh->box[2] / 10.0 + 4;
    y = y0 + sh->label[1] / 10.0 - side * (double)s->n_dist / 2;
  } else {
    x = sh->label[0] / 10.0 - side * (double)s->n_dist / 2;
    y = y0 + sh->label[1] / 10.0 + 14;
  }
  out(b, "<g id=\"districts-%s\">\n", sh->code);
  for (size_t k = 0; k < s->n_dist; k++) {
    double dx = column ? x : x + side * (double)k;
    double dy = column ? y + side * (double)k : y;
    out(b, "<g>\n<title>");
    esc(b, s->dist[k].tip);
    out(b, "</title>\n");
    rect(b, dx, dy, side, side, s->dist[k].fill, s->dist[k].hatch);
    char lab[8];
    tly__snprintf_c(lab, sizeof lab, "%s%s", s->dist_label[k],
                    s->dist[k].mark);
    text(b, dx + side / 2, dy + side - 4, "d", s->dist[k].ink, NULL, lab);
    out(b, "</g>\n");
  }
  out(b, "</g>\n");
}

static tly_status geo_map(const tly_election *e, const tly_outcome *o,
                          const tly_geo *g, const tly_svg_geo_opts *opts,
                          sb *b)
{
  size_t n = tly_geo_n(g);
  gstate *st = tly__calloc(b->a, n, sizeof *st);
  if (st == NULL)
    return TLY_ENOMEM;
  build_states(e, o, g, st);
  rmap rm;
  if (rmap_build(e, o, g, st, b->a, &rm) != TLY_OK) {
    rmap_free(&rm, b->a);
    tly__free(b->a, st, n * sizeof *st);
    return TLY_ENOMEM;
  }
  bool any_redrawn = false;
  for (size_t i = 0; i < rm.n_r; i++)
    any_redrawn = any_redrawn || rm.n_shapes[i] > 0;
  char tbuf[128], line[256], sub[512];
  const char *title = title_of(opts, tbuf, sizeof tbuf,
                               tly_election_year(e), "");
  const char *note = opts != NULL ? opts->note : NULL;
  double y_bar = note != NULL ? 108 : 92;
  double y_map = y_bar + bar_layout.h + 30;
  double height = y_map + MAP_H + 84 + (any_redrawn ? 16 : 0);
  tly__svg_winner_line(e, o, line, sizeof line);
  tly__snprintf_c(sub, sizeof sub, "%s. Source: %s; shapes: %s. %s.", title,
                  tly_election_source_name(e), tly_geo_source(), line);
  head(b, STATES_W, height, title, sub, "");
  text(b, X0, 32, "t", NULL, NULL, title);
  tly__snprintf_c(sub, sizeof sub, "Source: %s \xc2\xb7 %s",
                  tly_election_source_name(e), line);
  text(b, X0, 52, "s", NULL, NULL, sub);
  if (note != NULL)
    text(b, X0, 70, "s", NULL, NULL, note);
  tly__svg_bar(b, e, o, X0, y_bar, STATES_W - 2 * X0, &bar_layout);

  out(b, "<g id=\"states\" transform=\"translate(0 %.0f) scale(0.1)\" "
         "fill-rule=\"evenodd\" stroke=\"#ffffff\" stroke-width=\"8\" "
         "stroke-linejoin=\"round\">\n",
      y_map);
  for (size_t i = 0; i < n; i++) {
    const gstate *s = &st[i];
    char attrs[160];
    if (s->redrawn)
      continue; /* drawn from its counties (draw_redrawn) */
    if (!s->present)
      tly__snprintf_c(attrs, sizeof attrs,
                      " id=\"%s\" fill=\"" OUT_FILL "\" stroke=\""
                      OUT_STROKE "\" stroke-dasharray=\"40,30\"",
                      tly_geo_shape_at(g, i)->code);
    else
      tly__snprintf_c(attrs, sizeof attrs, " id=\"%s\" fill=\"%s\"",
                      tly_geo_shape_at(g, i)->code, s->main.fill);
    shape(b, g, i, attrs, s->main.tip);
  }
  /* The hatching of Republican states, over the fills (a pattern ten
   * times as large: this group is scaled by 0.1). */
  out(b, "<g fill=\"url(#hatch10)\" stroke=\"none\">\n");
  for (size_t i = 0; i < n; i++)
    if (st[i].present && !st[i].redrawn && st[i].main.hatch)
      shape(b, g, i, "", NULL);
  out(b, "</g>\n</g>\n");
  draw_redrawn(b, e, &rm, y_map);
  out(b, "<g id=\"labels\">\n");
  for (size_t i = 0; i < n; i++)
    if (!st[i].redrawn)
      state_label(b, g, i, &st[i], y_map);
  for (size_t i = 0; i < n; i++)
    if (!st[i].redrawn)
      districts(b, g, i, &st[i], y_map);
  if (rm.gc != NULL)
    redrawn_labels(b, e, &rm, y_map);
  out(b, "</g>\n");

  /* The legend, under the map. */
  double ly = y_map + MAP_H - 4;
  out(b, "<g id=\"legend\">\n");
  text(b, X0, ly + 12, "l", NULL, NULL, "Margin in points:");
  static const char *const bins[3] = {"under 5", "5 to 15", "15+"};
  for (int s = 0; s < 3; s++)
    text(b, X0 + 260 + 44 * s + 20, ly + 12, "n", "#222222", NULL, bins[s]);
  double rx = X0 + 120;
  for (int side = 0; side < 2; side++) {
    int32_t c = tly__svg_nominee(e, o, side);
    if (c < 0)
      continue;
    double ry = ly + 16 + 18 * side;
    text(b, rx, ry + 11, "l", NULL, NULL,
         tly_election_candidate(e, (size_t)c)->name);
    for (int s = 0; s < 3; s++) {
      rect(b, X0 + 260 + 44 * s + 6, ry, 28, 14, fills[side][s], side == 1);
      char m[2] = {tly__svg_letter(e, c), '\0'};
      text(b, X0 + 260 + 44 * s + 20, ry + 11, "d",
           s == 2 ? INK_LIGHT : INK_DARK, NULL, m);
    }
  }
  text(b, X0 + 420, ly + 27, "f", NULL, NULL,
       "Number: the state's electors and its winner's letter.");
  text(b, X0 + 420, ly + 43, "f", NULL, NULL,
       "Maine and Nebraska: the state by its at-large winner; squares: its "
       "districts.");
  bool absent = rm.n_out > 0;
  for (size_t i = 0; i < n; i++)
    absent = absent || (!st[i].present && !st[i].redrawn);
  if (absent) {
    out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" height=\"12\" "
           "fill=\"" OUT_FILL "\" stroke=\"" OUT_STROKE "\" "
           "stroke-dasharray=\"4,3\"/>\n",
        X0 + 420, ly + 50);
    text(b, X0 + 450, ly + 60, "f", NULL, NULL,
         "grey, dashed: not in the Union (left in the what-if, or not in "
         "this election)");
  }
  if (any_redrawn) {
    out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" height=\"12\" "
           "fill=\"#ffffff\" stroke=\"" RING_INK "\" "
           "stroke-width=\"1.6\"/>\n",
        X0 + 420, ly + 66);
    tly__snprintf_c(sub, sizeof sub,
                    "dark outline: a state as the what-if redrew it, drawn "
                    "from its counties' shapes%s",
                    rm.n_unmatched > 0 ? " (some counties have no shape)"
                                       : "");
    text(b, X0 + 450, ly + 76, "f", NULL, NULL, sub);
  }
  out(b, "</g>\n");
  tly__snprintf_c(sub, sizeof sub,
                  "Data: %s. Shapes: %s; Albers USA, Alaska and Hawaii "
                  "moved and not to scale. Made with tally.",
                  tly_election_source_name(e), tly_geo_source());
  text(b, X0, height - 8, "f", NULL, NULL, sub);
  out(b, "</svg>\n");
  rmap_free(&rm, b->a);
  tly__free(b->a, st, n * sizeof *st);
  return TLY_OK;
}

tly_status tly_svg_geo_map(const tly_election *e, const tly_outcome *o,
                           const tly_svg_geo_opts *opts, tly_writer w,
                           void *ud, tly_error *err)
{
  if (e == NULL || o == NULL || w == NULL)
    return tly__fail(err, TLY_EINVAL, "no election, outcome or writer");
  const tly_allocator *a =
      tly__alloc_or_default(opts != NULL ? opts->alloc : NULL);
  tly_geo *g = NULL;
  tly_status s = tly_geo_load(TLY_GEO_STATES, a, &g, err);
  if (s != TLY_OK)
    return s;
  sb b;
  tly__buf_init(&b, a, SVG_MAX);
  s = geo_map(e, o, g, opts, &b);
  tly_geo_free(g);
  if (s != TLY_OK) {
    tly__buf_free(&b);
    return tly__fail(err, s, "out of memory");
  }
  return finish(&b, w, ud, err);
}

/*==== Every county by its margin ==========================================*/

/* Ten classes of the margin D - R in points, Republican to Democratic:
 * 50+, 30-50, 15-30, 5-15, 0-5 each side (a bound belongs to the wider
 * margin: exactly 5 points is "5-15"); ColorBrewer RdBu, 10 classes
 * (Cynthia Brewer, colorbrewer2.org: diverging and colour-blind safe). */
#define N_BINS 10
static const char *const bin_fill[N_BINS] = {
    "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7",
    "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"};
static const int bin_edge[4] = {5, 15, 30, 50};
static const char *const bin_label[N_BINS] = {
    "", "R+50", "R+30", "R+15", "R+5", "0", "D+5", "D+15", "D+30", "D+50"};

/* The class of d Democratic and r Republican votes of `total`: exact
 * comparisons 100 |d - r| >= edge * total; a tie is -1 (drawn grey), and
 * so is a count that would overflow (impossible with real returns). */
static int bin_of(int64_t d, int64_t r, int64_t total)
{
  int64_t diff, l;
  if (total <= 0 || !tly__sub_i64(d, r, &diff) || diff == 0)
    return -1;
  int64_t mag = diff < 0 ? -diff : diff;
  if (!tly__mul_i64(mag, 100, &l))
    return -1;
  int k = 0;
  for (int j = 0; j < 4; j++) {
    int64_t rhs;
    if (!tly__mul_i64(total, bin_edge[j], &rhs))
      return -1;
    if (l >= rhs)
      k = j + 1;
  }
  return diff > 0 ? 5 + k : 4 - k;
}


typedef struct acc {
  int64_t d, r, total;
  bool has;
} acc;

static bool acc_add(acc *x, const tly_area *a)
{
  int64_t d = a->votes[TLY_AREA_DEM], r = a->votes[TLY_AREA_REP];
  if (d < 0 || r < 0)
    return false;
  x->has = true;
  return tly__add_i64(x->d, d, &x->d) && tly__add_i64(x->r, r, &x->r) &&
         tly__add_i64(x->total, a->total, &x->total);
}

/* The tooltip of a shaded unit: "Los Angeles, CA: D+44.5 (Biden 3,028,885,
 * Trump 1,145,530 of 4,264,365)". */
static void area_tip(char *tip, size_t size, const char *label,
                     const acc *x, const char *cd, const char *cr)
{
  char b1[32], b2[32], b3[32], b4[32];
  if (!x->has) {
    tly__snprintf_c(tip, size, "%s: no returns in the source", label);
    return;
  }
  int64_t diff = x->d - x->r; /* cannot overflow: both checked sums >= 0 */
  tly__snprintf_c(tip, size, "%s: %s+%s (%s %s, %s %s of %s)", label,
                  diff >= 0 ? "D" : "R",
                  tly_format_percent(diff >= 0 ? diff : -diff, x->total, 1,
                                     b1, sizeof b1),
                  cd, tly_format_count(x->d, b2, sizeof b2), cr,
                  tly_format_count(x->r, b3, sizeof b3),
                  tly_format_count(x->total, b4, sizeof b4));
}

/* The last word of a candidate's name ("Biden"), for tooltips. */
static const char *surname(const char *name)
{
  if (name == NULL)
    return "?";
  const char *sp = strrchr(name, ' ');
  return sp != NULL ? sp + 1 : name;
}

typedef struct cmap {
  const tly_areas *t;
  const tly_geo *gc, *gs;
  acc *county, *state;
  bool *whole; /* by state shape: drawn as one unit */
  size_t n_missing, n_no_county, n_whole;
} cmap;

/* Sums the rows of t into county and state accumulators; a state with a
 * row that matches no county shape is drawn whole. */
static tly_status gather(cmap *m)
{
  for (size_t i = 0; i < tly_areas_n(m->t); i++) {
    const tly_area *a = tly_areas_row(m->t, i);
    int32_t s = tly_geo_find(m->gs, a->state);
    if (s < 0)
      continue; /* not a state of the map */
    size_t len = strlen(a->code);
    bool no_county = len == 5 && strcmp(a->code + 2, "000") == 0 &&
                     strcmp(a->code, "02000") != 0;
    if (no_county) {
      m->n_no_county++;
      continue;
    }
    if (!acc_add(&m->state[s], a))
      return TLY_EOVERFLOW;
    int32_t c = county_shape(m->gc, a->code);
    if (c < 0) {
      m->whole[s] = true;
      continue;
    }
    if (!acc_add(&m->county[c], a))
      return TLY_EOVERFLOW;
  }
  return TLY_OK;
}

static void bin_attr(char *attrs, size_t size, const char *id,
                     const acc *x)
{
  int k = x->has ? bin_of(x->d, x->r, x->total) : -2;
  if (k >= 0)
    tly__snprintf_c(attrs, size, " id=\"%s\" class=\"k%d\"", id, k);
  else
    tly__snprintf_c(attrs, size, " id=\"%s\" class=\"%s\"", id,
                    k == -1 ? "kt" : "kn");
}

static tly_status county_map(cmap *m, const tly_svg_geo_opts *opts, sb *b)
{
  const tly_areas *t = m->t;
  const char *cd = surname(tly_areas_candidate(t, TLY_AREA_DEM));
  const char *cr = surname(tly_areas_candidate(t, TLY_AREA_REP));
  char tbuf[128], sub[600], tip[300], attrs[64];
  const char *title = title_of(opts, tbuf, sizeof tbuf, tly_areas_year(t),
                               " by county");
  const char *note = opts != NULL ? opts->note : NULL;
  double y_map = note != NULL ? 84 : 66;
  double height = y_map + MAP_H + 100;

  size_t n_whole = 0;
  for (size_t s = 0; s < tly_geo_n(m->gs); s++)
    n_whole += m->whole[s] ? 1 : 0;
  for (size_t c = 0; c < tly_geo_n(m->gc); c++) {
    int32_t s = tly_geo_find(m->gs, tly_geo_shape_at(m->gc, c)->state);
    if ((s < 0 || !m->whole[s]) && !m->county[c].has)
      m->n_missing++;
  }
  tly__snprintf_c(sub, sizeof sub,
                  "%s. Each county shaded by the margin of %s (D) over %s "
                  "(R) in points. Source: %s; shapes: %s.",
                  title, tly_areas_candidate(t, TLY_AREA_DEM),
                  tly_areas_candidate(t, TLY_AREA_REP), tly_areas_source(t),
                  tly_geo_source());
  char css[700];
  size_t used = 0;
  for (int k = 0; k < N_BINS && used < sizeof css; k++) {
    int n = tly__snprintf_c(css + used, sizeof css - used, ".k%d{fill:%s}\n",
                            k, bin_fill[k]);
    used += n > 0 ? (size_t)n : 0;
  }
  if (used < sizeof css)
    tly__snprintf_c(css + used, sizeof css - used,
                    ".kt{fill:" TIE_FILL "}\n.kn{fill:#ffffff}\n");
  head(b, MAP_W, height, title, sub, css);
  text(b, X0, 32, "t", NULL, NULL, title);
  tly__snprintf_c(sub, sizeof sub,
                  "Margin of %s (D) over %s (R), in points of all votes",
                  tly_areas_candidate(t, TLY_AREA_DEM),
                  tly_areas_candidate(t, TLY_AREA_REP));
  text(b, X0, 52, "s", NULL, NULL, sub);
  if (note != NULL)
    text(b, X0, 70, "s", NULL, NULL, note);

  out(b, "<g id=\"counties\" transform=\"translate(0 %.0f) scale(0.1)\" "
         "fill-rule=\"evenodd\" stroke=\"#ffffff\" stroke-width=\"1.5\" "
         "stroke-linejoin=\"round\">\n",
      y_map);
  for (size_t c = 0; c < tly_geo_n(m->gc); c++) {
    const tly_geo_shape *sh = tly_geo_shape_at(m->gc, c);
    int32_t s = tly_geo_find(m->gs, sh->state);
    if (s >= 0 && m->whole[s])
      continue;
    char label[96];
    tly__snprintf_c(label, sizeof label, "%s, %s", sh->name, sh->state);
    area_tip(tip, sizeof tip, label, &m->county[c], cd, cr);
    char id[12];
    tly__snprintf_c(id, sizeof id, "c%s", sh->code);
    bin_attr(attrs, sizeof attrs, id, &m->county[c]);
    shape(b, m->gc, c, attrs, tip);
  }
  /* States whose returns are not by these counties: one shape each. */
  for (size_t s = 0; s < tly_geo_n(m->gs); s++) {
    if (!m->whole[s])
      continue;
    const tly_geo_shape *sh = tly_geo_shape_at(m->gs, s);
    char label[128];
    tly__snprintf_c(label, sizeof label, "%s, whole state (its returns are "
                    "not by these counties)", sh->name);
    area_tip(tip, sizeof tip, label, &m->state[s], cd, cr);
    char id[12];
    tly__snprintf_c(id, sizeof id, "s%s", sh->code);
    bin_attr(attrs, sizeof attrs, id, &m->state[s]);
    shape(b, m->gs, s, attrs, tip);
  }
  out(b, "</g>\n");
  out(b, "<g id=\"borders\" transform=\"translate(0 %.0f) scale(0.1)\" "
         "fill=\"none\" stroke=\"#333333\" stroke-width=\"5\" "
         "stroke-linejoin=\"round\">\n",
      y_map);
  for (size_t s = 0; s < tly_geo_n(m->gs); s++)
    shape(b, m->gs, s, "", NULL);
  out(b, "</g>\n");

  /* The legend: ten classes, then grey for a tie and white for none. */
  double ly = y_map + MAP_H + 8, sw = 44;
  out(b, "<g id=\"legend\">\n");
  tly__snprintf_c(sub, sizeof sub, "Margin in points: %s (R) to %s (D)", cr,
                  cd);
  text(b, X0, ly + 12, "l", NULL, NULL, sub);
  for (int k = 0; k < N_BINS; k++) {
    double x = X0 + 250 + sw * k;
    out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" "
           "fill=\"%s\"/>\n",
        x, ly, sw, bin_fill[k]);
    if (k > 0) /* the class bounds, between the swatches */
      text(b, x, ly + 26, "n", "#222222", NULL, bin_label[k]);
  }
  double x = X0 + 250 + sw * N_BINS + 16;
  out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\""
         "#ffffff\" stroke=\"#999999\"/>\n",
      x, ly);
  tly__snprintf_c(sub, sizeof sub, "no returns (%zu)", m->n_missing);
  text(b, x + 20, ly + 12, "l", NULL, NULL, sub);
  double fy = ly + 46;
  if (n_whole > 0 || m->n_no_county > 0) {
    size_t at = 0;
    int k = tly__snprintf_c(sub, sizeof sub, "Drawn whole (returns not by "
                            "these counties):");
    at = k > 0 ? (size_t)k : 0;
    for (size_t s = 0; s < tly_geo_n(m->gs) && at + 8 < sizeof sub; s++) {
      if (!m->whole[s])
        continue;
      k = tly__snprintf_c(sub + at, sizeof sub - at, " %s",
                          tly_geo_shape_at(m->gs, s)->code);
      at += k > 0 ? (size_t)k : 0;
    }
    if (n_whole == 0)
      at = 0;
    if (m->n_no_county > 0 && at + 80 < sizeof sub)
      tly__snprintf_c(sub + at, sizeof sub - at,
                      "%s%zu statewide row%s of votes that belong to no "
                      "county not drawn.",
                      at > 0 ? ". " : "", m->n_no_county,
                      m->n_no_county == 1 ? "" : "s");
    text(b, X0, fy, "f", NULL, NULL, sub);
    fy += 16;
  }
  out(b, "</g>\n");
  tly__snprintf_c(sub, sizeof sub, "Data: %s.", tly_areas_source(t));
  text(b, X0, height - 24, "f", NULL, NULL, sub);
  tly__snprintf_c(sub, sizeof sub,
                  "Shapes: %s; Albers USA, Alaska and Hawaii moved and not "
                  "to scale. Made with tally.",
                  tly_geo_source());
  text(b, X0, height - 8, "f", NULL, NULL, sub);
  out(b, "</svg>\n");
  return TLY_OK;
}

tly_status tly_svg_geo_counties(const tly_areas *t,
                                const tly_svg_geo_opts *opts, tly_writer w,
                                void *ud, tly_error *err)
{
  if (t == NULL || w == NULL)
    return tly__fail(err, TLY_EINVAL, "no counties or writer");
  const tly_allocator *a =
      tly__alloc_or_default(opts != NULL ? opts->alloc : NULL);
  cmap m = {.t = t};
  tly_geo *gc = NULL, *gs = NULL;
  tly_status s = tly_geo_load(TLY_GEO_COUNTIES, a, &gc, err);
  if (s == TLY_OK)
    s = tly_geo_load(TLY_GEO_STATES, a, &gs, err);
  if (s != TLY_OK)
    goto done;
  m.gc = gc;
  m.gs = gs;
  size_t nc = tly_geo_n(gc), ns = tly_geo_n(gs);
  m.county = tly__calloc(a, nc, sizeof *m.county);
  m.state = tly__calloc(a, ns, sizeof *m.state);
  m.whole = tly__calloc(a, ns, sizeof *m.whole);
  if (m.county == NULL || m.state == NULL || m.whole == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  s = gather(&m);
  if (s != TLY_OK) {
    s = tly__fail(err, s, "a county sum overflows");
    goto done;
  }
  sb b;
  tly__buf_init(&b, a, SVG_MAX);
  s = county_map(&m, opts, &b);
  if (s != TLY_OK)
    tly__buf_free(&b);
  else
    s = finish(&b, w, ud, err);
done:
  if (gs != NULL)
    tly__free(a, m.whole, tly_geo_n(gs) * sizeof *m.whole);
  if (gs != NULL)
    tly__free(a, m.state, tly_geo_n(gs) * sizeof *m.state);
  if (gc != NULL)
    tly__free(a, m.county, tly_geo_n(gc) * sizeof *m.county);
  tly_geo_free(gs);
  tly_geo_free(gc);
  return s;
}
