/*
 * svg.c -- pictures of an election as standalone SVG 1.1 documents (W3C
 * Recommendation, 16 August 2011): the tile-grid map of the states (the
 * equal-square cartogram popularised by NPR and FiveThirtyEight), the bar
 * of electors with its majority line, the histogram of electoral votes of a
 * forecast and the map of a forecast's probabilities. Margins are compared
 * in exact integers; doubles only place shapes and show probabilities.
 */
#include "svg_parts.h"

#include "arith.h"
#include "buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/*==== Output: one capped buffer (buf.c), written once ====================*/

#define SVG_MAX ((size_t)8 << 20) /* far above any map (about 60 KiB) */

typedef tly__buf sb;

/* An empty document buffer with the SVG cap. */
static sb sb_new(const tly_allocator *a)
{
  sb b;
  tly__buf_init(&b, a, SVG_MAX);
  return b;
}

/* Short names for svg_parts.h's: out appends printf-style text in the "C"
 * locale (never user text: esc escapes that); a failure is kept in the
 * buffer and reported by finish. */
#define out tly__svg_out
#define esc tly__svg_esc
#define finish tly__svg_finish
#define text tly__svg_text
#define rect tly__svg_rect
#define fills tly__svg_fills
#define TIE_FILL TLY__SVG_TIE
#define INK_DARK TLY__SVG_DARK
#define INK_LIGHT TLY__SVG_LIGHT

/*==== Shared drawing ======================================================*/

static const tly_allocator *alloc_of(const tly_svg_opts *opts)
{
  return tly__alloc_or_default(opts != NULL ? opts->alloc : NULL);
}

/* The ink on a shade of tly__svg_fills. */
static const char *ink_for(int shade)
{
  return shade == 2 ? INK_LIGHT : INK_DARK;
}

/* The familiar tile grid: 11 columns, 8 rows. */
typedef struct gpos {
  char code[3];
  int8_t row, col;
} gpos;

#define N_GRID 51
static const gpos grid[N_GRID] = {
    {"AK", 0, 0}, {"ME", 0, 10}, {"VT", 1, 9},  {"NH", 1, 10}, {"WA", 2, 0},
    {"ID", 2, 1}, {"MT", 2, 2},  {"ND", 2, 3},  {"MN", 2, 4},  {"IL", 2, 5},
    {"WI", 2, 6}, {"MI", 2, 7},  {"NY", 2, 8},  {"RI", 2, 9},  {"MA", 2, 10},
    {"OR", 3, 0}, {"NV", 3, 1},  {"WY", 3, 2},  {"SD", 3, 3},  {"IA", 3, 4},
    {"IN", 3, 5}, {"OH", 3, 6},  {"PA", 3, 7},  {"NJ", 3, 8},  {"CT", 3, 9},
    {"CA", 4, 0}, {"UT", 4, 1},  {"CO", 4, 2},  {"NE", 4, 3},  {"MO", 4, 4},
    {"KY", 4, 5}, {"WV", 4, 6},  {"VA", 4, 7},  {"MD", 4, 8},  {"DE", 4, 9},
    {"AZ", 5, 1}, {"NM", 5, 2},  {"KS", 5, 3},  {"AR", 5, 4},  {"TN", 5, 5},
    {"NC", 5, 6}, {"SC", 5, 7},  {"DC", 5, 8},  {"OK", 6, 3},  {"LA", 6, 4},
    {"MS", 6, 5}, {"AL", 6, 6},  {"GA", 6, 7},  {"HI", 7, 0},  {"TX", 7, 3},
    {"FL", 7, 8},
};

#define TILE 56.0  /* side of a tile */
#define PITCH 60.0 /* tile + gap */
#define WIDTH 704
#define GRID_X 26.0

/* The grid slot of a state code, or -1. */
static int grid_find(const char *code)
{
  for (int i = 0; i < N_GRID; i++)
    if (strcasecmp(grid[i].code, code) == 0)
      return i;
  return -1;
}

/* A tile's place on the map: a grid state's, or one found for a state a
 * redraw made (NCA, PR). */
typedef struct slot {
  char code[8];
  int row, col;
} slot;

#define MAX_EXTRA 32
#define GRID_ROWS 8
#define GRID_COLS 11

/* Whether a grid cell is free for a new state's tile: no state there, and
 * not the legend's corner (rows 0-1, columns 1-8). */
static bool cell_free(const slot *s, size_t n, int row, int col)
{
  if (row < 0 || row >= GRID_ROWS || col < 0 || col >= GRID_COLS)
    return false;
  if (row <= 1 && col >= 1 && col <= 8)
    return false;
  for (size_t i = 0; i < n; i++)
    if (s[i].row == row && s[i].col == col)
      return false;
  return true;
}

