/*
 * polls.c -- FiveThirtyEight's poll files (CC BY 4.0) read strictly in
 * each layout 538 published (told apart by the header), one value per
 * poll, per-state averages by a stated method, uniform swing where a unit
 * has no polls, the forecast input, and the backtest against the
 * certified results (FEC, Federal Elections 2016 and 2020).
 */
#include "csv.h"
#include "json.h"
#include "polls.h"
#include "process.h"
#include "results.h"
#include "scan.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define MAX_FILE ((size_t)1 << 28) /* 256 MiB, uncompressed */
#define MAX_FIELD 8192
#define MAX_FIELDS 256
#define MAX_POLLS 2000000
#define MAX_UNITS 64

struct tly_polls {
  tly_allocator al;
  tly_polls_layout layout;
  int32_t cycle;
  size_t n, cap;
  tly_poll *q;
  size_t n_pollsters, cap_pollsters;
  char **pollsters;
  size_t skipped, other_cycle;
  char dem_name[64], rep_name[64]; /* the nominees' last names */
};

/*---- Helpers ------------------------------------------------------------*/

int64_t tly__polls_election_day(int cycle)
{
  int64_t nov2 = tly__days_from_civil(cycle, 11, 2);
  return nov2 + (2 - tly__weekday(nov2) + 7) % 7; /* Tuesday = 2 */
}

void tly__polls_dr_votes(const tly_election *e, size_t u, int64_t *dem,
                         int64_t *rep)
{
  /* The nominees: each party's candidate with the most votes in all
   * units (districts count twice, alike for both: the order is kept). */
  int32_t cd = -1, cr = -1;
  int64_t bd = -1, br = -1;
  size_t nu = tly_election_n_units(e);
  for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
    const char *party = tly_election_candidate(e, c)->party;
    bool is_d = strcmp(party, "Democratic") == 0;
    if (!is_d && strcmp(party, "Republican") != 0)
      continue;
    int64_t v = 0;
    for (size_t i = 0; i < nu; i++)
      v += tly_election_votes(e, i, c); /* < 2^40 in 56 terms */
    if (is_d && v > bd) {
      bd = v;
      cd = (int32_t)c;
    } else if (!is_d && v > br) {
      br = v;
      cr = (int32_t)c;
    }
  }
  *dem = cd < 0 ? 0 : tly_election_votes(e, u, (size_t)cd);
  *rep = cr < 0 ? 0 : tly_election_votes(e, u, (size_t)cr);
}

double tly__polls_two_party(const tly_election *e, size_t u)
{
  int64_t d, r;
  tly__polls_dr_votes(e, u, &d, &r);
  if (d + r <= 0)
    return NAN;
  return (double)d / (double)(d + r);
}

/* Field f equals s: the reader refuses NUL bytes, so p[n] ends it. */
static bool feq(const tly__csv_field *f, const char *s)
{
  return strcmp(f->p, s) == 0;
}

/* The last word of a candidate's name ("Biden" for "Joe Biden"). */
static void last_name(const char *name, char *out, size_t size)
{
  const char *sp = strrchr(name, ' ');
  snprintf(out, size, "%s", sp == NULL ? name : sp + 1);
}

/* The nominees of `cycle` from its built-in results. */
static tly_status nominees(tly_polls *p, int cycle, tly_error *err)
{
  tly_election *e = NULL;
  if (tly_election_builtin(cycle, TLY_SOURCE_MEDSL, NULL, &e, NULL) !=
      TLY_OK)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in results for %d to name its nominees",
                     cycle);
  int32_t best[2] = {-1, -1};
  int64_t bv[2] = {-1, -1};
  for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
    const char *party = tly_election_candidate(e, c)->party;
    int k = strcmp(party, "Democratic") == 0   ? 0
            : strcmp(party, "Republican") == 0 ? 1
                                               : -1;
    if (k < 0)
      continue;
    int64_t v = 0;
    for (size_t i = 0; i < tly_election_n_units(e); i++)
      if (tly_election_unit(e, i)->parent < 0)
        v += tly_election_votes(e, i, c);
    if (v > bv[k]) {
      bv[k] = v;
      best[k] = (int32_t)c;
    }
  }
  tly_status s = TLY_OK;
  if (best[0] < 0 || best[1] < 0) {
    s = tly__fail(err, TLY_ENODATA, "no nominees in the %d results", cycle);
  } else {
    last_name(tly_election_candidate(e, (size_t)best[0])->name, p->dem_name,
              sizeof p->dem_name);
    last_name(tly_election_candidate(e, (size_t)best[1])->name, p->rep_name,
              sizeof p->rep_name);
  }
  tly_election_free(e);
  return s;
}

