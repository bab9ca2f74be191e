/*
 * svg_parts.c -- the parts of an SVG map that the tile map (svg.c) and the
 * geographic maps (svg_geo.c) share: see svg_parts.h. Margins are compared
 * in exact integers; doubles only place shapes.
 */
#include "svg_parts.h"

#include "arith.h"

#include <string.h>
#include <strings.h>

#define out tly__svg_out

const char *const tly__svg_fills[3][3] = {
    {"#c6dbef", "#6baed6", "#2166ac"},
    {"#fcbba1", "#ef6548", "#b2182b"},
    {"#dadaeb", "#9e9ac8", "#6a51a3"},
};

void tly__svg_esc(tly__buf *b, const char *s)
{
  for (; *s != '\0'; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '&')
      out(b, "&amp;");
    else if (ch == '<')
      out(b, "&lt;");
    else if (ch == '>')
      out(b, "&gt;");
    else if (ch == '"')
      out(b, "&quot;");
    else if (ch == '\'')
      out(b, "&#39;");
    else if (ch < 0x20 && ch != '\n' && ch != '\t')
      out(b, " ");
    else
      (void)tly__buf_add(b, s, 1);
  }
}

tly_status tly__svg_finish(tly__buf *b, tly_writer w, void *ud,
                           tly_error *err)
{
  tly_status s = TLY_OK;
  if (b->status == TLY_ERANGE)
    s = tly__fail(err, TLY_ERANGE, "SVG larger than 8 MiB");
  else if (b->status != TLY_OK)
    s = tly__fail(err, TLY_ENOMEM, "out of memory writing SVG");
  else if (w(ud, b->p, b->len) != 0)
    s = tly__fail(err, TLY_EIO, "the writer failed");
  else
    tly__error_clear(err);
  tly__buf_free(b);
  return s;
}

void tly__svg_text(tly__buf *b, double x, double y, const char *cls,
                   const char *fill, const char *anchor, const char *s)
{
  out(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\"", x, y, cls);
  if (fill != NULL)
    out(b, " fill=\"%s\"", fill);
  if (anchor != NULL) /* a style attribute, since class rules override
                         presentation attributes */
    out(b, " style=\"text-anchor:%s\"", anchor);
  out(b, ">");
  tly__svg_esc(b, s);
  out(b, "</text>\n");
}

int tly__svg_side(const tly_election *e, int32_t c)
{
  if (c < 0)
    return 2;
  const char *party = tly_election_candidate(e, (size_t)c)->party;
  if (strncasecmp(party, "democrat", 8) == 0)
    return 0;
  if (strncasecmp(party, "republican", 10) == 0)
    return 1;
  return 2;
}

char tly__svg_letter(const tly_election *e, int32_t c)
{
  int side = tly__svg_side(e, c);
  if (side < 2)
    return side == 0 ? 'D' : 'R';
  if (c < 0)
    return '?';
  const tly_candidate *k = tly_election_candidate(e, (size_t)c);
  const char *s = k->party[0] != '\0' ? k->party : k->name;
  char ch = s[0];
  if (ch >= 'a' && ch <= 'z')
    ch = (char)(ch - 'a' + 'A');
  return (ch >= 'A' && ch <= 'Z') ? ch : '?';
}

int32_t tly__svg_nominee(const tly_election *e, const tly_outcome *o,
                         int side)
{
  int32_t best = -1;
  for (size_t c = 0; c < tly_election_n_candidates(e); c++)
    if (tly__svg_side(e, (int32_t)c) == side &&
        (best < 0 ||
         tly_outcome_votes(o, c) > tly_outcome_votes(o, (size_t)best)))
      best = (int32_t)c;
  return best;
}

/* A product that overflows int64 cannot happen with real counts; it falls
 * to the middle shade. */
int tly__svg_margin_shade(int64_t d, int64_t total)
{
  int64_t l, r5, r15;
  if (total <= 0 || !tly__mul_i64(d, 100, &l) ||
      !tly__mul_i64(total, 5, &r5) || !tly__mul_i64(total, 15, &r15))
    return 1;
  return l >= r15 ? 2 : l >= r5 ? 1 : 0;
}