/* The slots of e's tiles: the grid's 51, a state of the grid that a redraw
 * removed giving its place to the first state made from it, and every
 * other state e has beyond the grid placed in the free cell nearest (by
 * Manhattan distance, then row, then column) to the state its people came
 * from (the grid's bottom right for a state admitted without counties).
 * Returns how many; at most N_GRID + MAX_EXTRA. */
static size_t place(const tly_election *e, slot *s)
{
  size_t n = 0;
  for (int g = 0; g < N_GRID; g++) {
    tly__snprintf_c(s[n].code, sizeof s[n].code, "%s", grid[g].code);
    s[n].row = grid[g].row;
    s[n].col = grid[g].col;
    n++;
  }
  for (size_t u = 0; u < tly_election_n_units(e); u++) {
    const tly_unit *un = tly_election_unit(e, u);
    if (un->parent >= 0 || grid_find(un->code) >= 0 ||
        n == N_GRID + MAX_EXTRA)
      continue;
    char from[8] = "";
    for (size_t i = 0; i < tly_election_n_redrawn(e); i++) {
      const tly_redrawn *r = tly_election_redrawn(e, i);
      if (strcmp(r->code, un->code) == 0)
        tly__snprintf_c(from, sizeof from, "%.2s", r->from);
    }
    int g = from[0] != '\0' ? grid_find(from) : -1;
    int row = g >= 0 ? grid[g].row : GRID_ROWS - 1;
    int col = g >= 0 ? grid[g].col : GRID_COLS - 1;
    size_t at = n;
    if (g >= 0 && tly_election_find_unit(e, from) < 0 &&
        strcmp(s[g].code, from) == 0) {
      at = (size_t)g; /* the parent is gone: take its place */
    } else {
      bool found = false;
      for (int d = 1; d < GRID_ROWS + GRID_COLS && !found; d++)
        for (int r = row - d; r <= row + d && !found; r++) {
          int dc = d - (r < row ? row - r : r - row);
          for (int k = 0; k < 2 && !found; k++) {
            int c = k == 0 ? col - dc : col + dc;
            if (cell_free(s, n, r, c)) {
              row = r;
              col = c;
              found = true;
            }
            if (dc == 0)
              break;
          }
        }
      if (!found)
        continue;
      n++;
    }
    tly__snprintf_c(s[at].code, sizeof s[at].code, "%s", un->code);
    s[at].row = row;
    s[at].col = col;
  }
  return n;
}

/* A coloured part of a tile (a split state's is drawn as stripes). */
typedef tly__svg_look cell;

typedef struct stripe {
  const char *fill;
  bool hatch;
  double frac;
} stripe;

#define MAX_SUB 53     /* California's 52 districts under --rule district */
#define MAX_LABELED 5  /* more district cells than this: thin, unlabelled */
#define MAX_STRIPES 8

typedef struct tile {
  bool present;
  cell main;
  char line2[32], line3[32];
  char tip[512];
  size_t n_stripes;
  stripe stripes[MAX_STRIPES];
  size_t n_sub; /* district cells under the at-large part */
  cell sub[MAX_SUB];
  char sub_label[MAX_SUB][8];
  char sub_tip[MAX_SUB][256];
} tile;

static void head(sb *b, double height, const char *title, const char *desc)
{
  out(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
         "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
         "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
         "width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\">\n",
      WIDTH, height, WIDTH, height);
  out(b, "<title>");
  esc(b, title);
  out(b, "</title>\n<desc>");
  esc(b, desc);
  out(b, "</desc>\n");
  out(b,
      "<defs>\n<style type=\"text/css\"><![CDATA[\n"
      "text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}\n"
      ".t{font-size:20px;font-weight:bold;fill:#111111}\n"
      ".s{font-size:13px;fill:#333333}\n"
      ".c{font-size:15px;font-weight:bold;text-anchor:middle}\n"
      ".n{font-size:12px;text-anchor:middle}\n"
      ".p{font-size:10px;text-anchor:middle}\n"
      ".m{font-size:10px;font-weight:bold;text-anchor:end}\n"
      ".d{font-size:10px;font-weight:bold;text-anchor:middle}\n"
      ".l{font-size:12px;fill:#222222}\n"
      ".b{font-size:14px;font-weight:bold}\n"
      ".f{font-size:11px;fill:#555555}\n"
      "]]></style>\n"
      "<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
      "height=\"6\" patternTransform=\"rotate(45)\">"
      "<rect x=\"0\" y=\"0\" width=\"1.6\" height=\"6\" fill=\"#000000\" "
      "fill-opacity=\"0.17\"/></pattern>\n"
      "</defs>\n"
      "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%.0f\" "
      "fill=\"#ffffff\"/>\n",
      WIDTH, height);
}

