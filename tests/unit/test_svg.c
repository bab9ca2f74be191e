/*
 * test_svg.c -- the SVG pictures (src/svg.c): well-formed XML (a small
 * checker below: balanced tags, quoted attributes, known entities), the
 * figures written on them (National Archives, "2016 Electoral College
 * Results": Trump 306 pledged, Clinton 232; California 55 electors),
 * escaping, argument errors, a failing writer and out of memory.
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/*---- a growable string as a tly_writer ----*/
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

/*---- a tiny XML well-formedness checker ----*/

static bool name_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

/* Checks an entity reference at s (just after '&'); returns its length
 * including ';' or 0. */
static size_t entity(const char *s)
{
  static const char *const known[] = {"amp;", "lt;", "gt;", "quot;",
                                      "apos;"};
  for (size_t i = 0; i < 5; i++)
    if (strncmp(s, known[i], strlen(known[i])) == 0)
      return strlen(known[i]);
  if (s[0] == '#') {
    size_t n = 1;
    while (s[n] >= '0' && s[n] <= '9')
      n++;
    return n > 1 && s[n] == ';' ? n + 1 : 0;
  }
  return 0;
}

/* Returns NULL when doc is well-formed XML with one root element named
 * `root`, else a static description of the first problem. */
static const char *xml_check(const char *doc, const char *root)
{
  const char *stack[64];
  size_t sl[64];
  size_t depth = 0;
  int n_roots = 0;
  const char *p = doc;
  while (*p != '\0') {
    if (*p == '&') {
      size_t n = entity(p + 1);
      if (n == 0)
        return "bad entity in text";
      p += n + 1;
      continue;
    }
    if (*p != '<') {
      if (depth == 0 && *p != '\n' && *p != ' ')
        return "text outside the root";
      p++;
      continue;
    }
    if (strncmp(p, "<?", 2) == 0) {
      const char *q = strstr(p, "?>");
      if (q == NULL)
        return "unterminated <?";
      p = q + 2;
    } else if (strncmp(p, "<!--", 4) == 0) {
      const char *q = strstr(p, "-->");
      if (q == NULL)
        return "unterminated comment";
      p = q + 3;
    } else if (strncmp(p, "<![CDATA[", 9) == 0) {
      const char *q = strstr(p, "]]>");
      if (q == NULL || depth == 0)
        return "bad CDATA";
      p = q + 3;
    } else if (strncmp(p, "<!DOCTYPE", 9) == 0) {
      const char *q = strchr(p, '>');
      if (q == NULL || n_roots > 0)
        return "bad DOCTYPE";
      p = q + 1;
    } else if (p[1] == '/') {
      p += 2;
      const char *nm = p;
      while (name_char(*p))
        p++;
      if (depth == 0 || (size_t)(p - nm) != sl[depth - 1] ||
          strncmp(nm, stack[depth - 1], sl[depth - 1]) != 0)
        return "mismatched end tag";
      depth--;
      while (*p == ' ')
        p++;
      if (*p != '>')
        return "bad end tag";
      p++;
    } else {
      p++;
      const char *nm = p;
      while (name_char(*p))
        p++;
      if (p == nm)
        return "empty tag name";
      if (depth == 0) {
        if (++n_roots > 1)
          return "two roots";
        if ((size_t)(p - nm) != strlen(root) ||
            strncmp(nm, root, strlen(root)) != 0)
          return "wrong root element";
      }
      if (depth == 64)
        return "too deep";
      stack[depth] = nm;
      sl[depth] = (size_t)(p - nm);
      depth++;
      for (;;) { /* attributes */
        while (*p == ' ' || *p == '\n')
          p++;
        if (*p == '>') {
          p++;
          break;
        }
        if (p[0] == '/' && p[1] == '>') {
          depth--;
          p += 2;
          break;
        }
        const char *an = p;
        while (name_char(*p))
          p++;
        if (p == an || *p != '=' || p[1] != '"')
          return "attribute without a quoted value";
        p += 2;
        while (*p != '"') {
          if (*p == '\0' || *p == '<')
            return "bad attribute value";
          if (*p == '&') {
            size_t n = entity(p + 1);
            if (n == 0)
              return "bad entity in attribute";
            p += n;
          }
          p++;
        }
        p++;
      }
    }
  }
  if (depth != 0)
    return "unclosed element";
  return n_roots == 1 ? NULL : "no root";
}

static size_t count(const char *hay, const char *needle)
{
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p != NULL;
       p = strstr(p + 1, needle))
    n++;
  return n;
}