/*---- Fields -------------------------------------------------------------*/

static const struct {
  const char *name;
  const char *code;
} state_names[] = {
    {"Alabama", "AL"}, {"Alaska", "AK"}, {"Arizona", "AZ"},
    {"Arkansas", "AR"}, {"California", "CA"}, {"Colorado", "CO"},
    {"Connecticut", "CT"}, {"Delaware", "DE"},
    {"District of Columbia", "DC"}, {"Florida", "FL"}, {"Georgia", "GA"},
    {"Hawaii", "HI"}, {"Idaho", "ID"}, {"Illinois", "IL"},
    {"Indiana", "IN"}, {"Iowa", "IA"}, {"Kansas", "KS"},
    {"Kentucky", "KY"}, {"Louisiana", "LA"}, {"Maine", "ME"},
    {"Maryland", "MD"}, {"Massachusetts", "MA"}, {"Michigan", "MI"},
    {"Minnesota", "MN"}, {"Mississippi", "MS"}, {"Missouri", "MO"},
    {"Montana", "MT"}, {"Nebraska", "NE"}, {"Nevada", "NV"},
    {"New Hampshire", "NH"}, {"New Jersey", "NJ"}, {"New Mexico", "NM"},
    {"New York", "NY"}, {"North Carolina", "NC"}, {"North Dakota", "ND"},
    {"Ohio", "OH"}, {"Oklahoma", "OK"}, {"Oregon", "OR"},
    {"Pennsylvania", "PA"}, {"Rhode Island", "RI"},
    {"South Carolina", "SC"}, {"South Dakota", "SD"},
    {"Tennessee", "TN"}, {"Texas", "TX"}, {"Utah", "UT"},
    {"Vermont", "VT"}, {"Virginia", "VA"}, {"Washington", "WA"},
    {"West Virginia", "WV"}, {"Wisconsin", "WI"}, {"Wyoming", "WY"},
    {"Maine CD-1", "ME-1"}, {"Maine CD-2", "ME-2"},
    {"Nebraska CD-1", "NE-1"}, {"Nebraska CD-2", "NE-2"},
    {"Nebraska CD-3", "NE-3"}, {"", "US"}, {"U.S.", "US"},
    {"National", "US"},
};

/* A state's name (538's spelling) or, in tally's layout, a code. */
static tly_status unit_field(const tly__csv *c, const tly__csv_field *f,
                             bool codes, char out[8], tly_error *err)
{
  if (codes) {
    if ((f->n == 2 && memcmp(f->p, "US", 2) == 0) ||
        tly__unit_code_valid(f->p, f->n)) {
      for (size_t i = 0; i < f->n; i++) /* "pa" is PA */
        out[i] = (char)(f->p[i] >= 'a' && f->p[i] <= 'z' ? f->p[i] - 32
                                                           : f->p[i]);
      out[f->n] = '\0';
      return TLY_OK;
    }
  } else {
    for (size_t i = 0; i < sizeof state_names / sizeof state_names[0]; i++)
      if (feq(f, state_names[i].name)) {
        snprintf(out, 8, "%s", state_names[i].code);
        return TLY_OK;
      }
  }
  return tly__csv_fail(c, f, err, TLY_EPARSE, "unknown state \"%.60s\"",
                       f->p);
}