/* Draws tile t at slot p of the grid whose top left is (x0, y0). */
static void draw_tile(sb *b, const tile *t, const slot *p, double x0,
                      double y0)
{
  double x = x0 + p->col * PITCH;
  double y = y0 + p->row * PITCH;
  double cx = x + TILE / 2;
  out(b, "<g id=\"tile-%s\">\n<title>", p->code);
  esc(b, t->tip);
  out(b, "</title>\n");
  if (!t->present) {
    out(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
           "fill=\"#ffffff\" stroke=\"#999999\" stroke-width=\"1.5\" "
           "stroke-dasharray=\"4,3\"/>\n",
        x + 0.75, y + 0.75, TILE - 1.5, TILE - 1.5);
    text(b, cx, y + 24, "c", "#999999", NULL, p->code);
    text(b, cx, y + 42, "p", "#999999", NULL, t->line2);
    out(b, "</g>\n");
    return;
  }
  double top_h = t->n_sub > 0 ? TILE / 2 - 1 : TILE;
  if (t->main.kind != TLY__SVG_SPLIT) {
    rect(b, x, y, TILE, top_h, t->main.fill, t->main.hatch);
  } else {
    double sx = x;
    for (size_t i = 0; i < t->n_stripes; i++) {
      double sw = TILE * t->stripes[i].frac;
      rect(b, sx, y, sw, top_h, t->stripes[i].fill, t->stripes[i].hatch);
      sx += sw;
    }
  }
  const char *ink = t->main.ink;
  if (t->n_sub > 0) {
    /* At-large part on top: the code, the state's electors and the
     * at-large winner's letter; one cell per district below. */
    char top[48];
    tly__snprintf_c(top, sizeof top, "%s %s", t->line2, t->main.mark);
    text(b, x + 5, y + 18, "b", ink, "start", p->code);
    text(b, x + TILE - 5, y + 18, "n", ink, "end", top);
    /* Up to MAX_LABELED districts (Maine, Nebraska) get a labelled cell
     * each; more (the district method everywhere) a thin slice each,
     * grouped by the winner's letter so the row reads as a bar. */
    bool thin = t->n_sub > MAX_LABELED;
    size_t order[MAX_SUB];
    size_t n_order = 0;
    for (int pass = 0; pass < (thin ? 3 : 1); pass++) {
      for (size_t i = 0; i < t->n_sub; i++) {
        const char *m = t->sub[i].mark;
        int grp = m[0] == 'D' ? 0 : m[0] == 'R' ? 1 : 2;
        if (!thin || grp == pass)
          order[n_order++] = i;
      }
    }
    double cw = TILE / (double)t->n_sub;
    for (size_t j = 0; j < n_order; j++) {
      size_t i = order[j];
      double sx = x + cw * (double)j;
      out(b, "<g>\n<title>");
      esc(b, t->sub_tip[i]);
      out(b, "</title>\n");
      rect(b, sx, y + TILE / 2,
           cw - (j + 1 < t->n_sub && !thin ? 1 : 0), TILE / 2,
           t->sub[i].fill, t->sub[i].hatch);
      if (!thin) {
        char lab[16];
        tly__snprintf_c(lab, sizeof lab, "%s%s", t->sub_label[i],
                        t->sub[i].mark);
        text(b, sx + cw / 2, y + TILE - 9, "d", t->sub[i].ink, NULL, lab);
      }
      out(b, "</g>\n");
    }
    out(b, "</g>\n");
    return;
  }
  if (t->line3[0] != '\0') {
    text(b, cx, y + 21, "c", ink, NULL, p->code);
    text(b, cx, y + 36, "n", ink, NULL, t->line2);
    text(b, cx, y + 50, "p", ink, NULL, t->line3);
  } else {
    text(b, cx, y + 26, "c", ink, NULL, p->code);
    text(b, cx, y + 45, "n", ink, NULL, t->line2);
  }
  if (t->main.mark[0] != '\0' && t->main.kind != TLY__SVG_SPLIT)
    text(b, x + TILE - 4, y + 11, "m", ink, NULL, t->main.mark);
  out(b, "</g>\n");
}

/* A legend swatch: a small tile of cell c with its letter. */
static void swatch(sb *b, double x, double y, const cell *c)
{
  rect(b, x, y, 26, 18, c->fill, c->hatch);
  text(b, x + 13, y + 13, "d", c->ink, NULL, c->mark);
}

/*==== The election's winners ==============================================*/