/* The map of a built-in year. */
static str map_of(int year, const tly_svg_opts *opts)
{
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_election_builtin(year, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  str s = {0};
  cr_assert_eq(tly_svg_map(e, o, opts, str_write, &s, &err), TLY_OK,
               "%s", err.msg);
  tly_outcome_free(o);
  tly_election_free(e);
  return s;
}

Test(svg, checker_rejects_bad_xml)
{
  cr_assert_null(xml_check("<svg><g></g></svg>", "svg"));
  cr_assert_not_null(xml_check("<svg><g></svg>", "svg"));
  cr_assert_not_null(xml_check("<svg>a & b</svg>", "svg"));
  cr_assert_not_null(xml_check("<svg x=1></svg>", "svg"));
  cr_assert_not_null(xml_check("<svg x=\"<\"></svg>", "svg"));
  cr_assert_not_null(xml_check("<svg></svg><svg></svg>", "svg"));
  cr_assert_not_null(xml_check("<html></html>", "svg"));
}

Test(svg, map_2016)
{
  str s = map_of(2016, NULL);
  const char *why = xml_check(s.p, "svg");
  cr_assert_null(why, "not well-formed: %s", why);
  cr_assert_not_null(strstr(s.p, "xmlns=\"http://www.w3.org/2000/svg\""));
  cr_assert_not_null(strstr(s.p, "version=\"1.1\""));
  /* One tile per state and DC, named for scripts and the page. */
  cr_assert_eq(count(s.p, "<g id=\"tile-"), 51);
  cr_assert_not_null(strstr(s.p, "<title>2016 presidential election</title>"));
  cr_assert_not_null(strstr(s.p, "Source: MEDSL"));
  /* National Archives: Trump 306 pledged, Clinton 232; majority 270. */
  cr_assert_not_null(strstr(s.p, "Hillary Clinton (D) 232"));
  cr_assert_not_null(strstr(s.p, "306 Donald Trump (R)"));
  cr_assert_not_null(strstr(s.p, "270 to win"));
  cr_assert_not_null(strstr(s.p, "Donald Trump wins with 306 of 538"));
  /* California's tile: 55 electors, Clinton's, the darkest blue (a margin
   * of 30.11 points: MEDSL 8,753,788 to 4,483,810 of 14,181,595). */
  const char *ca = strstr(s.p, "<g id=\"tile-CA\">");
  cr_assert_not_null(ca);
  const char *ca_end = strstr(ca, "</g>");
  cr_assert_not_null(strstr(ca, "by 4,269,978 votes (30.11 points)"));
  cr_assert(strstr(ca, ">55</text>") < ca_end);
  cr_assert(strstr(ca, "fill=\"#2166ac\"") < ca_end);
  cr_assert(strstr(ca, ">D</text>") < ca_end);
  /* Wisconsin: Trump by 22,748 (0.77 points): lightest red, hatched. */
  const char *wi = strstr(s.p, "<g id=\"tile-WI\">");
  cr_assert_not_null(wi);
  const char *wi_end = strstr(wi, "</g>");
  cr_assert(strstr(wi, "fill=\"#fcbba1\"") < wi_end);
  cr_assert(strstr(wi, "url(#hatch)") < wi_end);
  cr_assert(strstr(wi, ">R</text>") < wi_end);
  /* Maine's tile is split: ME-1 to Clinton, ME-2 to Trump. */
  const char *me = strstr(s.p, "<g id=\"tile-ME\">");
  cr_assert_not_null(me);
  cr_assert_not_null(strstr(me, ">1D</text>"));
  cr_assert_not_null(strstr(me, ">2R</text>"));
  free(s.p);
}

Test(svg, map_title_note_and_escaping)
{
  tly_svg_opts o = {.title = "What if <CA> & \"NY\" left?",
                    .note = "a note"};
  str s = map_of(2020, &o);
  cr_assert_null(xml_check(s.p, "svg"));
  cr_assert_not_null(
      strstr(s.p, "What if &lt;CA&gt; &amp; &quot;NY&quot; left?"));
  cr_assert_not_null(strstr(s.p, ">a note</text>"));
  /* National Archives 2020: Biden 306 pledged, Trump 232. */
  cr_assert_not_null(strstr(s.p, "Joe Biden (D) 306"));
  free(s.p);
}

Test(svg, map_of_a_file_marks_absent_states)
{
  const char *csv = "year,unit,candidate,party,votes\n"
                    "2016,WI,A & <B>,Democratic,10\n"
                    "2016,WI,C,Republican,9\n";
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_election_parse("t.csv", csv, strlen(csv), NULL, NULL, &e,
                                  &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  str s = {0};
  cr_assert_eq(tly_svg_map(e, o, NULL, str_write, &s, &err), TLY_OK);
  cr_assert_null(xml_check(s.p, "svg"));
  cr_assert_not_null(strstr(s.p, "A &amp; &lt;B&gt;"));
  cr_assert_not_null(strstr(s.p, "California: not in this election"));
  cr_assert_not_null(strstr(s.p, "dashed: not in this election"));
  cr_assert_eq(count(s.p, "stroke-dasharray=\"4,3\""), 50 + 1);
  free(s.p);
  cr_assert_eq(tly_svg_map(e, o, NULL, fail_write, NULL, &err), TLY_EIO);
  cr_assert_eq(tly_svg_bar(e, o, NULL, fail_write, NULL, &err), TLY_EIO);
  tly_outcome_free(o);
  tly_election_free(e);
}

Test(svg, bar)
{
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_election_builtin(2000, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK);
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  str s = {0};
  cr_assert_eq(tly_svg_bar(e, o, NULL, str_write, &s, &err), TLY_OK);
  cr_assert_null(xml_check(s.p, "svg"));
  /* National Archives 2000: Bush 271, Gore 267 pledged (266 cast). */
  cr_assert_not_null(strstr(s.p, "Al Gore (D) 267"));
  cr_assert_not_null(strstr(s.p, "271 George W. Bush (R)"));
  cr_assert_eq(count(s.p, "<g id=\"tile-"), 0);
  free(s.p);
  tly_outcome_free(o);
  tly_election_free(e);
}

Test(svg, histogram)
{
  /* 3 electors: P(D has 0, 1, 2, 3) = .1, .2, .3, .4; a majority is 2. */
  double p[4] = {0.1, 0.2, 0.3, 0.4};
  str s = {0};
  tly_error err = {0};
  cr_assert_eq(tly_svg_histogram(p, 4, NULL, str_write, &s, &err), TLY_OK);
  cr_assert_null(xml_check(s.p, "svg"));
  cr_assert_not_null(strstr(s.p, "Democrat wins 70.0 %"));
  cr_assert_not_null(strstr(s.p, "Republican wins 30.0 %"));
  cr_assert_not_null(strstr(s.p, "2 to win"));
  cr_assert_eq(count(s.p, "<rect x=\"") - count(s.p, "<rect x=\"0\""), 4 + 2,
               "four bars and two legend swatches");
  free(s.p);
  /* An even College can tie: 0..4 electors, 2-2 is a tie. */
  double q[5] = {0, 0.25, 0.5, 0.25, 0};
  tly_svg_opts o = {.labels = {"Gore", "Bush"}};
  s = (str){0};
  cr_assert_eq(tly_svg_histogram(q, 5, &o, str_write, &s, &err), TLY_OK);
  cr_assert_not_null(strstr(s.p, "Gore wins 25.0 % · Bush wins 25.0 % · "
                                 "tie 50.0 %"));
  free(s.p);
  double bad[3] = {0.5, -0.1, 0.6};
  s = (str){0};
  cr_assert_eq(tly_svg_histogram(bad, 3, NULL, str_write, &s, &err),
               TLY_EINVAL);
  cr_assert_not_null(strstr(err.msg, "probability of 1 electors"));
  cr_assert_eq(tly_svg_histogram(p, 1, NULL, str_write, &s, &err),
               TLY_EINVAL);
  cr_assert_eq(tly_svg_histogram(p, 4, NULL, fail_write, NULL, &err),
               TLY_EIO);
  cr_assert_null(s.p);
}

Test(svg, prob_map)
{
  const char *codes[3] = {"CA", "NE", "NE-2"};
  int32_t ev[3] = {55, 4, 1};
  double p[3] = {0.999, 0.02, 0.7};
  str s = {0};
  tly_error err = {0};
  cr_assert_eq(tly_svg_prob_map(codes, ev, p, 3, NULL, str_write, &s, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_null(xml_check(s.p, "svg"));
  const char *ca = strstr(s.p, "<g id=\"tile-CA\">");
  cr_assert_not_null(ca);
  cr_assert_not_null(strstr(ca, ">&gt;99%</text>"));
  cr_assert_not_null(strstr(s.p, ">5 R</text>"), "NE's top: 4 + 1, the R favoured");
  cr_assert_not_null(strstr(s.p, ">2D</text>"));
  free(s.p);
  s = (str){0};
  const char *badc[1] = {"XX"};
  cr_assert_eq(tly_svg_prob_map(badc, ev, p, 1, NULL, str_write, &s, &err),
               TLY_EINVAL);
  cr_assert_not_null(strstr(err.msg, "\"XX\""));
  double badp[1] = {1.5};
  cr_assert_eq(tly_svg_prob_map(codes, ev, badp, 1, NULL, str_write, &s,
                                &err),
               TLY_EINVAL);
  cr_assert_null(s.p);
}

/*---- out of memory: fail the Nth allocation, N = 1, 2, ... ----*/
typedef struct {
  int which; /* 0 map, 1 bar, 2 histogram */
  const tly_election *e;
  const tly_outcome *o;
} oom_case;

static tly_status draw(const tly_allocator *a, void *ud)
{
  const oom_case *c = ud;
  double p[4] = {0.1, 0.2, 0.3, 0.4};
  tly_svg_opts so = {.alloc = a};
  tly_error err = {0};
  str s = {0};
  tly_status st =
      c->which == 0   ? tly_svg_map(c->e, c->o, &so, str_write, &s, &err)
      : c->which == 1 ? tly_svg_bar(c->e, c->o, &so, str_write, &s, &err)
                      : tly_svg_histogram(p, 4, &so, str_write, &s, &err);
  if (st == TLY_ENOMEM)
    cr_assert_null(s.p, "nothing written on failure");
  free(s.p);
  return st;
}

Test(svg, out_of_memory)
{
  tly_election *e = tu_builtin(2016, TLY_SOURCE_MEDSL);
  tly_outcome *o = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_college(e, &o, &err), TLY_OK);
  for (int which = 0; which < 3; which++) {
    oom_case c = {which, e, o};
    tu_each_failure(draw, &c, 100, true);
  }
  tly_outcome_free(o);
  tly_election_free(e);
}
