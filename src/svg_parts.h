/*
 * svg_parts.h -- what the tile map (svg.c) and the geographic maps
 * (svg_geo.c) draw alike: XML escaping and the document's hand-over, text,
 * the palette, a candidate's side and letter, the shade of a margin, the
 * look and tooltip of one award, the bar of electors and the winner's line.
 * One place, so that both maps colour, letter and describe an award the
 * same way.
 */
#ifndef TLY_SVG_PARTS_H
#define TLY_SVG_PARTS_H

#include "internal.h"

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Appends printf-style text in the "C" locale (never user text: see
 * tly__svg_esc); a failure is kept in the buffer and reported by
 * tly__svg_finish. */
#define tly__svg_out(b, ...) ((void)tly__buf_printf((b), __VA_ARGS__))

/* Colours by side (Democrat, Republican, other) and shade (margin under 5
 * points, 5 to 15, 15 and more): ColorBrewer's RdBu and Purples, whose
 * shades differ in lightness so that the order survives grey-scale
 * printing. */
extern const char *const tly__svg_fills[3][3];
#define TLY__SVG_TIE "#bdbdbd"   /* a tie, a split, undecided */
#define TLY__SVG_NONE "#eeeeee"  /* no electors awarded */
#define TLY__SVG_DARK "#111111"  /* ink on light and medium shades */
#define TLY__SVG_LIGHT "#ffffff" /* ink on the dark shade */

/* Appends s escaped for XML character data and attribute values; control
 * characters other than newline and tab, which XML 1.0 forbids, become
 * spaces. */
void tly__svg_esc(tly__buf *b, const char *s);
/* Hands the document to the writer and frees the buffer. */
tly_status tly__svg_finish(tly__buf *b, tly_writer w, void *ud,
                           tly_error *err);
/* A <text> of class cls at (x, y); fill and anchor may be NULL. */
void tly__svg_text(tly__buf *b, double x, double y, const char *cls,
                   const char *fill, const char *anchor, const char *s);
/* A w x h rectangle at (x, y), hatched over its fill when `hatch`. */
void tly__svg_rect(tly__buf *b, double x, double y, double w, double h,
                   const char *fill, bool hatch);

/* 0 Democratic, 1 Republican, 2 any other party or none (c < 0), by the
 * party's name as MEDSL ("DEMOCRAT") and tally ("Democratic") spell it. */
int tly__svg_side(const tly_election *e, int32_t c);
/* D, R, or the initial of the party (else of the name), else '?'. */
char tly__svg_letter(const tly_election *e, int32_t c);
/* The candidate of a side with the most votes nationally (ties: the
 * earlier), or -1. */
int32_t tly__svg_nominee(const tly_election *e, const tly_outcome *o,
                         int side);
/* Shade of a margin of d votes out of `total`: 0 under 5 points, 1 from 5
 * up to 15, 2 from 15 on, compared exactly (100 d >= 15 total). */
int tly__svg_margin_shade(int64_t d, int64_t total);

typedef enum {
  TLY__SVG_WON,   /* one winner: fill by side and margin */
  TLY__SVG_TIED,  /* a tie for the most votes: undecided */
  TLY__SVG_EMPTY, /* no votes at all (an admitted state): undecided */
  TLY__SVG_SPLIT  /* split by a proportional rule */
} tly__svg_kind;

typedef struct tly__svg_look {
  tly__svg_kind kind;
  const char *fill; /* TLY__SVG_TIE for a split */
  const char *ink;
  bool hatch;   /* Republican: hatched as well as red */
  char mark[4]; /* the winner's letter, T (tie), ? (no votes), S (split) */
} tly__svg_look;

/* The look of award i of o and its tooltip ("Ohio: 18 electors to Donald
 * Trump (R), by 446,841 votes (8.13 points)") into tip; `label` names the
 * award (NULL: the state's name, else its code). */
void tly__svg_award(const tly_election *e, const tly_outcome *o, size_t i,
                    const char *label, tly__svg_look *k, char *tip,
                    size_t tip_size);

/* "Donald Trump wins with 306 of 538 electors pledged (270 needed)", or
 * the contingent election. */
void tly__svg_winner_line(const tly_election *e, const tly_outcome *o,
                          char *buf, size_t size);

/* Where the bar's text goes about its box of height h. */
typedef struct tly__svg_bar_layout {
  double h;       /* the bar's height */
  double name_dy; /* the nominees' names, above its top */
  double tick;    /* the majority line, beyond top and bottom */
  double note_dy; /* "270 to win", below its bottom */
} tly__svg_bar_layout;

/* The bar of o's pledged electors at (x, y), `width` wide: Democrats from
 * the left, Republicans from the right, others and undecided between, each
 * part with its tooltip; the nominees' names above its ends and the
 * majority line at its middle. */
void tly__svg_bar(tly__buf *b, const tly_election *e, const tly_outcome *o,
                  double x, double y, double width,
                  const tly__svg_bar_layout *l);

#endif