/* Fills stripes of a split award i: the Democrat, others, the Republican. */
static void award_stripes(const tly_election *e, const tly_outcome *o,
                          size_t i, tile *t)
{
  const tly_award *w = tly_outcome_award(o, i);
  t->n_stripes = 0;
  static const int order[3] = {0, 2, 1}; /* Democrat, others, Republican */
  for (int k = 0; k < 3; k++) {
    int side = order[k];
    for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
      int32_t ev = tly_outcome_award_electors(o, i, c);
      if (ev <= 0 || tly__svg_side(e, (int32_t)c) != side ||
          t->n_stripes == MAX_STRIPES || w->electors <= 0)
        continue;
      stripe *s = &t->stripes[t->n_stripes++];
      s->fill = fills[side][1];
      s->hatch = side == 1;
      s->frac = (double)ev / (double)w->electors;
    }
  }
  /* Short line: "D 30 R 25". */
  size_t used = 0;
  for (size_t c = 0; c < tly_election_n_candidates(e) && used < 24; c++) {
    int32_t ev = tly_outcome_award_electors(o, i, c);
    if (ev <= 0)
      continue;
    char mark[2] = {tly__svg_letter(e, (int32_t)c), '\0'};
    int n = tly__snprintf_c(t->line2 + used, sizeof t->line2 - used, "%s%s%d",
                     used ? " " : "", mark, ev);
    if (n > 0 && used + (size_t)n < sizeof t->line2)
      used += (size_t)n;
  }
}

/* Builds the tiles of the College o of e at the n slots s; returns how
 * many grid states e lacks. */
static size_t build_tiles(const tly_election *e, const tly_outcome *o,
                          const slot *s, size_t n, tile *tiles)
{
  size_t n_absent = 0;
  for (size_t g = 0; g < n; g++) {
    tile *t = &tiles[g];
    memset(t, 0, sizeof *t);
    int32_t u = tly_election_find_unit(e, s[g].code);
    if (u < 0 || tly_election_unit(e, (size_t)u)->parent >= 0) {
      const char *name = tly_state_name(s[g].code);
      tly__snprintf_c(t->tip, sizeof t->tip, "%s: not in this election",
               name != NULL ? name : s[g].code);
      tly__snprintf_c(t->line2, sizeof t->line2, "out");
      n_absent++;
      continue;
    }
    t->present = true;
    tly__snprintf_c(t->line2, sizeof t->line2, "%d",
             tly_election_unit(e, (size_t)u)->electors);
    tly__snprintf_c(t->tip, sizeof t->tip, "%s: no electors awarded",
             s[g].code);
    t->main.fill = "#eeeeee";
    t->main.ink = INK_DARK;
  }
  size_t na = tly_outcome_n_awards(o);
  for (size_t i = 0; i < na; i++) {
    const tly_award *w = tly_outcome_award(o, i);
    char state[8];
    tly__snprintf_c(state, sizeof state, "%s", w->code);
    char *dash = strchr(state, '-');
    if (dash != NULL)
      *dash = '\0';
    int g = -1;
    for (size_t k = 0; k < n && g < 0; k++)
      if (strcasecmp(s[k].code, state) == 0)
        g = (int)k;
    if (g < 0 || !tiles[g].present)
      continue;
    tile *t = &tiles[g];
    if (dash == NULL) {
      tly__svg_award(e, o, i, NULL, &t->main, t->tip, sizeof t->tip);
      if (t->main.kind == TLY__SVG_SPLIT)
        award_stripes(e, o, i, t);
    } else if (t->n_sub < MAX_SUB) {
      size_t k = t->n_sub++;
      tly__svg_award(e, o, i, NULL, &t->sub[k], t->sub_tip[k],
                     sizeof t->sub_tip[k]);
      tly__snprintf_c(t->sub_label[k], sizeof t->sub_label[k], "%s", dash + 1);
    }
  }
  return n_absent;
}

/*==== The bar of electors ================================================*/

/* The bar's box: 26 px high, the names 8 px above it. */
static const tly__svg_bar_layout bar_layout = {26.0, 8.0, 5.0, 18.0};

/* The text alternative: who won how many electors, and which states. */
static void describe(sb *b, const tly_election *e, const tly_outcome *o,
                     const char *title)
{
  char line[256];
  tly__svg_winner_line(e, o, line, sizeof line);
  esc(b, title);
  out(b, ". Source: ");
  esc(b, tly_election_source_name(e));
  out(b, ". ");
  esc(b, line);
  out(b, ".");
  for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
    if (tly_outcome_pledged(o, c) <= 0)
      continue;
    out(b, " ");
    esc(b, tly_election_candidate(e, c)->name);
    out(b, ", %lld:", (long long)tly_outcome_pledged(o, c));
    for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
      int32_t ev = tly_outcome_award_electors(o, i, c);
      if (ev <= 0)
        continue;
      const tly_award *w = tly_outcome_award(o, i);
      out(b, " %s", w->code);
      if (ev != w->electors || (w->winner < 0 && !w->tie))
        out(b, " (%d)", ev);
    }
    out(b, ".");
  }
  if (tly_outcome_undecided(o) > 0)
    out(b, " Undecided by ties: %lld.", (long long)tly_outcome_undecided(o));
}

/*==== Public: the map, the bar ==========================================*/

static void default_title(const tly_election *e, char *buf, size_t size)
{
  tly__snprintf_c(buf, size, "%d presidential election", tly_election_year(e));
}