/* m/d/yy (20yy), m/d/yyyy or YYYY-MM-DD, a real day; nothing else. */
static tly_status date_field(const tly__csv *c, const tly__csv_field *f,
                             tly_date *out, tly_error *err)
{
  int v[3] = {0, 0, 0}, w[3] = {0, 0, 0};
  int k = 0;
  char sep = 0;
  for (size_t i = 0; i < f->n && k < 3; i++) {
    char ch = f->p[i];
    if (ch >= '0' && ch <= '9') {
      if (w[k] >= 4)
        goto bad;
      v[k] = v[k] * 10 + (ch - '0');
      w[k]++;
    } else if ((ch == '/' || ch == '-') && (sep == 0 || sep == ch) &&
               w[k] > 0 && k < 2) {
      sep = ch;
      k++;
    } else {
      goto bad;
    }
  }
  if (k != 2 || w[2] == 0)
    goto bad;
  int y, m, d;
  if (sep == '-') {
    if (w[0] != 4 || w[1] != 2 || w[2] != 2)
      goto bad;
    y = v[0];
    m = v[1];
    d = v[2];
  } else {
    if (w[0] > 2 || w[1] > 2 || (w[2] != 2 && w[2] != 4))
      goto bad;
    m = v[0];
    d = v[1];
    y = w[2] == 2 ? 2000 + v[2] : v[2];
  }
  static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 ||
      d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
    goto bad;
  out->year = y;
  out->month = m;
  out->day = d;
  return TLY_OK;
bad:
  return tly__csv_fail(c, f, err, TLY_EPARSE,
                       "date \"%.40s\" is not a day written m/d/yy, "
                       "m/d/yyyy or YYYY-MM-DD",
                       f->p);
}

static tly_status share_field(const tly__csv *c, const tly__csv_field *f,
                              double *out, tly_error *err)
{
  double v = 0;
  if (tly__scan_double(f->p, f->n, &v) != TLY_OK || v < 0 || v > 100)
    return tly__csv_fail(c, f, err, TLY_EPARSE,
                         "share \"%.40s\" is not a number in [0, 100]",
                         f->p);
  *out = v;
  return TLY_OK;
}

static int64_t days(tly_date d)
{
  return tly__days_from_civil(d.year, d.month, d.day);
}

/* The cycle of a poll ending on d: the first presidential election day on
 * or after it. */
static int32_t cycle_of(tly_date d)
{
  int y = d.year + (4 - d.year % 4) % 4;
  if (days(d) > tly__polls_election_day(y))
    y += 4;
  return y;
}