void tly__svg_award(const tly_election *e, const tly_outcome *o, size_t i,
                    const char *label, tly__svg_look *k, char *tip,
                    size_t tip_size)
{
  const tly_award *w = tly_outcome_award(o, i);
  char b1[32], b2[32];
  const char *name = label != NULL ? label : tly_state_name(w->code);
  int n = tly__snprintf_c(tip, tip_size, "%s: %d elector%s",
                          name != NULL ? name : w->code, w->electors,
                          w->electors == 1 ? "" : "s");
  size_t used = n > 0 && (size_t)n < tip_size ? (size_t)n : 0;
  char *tail = tip + used;
  size_t room = tip_size - used;
  memset(k, 0, sizeof *k);
  k->ink = TLY__SVG_DARK;
  k->fill = TLY__SVG_TIE;
  if (w->tie) {
    k->kind = TLY__SVG_TIED;
    k->mark[0] = 'T';
    tly__snprintf_c(tail, room, ", tied at %s votes (undecided)",
                    tly_format_count(w->first_votes, b1, sizeof b1));
    return;
  }
  if (w->winner < 0 && w->total_votes == 0) { /* an admitted state */
    k->kind = TLY__SVG_EMPTY;
    k->fill = TLY__SVG_NONE;
    k->mark[0] = '?';
    tly__snprintf_c(tail, room, ", undecided (no votes)");
    return;
  }
  if (w->winner < 0) { /* split by a proportional rule */
    k->kind = TLY__SVG_SPLIT;
    k->mark[0] = 'S';
    size_t at = 0;
    for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
      int32_t ev = tly_outcome_award_electors(o, i, c);
      if (ev <= 0 || at + 40 >= room)
        continue;
      int m = tly__snprintf_c(tail + at, room - at, "%s %s %d",
                              at == 0 ? ", split:" : ",",
                              tly_election_candidate(e, c)->name, ev);
      if (m > 0 && at + (size_t)m < room)
        at += (size_t)m;
    }
    return;
  }
  k->kind = TLY__SVG_WON;
  int side = tly__svg_side(e, w->winner);
  int shade = 1;
  const char *how = NULL;
  if (w->by_record)
    how = "settled by the electors as cast (no returns)";
  else if (w->winner != w->first)
    how = "set by the what-if";
  else
    shade = tly__svg_margin_shade(w->first_votes - w->second_votes,
                                  w->total_votes);
  k->fill = tly__svg_fills[side][shade];
  k->ink = shade == 2 ? TLY__SVG_LIGHT : TLY__SVG_DARK;
  k->hatch = side == 1;
  k->mark[0] = tly__svg_letter(e, w->winner);
  const char *who = tly_election_candidate(e, (size_t)w->winner)->name;
  if (how != NULL)
    tly__snprintf_c(tail, room, " to %s (%s), %s", who, k->mark, how);
  else if (w->second >= 0)
    tly__snprintf_c(
        tail, room, " to %s (%s), by %s votes (%s points)", who, k->mark,
        tly_format_count(w->first_votes - w->second_votes, b1, sizeof b1),
        tly_format_percent(w->first_votes - w->second_votes, w->total_votes,
                           2, b2, sizeof b2));
  else
    tly__snprintf_c(tail, room, " to %s (%s)", who, k->mark);
}

void tly__svg_winner_line(const tly_election *e, const tly_outcome *o,
                          char *buf, size_t size)
{
  int32_t win = tly_outcome_winner(o);
  if (win >= 0)
    tly__snprintf_c(buf, size,
                    "%s wins with %lld of %lld electors pledged (%lld "
                    "needed)",
                    tly_election_candidate(e, (size_t)win)->name,
                    (long long)tly_outcome_pledged(o, (size_t)win),
                    (long long)tly_outcome_electors(o),
                    (long long)tly_outcome_majority(o));
  else
    tly__snprintf_c(buf, size,
                    "No one has a majority of %lld electors (%lld needed): "
                    "the House chooses",
                    (long long)tly_outcome_electors(o),
                    (long long)tly_outcome_majority(o));
}

void tly__svg_rect(tly__buf *b, double x, double y, double w, double h,
                   const char *fill, bool hatch)
{
  out(b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
         "fill=\"%s\"/>\n",
      x, y, w, h, fill);
  if (hatch)
    out(b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
           "fill=\"url(#hatch)\"/>\n",
        x, y, w, h);
}

void tly__svg_bar(tly__buf *b, const tly_election *e, const tly_outcome *o,
                  double x, double y, double width,
                  const tly__svg_bar_layout *l)
{
  int64_t total = tly_outcome_electors(o);
  char buf[200], b1[32];
  out(b, "<g id=\"bar\">\n");
  tly__svg_rect(b, x, y, width, l->h, TLY__SVG_NONE, false);
  double sx = x;
  static const int order[3] = {0, 2, 1};
  for (int k = 0; k < 3 && total > 0; k++) {
    int side = order[k];
    for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
      int64_t ev = tly_outcome_pledged(o, c);
      if (ev <= 0 || tly__svg_side(e, (int32_t)c) != side)
        continue;
      double sw = width * (double)ev / (double)total;
      out(b, "<g>\n<title>");
      tly__svg_esc(b, tly_election_candidate(e, c)->name);
      out(b, ": %lld electors pledged</title>\n", (long long)ev);
      tly__svg_rect(b, sx, y, sw, l->h, tly__svg_fills[side][2], side == 1);
      out(b, "</g>\n");
      sx += sw;
    }
    if (side == 2 && tly_outcome_undecided(o) > 0) { /* ties, in the middle */
      double sw = width * (double)tly_outcome_undecided(o) / (double)total;
      out(b, "<g>\n<title>%lld electors undecided</title>\n",
          (long long)tly_outcome_undecided(o));
      tly__svg_rect(b, sx, y, sw, l->h, TLY__SVG_TIE, false);
      out(b, "</g>\n");
      sx += sw;
    }
  }
  int32_t dem = tly__svg_nominee(e, o, 0), rep = tly__svg_nominee(e, o, 1);
  if (dem >= 0) {
    tly__snprintf_c(buf, sizeof buf, "%s (D) %lld",
                    tly_election_candidate(e, (size_t)dem)->name,
                    (long long)tly_outcome_pledged(o, (size_t)dem));
    tly__svg_text(b, x, y - l->name_dy, "b", tly__svg_fills[0][2], "start",
                  buf);
  }
  if (rep >= 0) {
    tly__snprintf_c(buf, sizeof buf, "%lld %s (R)",
                    (long long)tly_outcome_pledged(o, (size_t)rep),
                    tly_election_candidate(e, (size_t)rep)->name);
    tly__svg_text(b, x + width, y - l->name_dy, "b", tly__svg_fills[1][2],
                  "end", buf);
  }
  double mx = x + width / 2;
  out(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
         "stroke=\"" TLY__SVG_DARK "\" stroke-width=\"2\"/>\n",
      mx, y - l->tick, mx, y + l->h + l->tick);
  tly__snprintf_c(buf, sizeof buf, "%s to win (a majority of %lld)",
                  tly_format_count(tly_outcome_majority(o), b1, sizeof b1),
                  (long long)total);
  tly__svg_text(b, mx, y + l->h + l->note_dy, "l", NULL, "middle", buf);
  out(b, "</g>\n");
}