tly_status tly_svg_map(const tly_election *e, const tly_outcome *o,
                       const tly_svg_opts *opts, tly_writer w, void *ud,
                       tly_error *err)
{
  if (e == NULL || o == NULL || w == NULL)
    return tly__fail(err, TLY_EINVAL, "no election, outcome or writer");
  sb b = sb_new(alloc_of(opts));
  slot slots[N_GRID + MAX_EXTRA];
  size_t n_slots = place(e, slots);
  tile *tiles = tly__calloc(b.a, N_GRID + MAX_EXTRA, sizeof *tiles);
  if (tiles == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  size_t n_absent = build_tiles(e, o, slots, n_slots, tiles);
  char title[256], line[256];
  if (opts != NULL && opts->title != NULL)
    tly__snprintf_c(title, sizeof title, "%s", opts->title);
  else
    default_title(e, title, sizeof title);
  const char *note = opts != NULL ? opts->note : NULL;
  double y_grid = note != NULL ? 176 : 160;
  double height = y_grid + 8 * PITCH + 34;

  /* Head: the text alternative is the whole result in words. */
  sb d = sb_new(b.a);
  describe(&d, e, o, title);
  head(&b, height, title, d.status != TLY_OK || d.p == NULL ? title : d.p);
  if (b.status == TLY_OK)
    b.status = d.status;
  tly__buf_free(&d);

  text(&b, GRID_X, 32, "t", NULL, NULL, title);
  tly__svg_winner_line(e, o, line, sizeof line);
  char sub[400];
  tly__snprintf_c(sub, sizeof sub, "Source: %s · %s", tly_election_source_name(e),
           line);
  text(&b, GRID_X, 52, "s", NULL, NULL, sub);
  if (note != NULL)
    text(&b, GRID_X, 70, "s", NULL, NULL, note);
  double bar_w = 10 * PITCH + TILE;
  tly__svg_bar(&b, e, o, GRID_X, y_grid - 76, bar_w, &bar_layout);

  out(&b, "<g id=\"tiles\">\n");
  for (size_t g = 0; g < n_slots; g++)
    draw_tile(&b, &tiles[g], &slots[g], GRID_X, y_grid);
  out(&b, "</g>\n");

  /* The legend, in the grid's empty top middle (rows 0-1, columns 1-8). */
  double lx = GRID_X + PITCH + 14;
  double ly = y_grid + 4;
  out(&b, "<g id=\"legend\">\n");
  text(&b, lx, ly + 12, "l", NULL, NULL, "Margin in points:");
  static const char *const bins[3] = {"under 5", "5 to 15", "15+"};
  for (int s = 0; s < 3; s++)
    text(&b, lx + 160 + 62 * s + 13, ly + 12, "p", "#222222", NULL, bins[s]);
  double ry = ly + 20;
  for (int side = 0; side < 2; side++) {
    int32_t c = tly__svg_nominee(e, o, side);
    if (c < 0)
      continue;
    tly__snprintf_c(line, sizeof line, "%s",
             tly_election_candidate(e, (size_t)c)->name);
    text(&b, lx, ry + 14, "l", NULL, NULL, line);
    for (int s = 0; s < 3; s++) {
      cell cc = {.fill = fills[side][s], .ink = ink_for(s),
                 .hatch = side == 1};
      cc.mark[0] = tly__svg_letter(e, c);
      swatch(&b, lx + 160 + 62 * s, ry, &cc);
    }
    ry += 24;
  }
  text(&b, lx, ry + 12, "f", NULL, NULL,
       "Number: electors. Maine and Nebraska: at-large (top) and one "
       "cell per district.");
  if (n_absent > 0) {
    out(&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"14\" "
            "fill=\"#ffffff\" stroke=\"#999999\" stroke-dasharray=\"4,3\"/>\n",
        lx, ry + 20);
    text(&b, lx + 34, ry + 31, "f", NULL, NULL,
         "dashed: not in this election");
  }
  out(&b, "</g>\n");
  tly__snprintf_c(line, sizeof line, "One equal square per state. Data: %s. "
           "Made with tally.", tly_election_source_name(e));
  text(&b, GRID_X, height - 12, "f", NULL, NULL, line);
  out(&b, "</svg>\n");
  tly__free(b.a, tiles, (N_GRID + MAX_EXTRA) * sizeof *tiles);
  return finish(&b, w, ud, err);
}

tly_status tly_svg_bar(const tly_election *e, const tly_outcome *o,
                       const tly_svg_opts *opts, tly_writer w, void *ud,
                       tly_error *err)
{
  if (e == NULL || o == NULL || w == NULL)
    return tly__fail(err, TLY_EINVAL, "no election, outcome or writer");
  sb b = sb_new(alloc_of(opts));
  char title[256], line[256];
  if (opts != NULL && opts->title != NULL)
    tly__snprintf_c(title, sizeof title, "%s", opts->title);
  else
    default_title(e, title, sizeof title);
  tly__svg_winner_line(e, o, line, sizeof line);
  char desc[600];
  tly__snprintf_c(desc, sizeof desc, "%s. Source: %s. %s.", title,
           tly_election_source_name(e), line);
  head(&b, 150, title, desc);
  text(&b, GRID_X, 28, "t", NULL, NULL, title);
  char sub[400];
  tly__snprintf_c(sub, sizeof sub, "Source: %s · %s", tly_election_source_name(e),
           line);
  text(&b, GRID_X, 48, "s", NULL, NULL, sub);
  tly__svg_bar(&b, e, o, GRID_X, 86, WIDTH - 2 * GRID_X, &bar_layout);
  out(&b, "</svg>\n");
  return finish(&b, w, ud, err);
}

/*==== Public: the forecast's pictures ===================================*/

static const char *label(const tly_svg_opts *opts, int i)
{
  static const char *const dflt[2] = {"Democrat", "Republican"};
  if (opts != NULL && opts->labels[i] != NULL)
    return opts->labels[i];
  return dflt[i];
}

/* A "nice" step (1, 2 or 5 times a power of ten) near range / 5. */
static double nice_step(double range)
{
  double raw = range / 5;
  double p = pow(10, floor(log10(raw)));
  double m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

tly_status tly_svg_histogram(const double *p, size_t n,
                             const tly_svg_opts *opts, tly_writer w, void *ud,
                             tly_error *err)
{
  if (p == NULL || w == NULL)
    return tly__fail(err, TLY_EINVAL, "no probabilities or writer");
  if (n < 2 || n > 100001)
    return tly__fail(err, TLY_EINVAL,
                     "histogram needs 2 to 100001 bins, not %zu", n);
  double pmax = 0, win[3] = {0, 0, 0};
  size_t total = n - 1;
  size_t maj = total / 2 + 1;
  for (size_t k = 0; k < n; k++) {
    if (!isfinite(p[k]) || p[k] < 0 || p[k] > 1)
      return tly__fail(err, TLY_EINVAL,
                       "probability of %zu electors is %g, not in [0, 1]", k,
                       p[k]);
    pmax = fmax(pmax, p[k]);
    win[k >= maj ? 0 : total - k >= maj ? 1 : 2] += p[k];
  }
  sb b = sb_new(alloc_of(opts));
  char title[256], sub[400], desc[800];
  if (opts != NULL && opts->title != NULL)
    tly__snprintf_c(title, sizeof title, "%s", opts->title);
  else
    tly__snprintf_c(title, sizeof title, "Electoral votes of the %s",
             label(opts, 0));
  tly__snprintf_c(sub, sizeof sub, "%s wins %.1f %% · %s wins %.1f %%%s",
           label(opts, 0), 100 * win[0], label(opts, 1), 100 * win[1],
           total % 2 == 0 ? " · tie" : "");
  if (total % 2 == 0) {
    size_t used = strlen(sub);
    tly__snprintf_c(sub + used, sizeof sub - used, " %.1f %%", 100 * win[2]);
  }
  /* Text alternative: the probabilities, the most likely count and the
   * median. */
  size_t mode = 0, median = 0;
  double acc = 0;
  bool have_median = false;
  for (size_t k = 0; k < n; k++) {
    if (p[k] > p[mode])
      mode = k;
    acc += p[k];
    if (!have_median && acc >= 0.5) {
      median = k;
      have_median = true;
    }
  }
  tly__snprintf_c(desc, sizeof desc, "%s. %s. Of %zu electors, %zu make a "
           "majority; the most likely count for the %s is %zu, the median "
           "%zu.", title, sub, total, maj, label(opts, 0), mode, median);
  double height = 370;
  head(&b, height, title, desc);
  text(&b, GRID_X, 32, "t", NULL, NULL, title);
  text(&b, GRID_X, 52, "s", NULL, NULL, sub);
  if (opts != NULL && opts->note != NULL)
    text(&b, GRID_X, 70, "s", NULL, NULL, opts->note);

  double px = 70, pw = WIDTH - px - 30, py = 100, ph = 210;
  double ymax = pmax > 0 ? pmax : 1;
  double step = nice_step(ymax);
  ymax = ceil(ymax / step) * step;
  /* Grid lines and y labels (percent). */
  for (double v = 0; v <= ymax + step / 2; v += step) {
    double y = py + ph - ph * v / ymax;
    out(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
            "stroke=\"#dddddd\" stroke-width=\"1\"/>\n",
        px, y, px + pw, y);
    char lab[32];
    int dec = step * 100 < 0.1 ? 2 : step * 100 < 1 ? 1 : 0;
    tly__snprintf_c(lab, sizeof lab, "%.*f %%", dec, v * 100);
    text(&b, px - 10, y + 4, "p", "#444444", "end", lab);
  }
  double bw = pw / (double)n;
  out(&b, "<g id=\"bars\">\n");
  for (size_t k = 0; k < n; k++) {
    if (p[k] <= 0)
      continue;
    int side = k >= maj ? 0 : total - k >= maj ? 1 : 2;
    double h = ph * p[k] / ymax;
    out(&b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
            "fill=\"%s\"><title>%zu: %.3f %%</title></rect>\n",
        px + bw * (double)k, py + ph - h, n <= 120 ? bw * 0.85 : bw + 0.5, h,
        side == 2 ? TIE_FILL : fills[side][1], k, 100 * p[k]);
  }
  out(&b, "</g>\n");
  /* X axis with ticks every 100 (or fewer for small Colleges). */
  out(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
          "stroke=\"#444444\" stroke-width=\"1\"/>\n",
      px, py + ph, px + pw, py + ph);
  double xs = nice_step((double)total);
  if (xs < 1)
    xs = 1;
  for (double v = 0; v <= (double)total + 0.5; v += xs) {
    double x = px + bw * (v + 0.5);
    char lab[32];
    tly__snprintf_c(lab, sizeof lab, "%.0f", v);
    out(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
            "stroke=\"#444444\" stroke-width=\"1\"/>\n",
        x, py + ph, x, py + ph + 4);
    text(&b, x, py + ph + 16, "p", "#444444", NULL, lab);
  }
  double mx = px + bw * (double)maj;
  out(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
          "stroke=\"#111111\" stroke-width=\"1.5\" "
          "stroke-dasharray=\"5,3\"/>\n",
      mx, py - 6, mx, py + ph);
  char lab[64];
  tly__snprintf_c(lab, sizeof lab, "%zu to win", maj);
  text(&b, mx, py - 10, "l", NULL, "middle", lab);
  tly__snprintf_c(lab, sizeof lab, "Electoral votes of the %s", label(opts, 0));
  text(&b, px + pw / 2, py + ph + 34, "l", NULL, "middle", lab);
  /* Legend. */
  double ly = py + ph + 46;
  for (int s = 0; s < 2; s++) {
    double lx = px + 260 * s;
    rect(&b, lx, ly, 18, 12, fills[s][1], false);
    tly__snprintf_c(lab, sizeof lab, "%s has a majority", label(opts, s));
    text(&b, lx + 24, ly + 11, "l", NULL, NULL, lab);
  }
  out(&b, "</svg>\n");
  return finish(&b, w, ud, err);
}

tly_status tly_svg_prob_map(const char *const *codes, const int32_t *electors,
                            const double *p_first, size_t n,
                            const tly_svg_opts *opts, tly_writer w, void *ud,
                            tly_error *err)
{
  if ((n > 0 && (codes == NULL || electors == NULL || p_first == NULL)) ||
      w == NULL)
    return tly__fail(err, TLY_EINVAL, "no units or writer");
  sb b = sb_new(alloc_of(opts));
  tile *tiles = tly__calloc(b.a, N_GRID, sizeof *tiles);
  if (tiles == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  for (int g = 0; g < N_GRID; g++) {
    const char *name = tly_state_name(grid[g].code);
    tly__snprintf_c(tiles[g].tip, sizeof tiles[g].tip, "%s: not in this forecast",
             name != NULL ? name : grid[g].code);
    tly__snprintf_c(tiles[g].line2, sizeof tiles[g].line2, "out");
  }
  tly_status s = TLY_OK;
  int64_t sum_ev = 0;
  for (size_t i = 0; i < n; i++) {
    char state[8];
    tly__snprintf_c(state, sizeof state, "%s", codes[i]);
    char *dash = strchr(state, '-');
    if (dash != NULL)
      *dash = '\0';
    int g = grid_find(state);
    double p = p_first[i];
    if (g < 0) {
      s = tly__fail(err, TLY_EINVAL, "unit \"%s\" is not on the map",
                    codes[i]);
      goto fail;
    }
    if (!isfinite(p) || p < 0 || p > 1 || electors[i] < 0) {
      s = tly__fail(err, TLY_EINVAL, "unit \"%s\": probability %g or "
                    "electors %d out of range", codes[i], p, electors[i]);
      goto fail;
    }
    sum_ev += electors[i];
    tile *t = &tiles[g];
    int side = p > 0.5 ? 0 : p < 0.5 ? 1 : 2;
    double q = side == 1 ? 1 - p : p;
    int shade = q < 0.65 ? 0 : q < 0.95 ? 1 : 2;
    cell c = {.fill = side == 2 ? TIE_FILL : fills[side][shade],
              .ink = side == 2 ? INK_DARK : ink_for(shade),
              .hatch = side == 1};
    tly__snprintf_c(c.mark, sizeof c.mark, "%s", side == 0 ? "D" : side == 1 ? "R" : "=");
    if (side == 0 || side == 1)
      c.mark[0] = label(opts, side)[0];
    char tip[256];
    const char *name = tly_state_name(state);
    tly__snprintf_c(tip, sizeof tip, "%s%s%s: %d elector%s; %s wins with "
             "probability %.1f %%", name != NULL ? name : state,
             dash != NULL ? " district " : "", dash != NULL ? dash + 1 : "",
             electors[i], electors[i] == 1 ? "" : "s", label(opts, 0),
             100 * p);
    if (dash == NULL) {
      t->present = true;
      t->main = c;
      tly__snprintf_c(t->tip, sizeof t->tip, "%s", tip);
      tly__snprintf_c(t->line2, sizeof t->line2, "%d", electors[i]);
      if (q >= 0.995) /* never print "100%" for what is not certain */
        tly__snprintf_c(t->line3, sizeof t->line3, "%s", q == 1 ? "100%" : ">99%");
      else
        tly__snprintf_c(t->line3, sizeof t->line3, "%.0f%%", 100 * q);
    } else if (t->n_sub < MAX_SUB) {
      size_t k = t->n_sub++;
      t->sub[k] = c;
      tly__snprintf_c(t->sub_tip[k], sizeof t->sub_tip[k], "%s", tip);
      tly__snprintf_c(t->sub_label[k], sizeof t->sub_label[k], "%s", dash + 1);
    }
  }
  for (int g = 0; g < N_GRID; g++) {
    /* With districts, the top shows the whole state's electors. */
    tile *t = &tiles[g];
    if (t->n_sub == 0 || !t->present)
      continue;
    int64_t all = 0;
    for (size_t i = 0; i < n; i++)
      if (strncasecmp(codes[i], grid[g].code, 2) == 0)
        all += electors[i];
    tly__snprintf_c(t->line2, sizeof t->line2, "%lld", (long long)all);
    t->line3[0] = '\0';
  }
  char title[256];
  if (opts != NULL && opts->title != NULL)
    tly__snprintf_c(title, sizeof title, "%s", opts->title);
  else
    tly__snprintf_c(title, sizeof title, "Forecast: probability of winning each "
             "state");
  const char *note = opts != NULL ? opts->note : NULL;
  double y_grid = note != NULL ? 96 : 80;
  double height = y_grid + 8 * PITCH + 34;
  char desc[400];
  tly__snprintf_c(desc, sizeof desc, "%s. Each tile shows a state's electors and "
           "the favourite's probability of winning it; %lld electors in "
           "all.", title, (long long)sum_ev);
  head(&b, height, title, desc);
  text(&b, GRID_X, 32, "t", NULL, NULL, title);
  char sub[300];
  tly__snprintf_c(sub, sizeof sub, "Colour: the favourite (%s %c, %s %c); shade: "
           "its probability", label(opts, 0), label(opts, 0)[0],
           label(opts, 1), label(opts, 1)[0]);
  text(&b, GRID_X, 52, "s", NULL, NULL, sub);
  if (note != NULL)
    text(&b, GRID_X, 70, "s", NULL, NULL, note);
  out(&b, "<g id=\"tiles\">\n");
  for (int g = 0; g < N_GRID; g++) {
    slot p = {.row = grid[g].row, .col = grid[g].col};
    tly__snprintf_c(p.code, sizeof p.code, "%s", grid[g].code);
    draw_tile(&b, &tiles[g], &p, GRID_X, y_grid);
  }
  out(&b, "</g>\n");
  double lx = GRID_X + PITCH + 14, ly = y_grid + 4;
  out(&b, "<g id=\"legend\">\n");
  text(&b, lx, ly + 12, "l", NULL, NULL, "Probability:");
  static const char *const bins[3] = {"50-65 %", "65-95 %", "95-100 %"};
  for (int k = 0; k < 3; k++)
    text(&b, lx + 160 + 62 * k + 13, ly + 12, "p", "#222222", NULL, bins[k]);
  double ry = ly + 20;
  for (int side = 0; side < 2; side++) {
    text(&b, lx, ry + 14, "l", NULL, NULL, label(opts, side));
    for (int k = 0; k < 3; k++) {
      cell cc = {.fill = fills[side][k], .ink = ink_for(k),
                 .hatch = side == 1};
      cc.mark[0] = label(opts, side)[0];
      swatch(&b, lx + 160 + 62 * k, ry, &cc);
    }
    ry += 24;
  }
  out(&b, "</g>\n");
  text(&b, GRID_X, height - 12, "f", NULL, NULL,
       "One equal square per state. Made with tally.");
  out(&b, "</svg>\n");
  tly__free(b.a, tiles, (N_GRID + MAX_EXTRA) * sizeof *tiles);
  return finish(&b, w, ud, err);
fail:
  tly__free(b.a, tiles, N_GRID * sizeof *tiles);
  return s;
}