static tly_status intern(tly_polls *p, const tly__csv_field *f, int32_t *out,
                         tly_error *err)
{
  for (size_t i = p->n_pollsters; i-- > 0;) /* recent first: runs repeat */
    if (feq(f, p->pollsters[i])) {
      *out = (int32_t)i;
      return TLY_OK;
    }
  if (p->n_pollsters == p->cap_pollsters) {
    size_t nc = p->cap_pollsters == 0 ? 64 : p->cap_pollsters * 2;
    char **np = tly__realloc(&p->al, p->pollsters,
                             p->cap_pollsters * sizeof *np, nc * sizeof *np);
    if (np == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    p->pollsters = np;
    p->cap_pollsters = nc;
  }
  char *s = tly__strdup(&p->al, f->p);
  if (s == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  p->pollsters[p->n_pollsters] = s;
  *out = (int32_t)p->n_pollsters++;
  return TLY_OK;
}

/*---- Layouts ------------------------------------------------------------*/

enum {
  C_POLL, C_QUESTION, C_STATE, C_POLLSTER, C_SAMPLE, C_POP, C_START, C_END,
  C_ANSWER, C_PCT, C_CYCLE, C_DEM, C_REP, C_TYPE, N_COLS
};

typedef struct {
  tly_polls_layout layout;
  const char *names[N_COLS]; /* NULL: the layout has none */
} layout_def;

static const layout_def layouts[] = {
    {TLY_POLLS_TALLY,
     {"poll_id", "question", "unit", "pollster", "sample_size", "population",
      "start_date", "end_date", NULL, NULL, "cycle", "dem", "rep", NULL}},
    {TLY_POLLS_538_2016,
     {"poll_id", "question_id", "state", "pollster", "samplesize",
      "population", "startdate", "enddate", NULL, NULL, "cycle",
      "rawpoll_clinton", "rawpoll_trump", "type"}},
    {TLY_POLLS_538_WIDE,
     {"poll_id", "question_id", "state", "pollster", "sample_size",
      "population", "start_date", "end_date", NULL, NULL, NULL, "Biden",
      "Trump", NULL}},
    {TLY_POLLS_538_LONG,
     {"poll_id", "question_id", "state", "pollster", "sample_size",
      "population", "start_date", "end_date", "answer", "pct", "cycle", NULL,
      NULL, NULL}},
    {TLY_POLLS_538_SUBSET,
     {"poll_id", NULL, "state", "pollster", "sample_size", "population",
      "start_date", "end_date", "answer", "pct", NULL, NULL, NULL, NULL}},
};

const char *tly_polls_layout_name(tly_polls_layout l)
{
  switch (l) {
  case TLY_POLLS_538_LONG:
    return "538 president_polls (2020/2024 layout, one row per answer)";
  case TLY_POLLS_538_SUBSET:
    return "538 final 2020 polls (column subset, no question_id)";
  case TLY_POLLS_538_WIDE:
    return "538 final 2020 polls (one row per question, Biden/Trump)";
  case TLY_POLLS_538_2016:
    return "538 president_general_polls_2016 (older layout)";
  case TLY_POLLS_TALLY:
    return "tally's poll table";
  }
  return "unknown";
}

/* Finds the layout whose every column is in the header (the first that
 * fits, most specific first); col[] gets the indexes, -1 for none. */
static bool match_layout(const tly__csv_field *h, size_t n,
                         const layout_def **out, int col[N_COLS])
{
  for (size_t l = 0; l < sizeof layouts / sizeof layouts[0]; l++) {
    bool ok = true;
    for (int k = 0; k < N_COLS && ok; k++) {
      col[k] = -1;
      if (layouts[l].names[k] == NULL)
        continue;
      for (size_t i = 0; i < n; i++)
        if (feq(&h[i], layouts[l].names[k]))
          col[k] = (int)i;
      ok = col[k] >= 0;
    }
    /* The subset has no question_id; a file with one is not the subset. */
    if (ok && layouts[l].layout == TLY_POLLS_538_SUBSET)
      for (size_t i = 0; i < n; i++)
        if (feq(&h[i], "question_id"))
          ok = false;
    if (ok) {
      *out = &layouts[l];
      return true;
    }
  }
  return false;
}

/* A question being read: its poll's fields and the nominees' shares. */
typedef struct {
  bool open;
  tly_poll q;
  bool has_dem, has_rep;
  int64_t poll_key, question_key; /* grouping keys of the current run */
  int n_answers;
  char answers[16][32];           /* answers seen (SUBSET: a repeat starts
                                     a new question) */
} pending;

static tly_status push(tly_polls *p, pending *pd, tly_error *err)
{
  if (!pd->open)
    return TLY_OK;
  pd->open = false;
  if (!pd->has_dem || !pd->has_rep) {
    p->skipped++;
    return TLY_OK;
  }
  if (p->n == p->cap) {
    if (p->cap >= MAX_POLLS)
      return tly__fail(err, TLY_ERANGE, "more than %d poll questions",
                       MAX_POLLS);
    size_t nc = p->cap == 0 ? 1024 : p->cap * 2;
    tly_poll *nq =
        tly__realloc(&p->al, p->q, p->cap * sizeof *nq, nc * sizeof *nq);
    if (nq == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    p->q = nq;
    p->cap = nc;
  }
  p->q[p->n++] = pd->q;
  return TLY_OK;
}

/* Reads one row's poll fields into q (not the shares). */
static tly_status row_fields(tly_polls *p, const tly__csv *c,
                             const tly__csv_field *f, const int *col,
                             tly_poll *q, tly_error *err)
{
  memset(q, 0, sizeof *q);
  q->line = tly__csv_line(c);
  tly_status s = tly__scan_i64(f[col[C_POLL]].p, f[col[C_POLL]].n, 0,
                               INT64_MAX, &q->poll_id);
  if (s != TLY_OK)
    return tly__csv_fail(c, &f[col[C_POLL]], err, TLY_EPARSE,
                         "poll id \"%.40s\" is not an integer",
                         f[col[C_POLL]].p);
  if (col[C_QUESTION] >= 0 &&
      tly__scan_i64(f[col[C_QUESTION]].p, f[col[C_QUESTION]].n, 0, INT64_MAX,
                    &q->question) != TLY_OK)
    return tly__csv_fail(c, &f[col[C_QUESTION]], err, TLY_EPARSE,
                         "question id \"%.40s\" is not an integer",
                         f[col[C_QUESTION]].p);
  s = unit_field(c, &f[col[C_STATE]], p->layout == TLY_POLLS_TALLY, q->unit,
                 err);
  if (s == TLY_OK)
    s = date_field(c, &f[col[C_START]], &q->start, err);
  if (s == TLY_OK)
    s = date_field(c, &f[col[C_END]], &q->end, err);
  if (s != TLY_OK)
    return s;
  if (days(q->end) < days(q->start))
    return tly__csv_fail(c, &f[col[C_END]], err, TLY_EPARSE,
                         "end date \"%s\" is before the start date",
                         f[col[C_END]].p);
  const tly__csv_field *pop = &f[col[C_POP]];
  if (!feq(pop, "lv") && !feq(pop, "rv") && !feq(pop, "v") && !feq(pop, "a"))
    return tly__csv_fail(c, pop, err, TLY_EPARSE,
                         "population \"%.40s\" is not lv, rv, v or a",
                         pop->p);
  memcpy(q->population, pop->p, pop->n + 1);
  const tly__csv_field *ss = &f[col[C_SAMPLE]];
  q->sample_size = -1;
  if (ss->n > 0) {
    /* 538 writes some sample sizes as "600.0": a whole number either way. */
    double v = 0;
    if (tly__scan_double(ss->p, ss->n, &v) != TLY_OK || v < 1 || v > 1e9 ||
        v != floor(v))
      return tly__csv_fail(c, ss, err, TLY_EPARSE,
                           "sample size \"%.40s\" is not a whole number",
                           ss->p);
    q->sample_size = (int64_t)v;
  }
  if (col[C_CYCLE] >= 0) {
    int64_t y = 0;
    if (tly__scan_i64(f[col[C_CYCLE]].p, f[col[C_CYCLE]].n, 1900, 2196,
                      &y) != TLY_OK ||
        y % 4 != 0)
      return tly__csv_fail(c, &f[col[C_CYCLE]], err, TLY_EPARSE,
                           "cycle \"%.40s\" is not a presidential year",
                           f[col[C_CYCLE]].p);
    q->cycle = (int32_t)y;
  } else {
    q->cycle = cycle_of(q->end);
  }
  return intern(p, &f[col[C_POLLSTER]], &q->pollster, err);
}

/* Whether q's cycle is the one read (*keep); fixes it at the first
 * question when none was asked for, and then fails on a second one. */
static tly_status check_cycle(tly_polls *p, const tly__csv *c,
                              const tly__csv_field *f, const int *col,
                              const tly_poll *q, bool cycle_given,
                              bool *keep, tly_error *err)
{
  *keep = true;
  if (p->cycle == 0) {
    p->cycle = q->cycle;
    return nominees(p, q->cycle, err);
  }
  if (q->cycle == p->cycle)
    return TLY_OK;
  if (!cycle_given) {
    const tly__csv_field *at =
        &f[col[C_CYCLE] >= 0 ? col[C_CYCLE] : col[C_END]];
    return tly__csv_fail(c, at, err, TLY_EINVAL,
                         "the file mixes cycles %d and %d: choose one",
                         (int)p->cycle, (int)q->cycle);
  }
  *keep = false;
  p->other_cycle++;
  return TLY_OK;
}

static int cmp_question(const void *a, const void *b)
{
  const tly_poll *x = a, *y = b;
  if (x->poll_id != y->poll_id)
    return x->poll_id < y->poll_id ? -1 : 1;
  if (x->question != y->question)
    return x->question < y->question ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return 0;
}

static tly_status read_rows(tly_polls *p, tly__csv *c, const int *col,
                            bool cycle_given, tly_error *err)
{
  pending pd;
  memset(&pd, 0, sizeof pd);
  tly_status s = TLY_OK;
  for (;;) {
    const tly__csv_field *f = NULL;
    size_t n = 0;
    bool eof = false;
    s = tly__csv_next(c, &f, &n, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (n <= (size_t)col[N_COLS]) {
      s = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                        "record has %zu fields, the header more", n);
      break;
    }
    if (col[C_TYPE] >= 0 && !feq(&f[col[C_TYPE]], "polls-only"))
      continue; /* 2016: three copies of each poll, the raw shares alike */
    tly_poll q;
    s = row_fields(p, c, f, col, &q, err);
    if (s != TLY_OK)
      break;
    bool keep = true;
    s = check_cycle(p, c, f, col, &q, cycle_given, &keep, err);
    if (s != TLY_OK)
      break;
    if (!keep)
      continue;
    if (col[C_ANSWER] < 0) { /* one row per question */
      double d = 0, r = 0;
      s = share_field(c, &f[col[C_DEM]], &d, err);
      if (s == TLY_OK)
        s = share_field(c, &f[col[C_REP]], &r, err);
      if (s != TLY_OK)
        break;
      if (p->layout == TLY_POLLS_538_2016 &&
          (strcmp(p->dem_name, "Clinton") != 0 ||
           strcmp(p->rep_name, "Trump") != 0)) {
        s = tly__csv_fail(c, &f[col[C_DEM]], err, TLY_EPARSE,
                          "this layout is 2016's, not %d's", (int)q.cycle);
        break;
      }
      if (p->layout == TLY_POLLS_538_WIDE &&
          (strcmp(p->dem_name, "Biden") != 0 ||
           strcmp(p->rep_name, "Trump") != 0)) {
        s = tly__csv_fail(c, &f[col[C_END]], err, TLY_EPARSE,
                          "a Biden/Trump table with a poll of %d",
                          (int)q.cycle);
        break;
      }
      pd.open = true;
      pd.q = q;
      pd.q.dem = d;
      pd.q.rep = r;
      pd.has_dem = pd.has_rep = true;
      s = push(p, &pd, err);
      if (s != TLY_OK)
        break;
      continue;
    }
    /* One row per answer: group rows into questions. */
    const tly__csv_field *ans = &f[col[C_ANSWER]];
    bool same;
    if (p->layout == TLY_POLLS_538_LONG) {
      same = pd.open && pd.question_key == q.question;
    } else {
      same = pd.open && pd.poll_key == q.poll_id &&
             strcmp(pd.q.population, q.population) == 0 &&
             days(pd.q.start) == days(q.start) &&
             days(pd.q.end) == days(q.end) &&
             strcmp(pd.q.unit, q.unit) == 0;
      for (int i = 0; same && i < pd.n_answers; i++)
        if (feq(ans, pd.answers[i]))
          same = false; /* an answer repeats: the next question */
    }
    if (!same) {
      int64_t prev_poll = pd.poll_key;
      int64_t prev_q = pd.q.question;
      s = push(p, &pd, err);
      if (s != TLY_OK)
        break;
      memset(&pd, 0, sizeof pd);
      pd.open = true;
      pd.q = q;
      pd.poll_key = q.poll_id;
      pd.question_key = q.question;
      if (p->layout == TLY_POLLS_538_SUBSET)
        pd.q.question = prev_poll == q.poll_id ? prev_q + 1 : 1;
    }
    double v = 0;
    s = share_field(c, &f[col[C_PCT]], &v, err);
    if (s != TLY_OK)
      break;
    if (pd.n_answers < 16 && ans->n < 32)
      memcpy(pd.answers[pd.n_answers++], ans->p, ans->n + 1);
    bool is_dem = feq(ans, p->dem_name), is_rep = feq(ans, p->rep_name);
    if ((is_dem && pd.has_dem) || (is_rep && pd.has_rep)) {
      s = tly__csv_fail(c, ans, err, TLY_EPARSE,
                        "answer \"%.40s\" twice in question %lld", ans->p,
                        (long long)q.question);
      break;
    }
    if (is_dem) {
      pd.q.dem = v;
      pd.has_dem = true;
    } else if (is_rep) {
      pd.q.rep = v;
      pd.has_rep = true;
    }
  }
  if (s == TLY_OK)
    s = push(p, &pd, err);
  if (s != TLY_OK)
    return s;
  /* Question ids are unique: one seen apart from its other rows (or
   * twice) is an error at its later line. */
  if (p->layout != TLY_POLLS_538_SUBSET && p->n > 1) {
    tly_poll *t = tly__calloc(&p->al, p->n, sizeof *t);
    if (t == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    memcpy(t, p->q, p->n * sizeof *t);
    qsort(t, p->n, sizeof *t, cmp_question);
    for (size_t i = 1; i < p->n && s == TLY_OK; i++)
      if (t[i].poll_id == t[i - 1].poll_id &&
          t[i].question == t[i - 1].question)
        s = tly__fail_at(err, TLY_EPARSE, tly__csv_name(c), t[i].line, 1,
                         "question %lld of poll %lld again (first at line "
                         "%lld)",
                         (long long)t[i].question, (long long)t[i].poll_id,
                         (long long)t[i - 1].line);
    tly__free(&p->al, t, p->n * sizeof *t);
  }
  if (s == TLY_OK) {
    for (size_t i = 0; i < p->n; i++)
      if (p->q[i].dem + p->q[i].rep <= 0)
        return tly__fail_at(err, TLY_EPARSE, tly__csv_name(c), p->q[i].line,
                            1, "both nominees' shares are 0");
  }
  return s;
}

tly_status tly_polls_parse(const char *name, const char *data, size_t len,
                           const tly_polls_read_opts *opts,
                           const tly_allocator *a, tly_polls **out,
                           tly_error *err)
{
  *out = NULL;
  const tly_allocator *al = tly__alloc_or_default(a);
  tly_polls *p = tly__calloc(al, 1, sizeof *p);
  if (p == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  p->al = *al;
  tly__csv *c = NULL;
  tly_status s =
      tly__csv_open(al, name, data, len, MAX_FIELD, MAX_FIELDS, &c, err);
  const tly__csv_field *h = NULL;
  size_t nh = 0;
  bool eof = false;
  if (s == TLY_OK)
    s = tly__csv_next(c, &h, &nh, &eof, err);
  if (s == TLY_OK && eof)
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1, "empty file");
  int col[N_COLS + 1];
  const layout_def *ld = NULL;
  if (s == TLY_OK && !match_layout(h, nh, &ld, col))
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1,
                     "not a poll layout tally reads (538's president_polls "
                     "of 2020/2024, the final 2020 subset or wide table, "
                     "2016's president_general_polls, or tally's own)");
  if (s == TLY_OK) {
    int mx = 0;
    for (int k = 0; k < N_COLS; k++)
      if (col[k] > mx)
        mx = col[k];
    col[N_COLS] = mx;
    p->layout = ld->layout;
    int32_t want = opts == NULL ? 0 : opts->cycle;
    if (want != 0) {
      p->cycle = want;
      s = nominees(p, want, err);
    }
    if (s == TLY_OK)
      s = read_rows(p, c, col, want != 0, err);
  }
  if (s == TLY_OK && p->n == 0)
    s = tly__fail_at(err, TLY_ENODATA, name, 0, 0,
                     "no poll question asks both nominees%s",
                     p->other_cycle > 0 ? " in that cycle" : "");
  tly__csv_free(c);
  if (s != TLY_OK) {
    tly_polls_free(p);
    return s;
  }
  *out = p;
  return TLY_OK;
}

tly_status tly_polls_load(const char *path, const tly_polls_read_opts *opts,
                          const tly_allocator *a, tly_polls **out,
                          tly_error *err)
{
  *out = NULL;
  const tly_allocator *al = tly__alloc_or_default(a);
  gzFile gz = gzopen(path, "rb"); /* reads plain files as they are */
  if (gz == NULL)
    return tly__fail_at(err, TLY_EIO, path, 0, 0, "cannot open: %s",
                        strerror(errno));
  size_t cap = (size_t)1 << 20, len = 0;
  char *buf = tly__malloc(al, cap);
  tly_status s = buf == NULL ? tly__fail(err, TLY_ENOMEM, "out of memory")
                             : TLY_OK;
  while (s == TLY_OK) {
    if (len + 1 >= cap) {
      if (cap >= MAX_FILE) {
        s = tly__fail_at(err, TLY_ERANGE, path, 0, 0,
                         "file larger than 256 MiB");
        break;
      }
      char *nb = tly__realloc(al, buf, cap, cap * 2);
      if (nb == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      buf = nb;
      cap *= 2;
    }
    unsigned want = (unsigned)(cap - len - 1 > (1u << 30) ? (1u << 30)
                                                          : cap - len - 1);
    int got = gzread(gz, buf + len, want);
    if (got < 0) {
      int zerr = 0;
      const char *m = gzerror(gz, &zerr);
      s = tly__fail_at(err, TLY_EIO, path, 0, 0, "read error: %s",
                       m == NULL ? "?" : m);
      break;
    }
    if (got == 0)
      break;
    len += (size_t)got;
  }
  /* zlib returns what it inflated of a stream cut short and flags it only
   * here: Z_BUF_ERROR when the last read ended inside a gzip stream. */
  int zc = gzclose(gz);
  if (s == TLY_OK && zc == Z_BUF_ERROR)
    s = tly__fail_at(err, TLY_EIO, path, 0, 0,
                     "read error: the gzip stream is cut short (truncated "
                     "file)");
  else if (s == TLY_OK && zc != Z_OK)
    s = tly__fail_at(err, TLY_EIO, path, 0, 0, "read error: %s",
                     zc == Z_ERRNO ? strerror(errno) : "gzip close failed");
  if (s == TLY_OK) {
    buf[len] = '\0';
    s = tly_polls_parse(path, buf, len, opts, a, out, err);
  }
  if (buf != NULL)
    tly__free(al, buf, cap);
  return s;
}

tly_status tly_polls_builtin(int cycle, const tly_allocator *a,
                             tly_polls **out, tly_error *err)
{
  *out = NULL;
  char name[32];
  snprintf(name, sizeof name, "polls_%d.csv", cycle);
  size_t len = 0;
  const char *data = tly__data_file(name, &len);
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in polls for %d (2016 and 2020 are built in)",
                     cycle);
  tly_polls_read_opts o = {.cycle = cycle};
  return tly_polls_parse(name, data, len, &o, a, out, err);
}

void tly_polls_free(tly_polls *p)
{
  if (p == NULL)
    return;
  tly_allocator al = p->al;
  for (size_t i = 0; i < p->n_pollsters; i++)
    tly__free(&al, p->pollsters[i], strlen(p->pollsters[i]) + 1);
  tly__free(&al, p->pollsters, p->cap_pollsters * sizeof *p->pollsters);
  tly__free(&al, p->q, p->cap * sizeof *p->q);
  tly__free(&al, p, sizeof *p);
}

tly_polls_layout tly_polls_layout_of(const tly_polls *p)
{
  return p->layout;
}

int32_t tly_polls_cycle(const tly_polls *p)
{
  return p->cycle;
}

size_t tly_polls_n(const tly_polls *p)
{
  return p->n;
}

const tly_poll *tly_polls_get(const tly_polls *p, size_t i)
{
  return i < p->n ? &p->q[i] : NULL;
}

const char *tly_polls_pollster(const tly_polls *p, int32_t k)
{
  return k >= 0 && (size_t)k < p->n_pollsters ? p->pollsters[k] : NULL;
}

size_t tly_polls_n_skipped(const tly_polls *p)
{
  return p->skipped;
}

size_t tly_polls_n_other_cycle(const tly_polls *p)
{
  return p->other_cycle;
}

tly_date tly_polls_last_date(const tly_polls *p)
{
  tly_date best = {0, 0, 0};
  for (size_t i = 0; i < p->n; i++)
    if (best.year == 0 || days(p->q[i].end) > days(best))
      best = p->q[i].end;
  return best;
}
