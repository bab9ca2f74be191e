/*
 * load.c -- elections from CSV: tally's built-in datasets (data/, made by
 * data/mkdata.py from MEDSL, FEC and National Archives figures), files in
 * the MIT Election Data + Science Lab layout, and tally's own layout
 * (`year,unit,candidate,party,votes[,electors]`, see README). Every error
 * names FILE:LINE:COL.
 */
#include "results.h"

#include "arith.h"
#include "buf.h"
#include "csv.h"
#include "history.h"
#include "precinct.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

#define MAX_FIELD 4096 /* bytes in one field: names are short */
#define MAX_FIELDS 64  /* fields in one record */

/* Maine chooses electors by district since 1972 (21-A M.R.S. §805),
 * Nebraska since 1992 (Neb. Rev. Stat. §32-1038). */
#define ME_DISTRICTS_FROM 1972
#define NE_DISTRICTS_FROM 1992

/*---- Column lookup ----*/

typedef struct {
  const char *name;
  int idx; /* -1 when absent */
} column;

static bool field_is(const tly__csv_field *f, const char *s)
{
  return f->n == strlen(s) && memcmp(f->p, s, f->n) == 0;
}

static int find_col(const tly__csv_field *f, size_t n, const char *name)
{
  for (size_t i = 0; i < n; i++) {
    if (field_is(&f[i], name))
      return (int)i;
  }
  return -1;
}

/* Reads the header and maps the required columns; TLY_EPARSE naming the
 * first missing one. */
static tly_status map_header(tly__csv *c, const tly__csv_field *f, size_t n,
                             column *cols, size_t n_cols, size_t n_required,
                             tly_error *err)
{
  for (size_t i = 0; i < n_cols; i++) {
    cols[i].idx = find_col(f, n, cols[i].name);
    if (cols[i].idx < 0 && i < n_required)
      return tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                           "missing column \"%s\"", cols[i].name);
  }
  return TLY_OK;
}

/* Reads the next record, requiring exactly `width` fields. */
static tly_status next_row(tly__csv *c, size_t width,
                           const tly__csv_field **f, bool *eof,
                           tly_error *err)
{
  size_t n = 0;
  tly_status s = tly__csv_next(c, f, &n, eof, err);
  if (s != TLY_OK || *eof)
    return s;
  if (n != width) {
    const tly__csv_field *last = &(*f)[n - 1];
    return tly__csv_fail(c, last, err, TLY_EPARSE,
                         "%zu fields where the header has %zu", n, width);
  }
  return TLY_OK;
}

static tly_status field_i64(tly__csv *c, const tly__csv_field *f,
                            int64_t min, int64_t max, const char *what,
                            int64_t *out, tly_error *err)
{
  tly_status s = tly__scan_i64(f->p, f->n, min, max, out);
  if (s == TLY_OK)
    return TLY_OK;
  if (f->n == 0)
    return tly__csv_fail(c, f, err, TLY_EPARSE, "empty %s", what);
  if (s == TLY_ERANGE) {
    if (f->n > 0 && f->p[0] == '-' && min >= 0)
      return tly__csv_fail(c, f, err, TLY_ERANGE, "negative %s \"%s\"",
                           what, f->p);
    return tly__csv_fail(c, f, err, TLY_ERANGE,
                         "%s \"%s\" is out of range [%lld, %lld]", what,
                         f->p, (long long)min, (long long)max);
  }
  if (f->n > 1 && f->p[0] == '-' && min >= 0) {
    int64_t dummy;
    if (tly__scan_i64(f->p + 1, f->n - 1, 0, INT64_MAX, &dummy) == TLY_OK)
      return tly__csv_fail(c, f, err, TLY_ERANGE, "negative %s \"%s\"",
                           what, f->p);
  }
  return tly__csv_fail(c, f, err, TLY_EPARSE, "%s \"%s\" is not an integer",
                       what, f->p);
}

/*---- Built-in data ----*/

/* A built-in table (csv.c's tly__table) with this file's caps. */
static tly_status open_builtin(const tly_allocator *a, const char *name,
                               const char *const *cols, size_t n_cols,
                               tly__table *t, int *idx, tly_error *err)
{
  return tly__table_open(a, name, MAX_FIELD, MAX_FIELDS, cols, n_cols, t,
                         idx, err);
}

static bool fint(const tly__csv_field *f, int64_t *v)
{
  return tly__scan_i64(f->p, f->n, INT64_MIN, INT64_MAX, v) == TLY_OK;
}

/* Electors of every state and DC for `year` from electors.csv into the
 * builder; the census that set them in *census. ENODATA when none. */
static tly_status add_electors(tly__builder *b, const tly_allocator *a,
                               int year, bool only_present, int *census,
                               tly_error *err)
{
  static const char *const cols[] = {"census", "first_election",
                                     "last_election", "unit", "electors"};
  int idx[5];
  tly__table t;
  tly_status s = open_builtin(a, "electors.csv", cols, 5, &t, idx, err);
  *census = 0;
  int found = 0;
  while (s == TLY_OK) {
    bool eof;
    s = next_row(t.c, t.width, &t.f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t cy, fy, ly, ev;
    if (!fint(&t.f[idx[0]], &cy) || !fint(&t.f[idx[1]], &fy) ||
        !fint(&t.f[idx[2]], &ly) || !fint(&t.f[idx[4]], &ev)) {
      s = tly__fail(err, TLY_EPARSE, "built-in electors.csv is malformed");
      break;
    }
    if (year < fy || year > ly)
      continue;
    const char *code = t.f[idx[3]].p;
    if (only_present && !tly__builder_has_unit(b, code))
      continue;
    *census = (int)cy;
    found++;
    s = tly__builder_electors(b, code, (int32_t)ev, err);
  }
  tly__csv_free(t.c);
  if (s == TLY_OK && found == 0)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in apportionment for %d (have 1972-2028)",
                     year);
  return s;
}

/* Adds the district units of Maine and Nebraska that the votes did not
 * supply, settled by the built-in record of electors as cast. */
static tly_status add_district_records(tly__builder *b,
                                       const tly_allocator *a, int year,
                                       tly_error *err)
{
  static const char *const cols[] = {"year", "unit", "winner"};
  int idx[3];
  tly__table t;
  tly_status s = open_builtin(a, "district_record.csv", cols, 3, &t, idx,
                              err);
  bool noted_me = false;
  bool noted_ne = false;
  while (s == TLY_OK) {
    bool eof;
    s = next_row(t.c, t.width, &t.f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    if (!fint(&t.f[idx[0]], &y) || y != year)
      continue;
    const char *code = t.f[idx[1]].p;
    if (tly__builder_has_unit(b, code))
      continue;
    s = tly__builder_record(b, code, t.f[idx[2]].p, err);
    if (s == TLY_OK)
      s = tly__builder_electors(b, code, 1, err);
    bool me = code[0] == 'M';
    if (s == TLY_OK && ((me && !noted_me) || (!me && !noted_ne))) {
      char line[200];
      snprintf(line, sizeof line,
               "%s has no district returns for %d in the data: its "
               "districts are settled by the electoral votes as cast",
               me ? "Maine" : "Nebraska", year);
      s = tly__builder_note(b, line, err);
      if (me)
        noted_me = true;
      else
        noted_ne = true;
    }
  }
  tly__csv_free(t.c);
  return s;
}

static tly_status add_cast_records(tly__builder *b, const tly_allocator *a,
                                   int year, tly_error *err)
{
  static const char *const cols[] = {"year", "unit", "pledged", "cast",
                                     "electors"};
  int idx[5];
  tly__table t;
  tly_status s = open_builtin(a, "cast.csv", cols, 5, &t, idx, err);
  while (s == TLY_OK) {
    bool eof;
    s = next_row(t.c, t.width, &t.f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y, n;
    if (!fint(&t.f[idx[0]], &y) || y != year)
      continue;
    if (!fint(&t.f[idx[4]], &n) || n <= 0 || n > 100) {
      s = tly__fail(err, TLY_EPARSE, "built-in cast.csv is malformed");
      break;
    }
    s = tly__builder_cast(b, t.f[idx[1]].p, t.f[idx[2]].p, t.f[idx[3]].p,
                          (int32_t)n, err);
  }
  tly__csv_free(t.c);
  return s;
}

size_t tly_builtin_years(int *years, size_t cap)
{
  /* The historical record (1789-1972, history.c), then every fourth year
   * 1976-2024: the built-in results (data/README.md). */
  size_t n = tly__history_years(years, cap);
  for (int y = 1976; y <= 2024; y += 4) {
    if (n < cap)
      years[n] = y;
    n++;
  }
  return n;
}

tly_source tly_builtin_source(int year)
{
  return tly__history_has(year) ? TLY_SOURCE_HISTORY : TLY_SOURCE_MEDSL;
}

bool tly_builtin_has(int year, tly_source source)
{
  switch (source) {
  case TLY_SOURCE_HISTORY:
    return tly__history_has(year);
  case TLY_SOURCE_MEDSL:
    return year >= 1976 && year <= 2024 && year % 4 == 0;
  case TLY_SOURCE_FEC:
    return year >= 2004 && year <= 2020 && year % 4 == 0;
  default:
    return false;
  }
}

tly_status tly__electors_census(int year, const tly_allocator *a,
                                int *census, tly_error *err)
{
  static const char *const cols[] = {"census", "first_election",
                                     "last_election"};
  int idx[3];
  tly__table t;
  tly_status s = open_builtin(a, "electors.csv", cols, 3, &t, idx, err);
  *census = 0;
  while (s == TLY_OK) {
    bool eof;
    s = next_row(t.c, t.width, &t.f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t cy, fy, ly;
    if (!fint(&t.f[idx[0]], &cy) || !fint(&t.f[idx[1]], &fy) ||
        !fint(&t.f[idx[2]], &ly)) {
      s = tly__fail(err, TLY_EPARSE, "built-in electors.csv is malformed");
      break;
    }
    if (year >= fy && year <= ly) {
      *census = (int)cy; /* every row of one apportionment names it */
      break;
    }
  }
  tly__csv_free(t.c);
  if (s == TLY_OK && *census == 0)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in apportionment for %d (have 1972-2028)",
                     year);
  return s;
}

tly_status tly_election_builtin(int year, tly_source source,
                                const tly_allocator *a, tly_election **out,
                                tly_error *err)
{
  *out = NULL;
  if (source == TLY_SOURCE_HISTORY)
    return tly__history_load(year, a, out, err);
  if (source == TLY_SOURCE_MEDSL && tly__history_has(year))
    return tly__fail(err, TLY_ENODATA,
                     "MEDSL covers 1976-2024; %d comes from the historical "
                     "record (source history)",
                     year);
  const char *src = source == TLY_SOURCE_MEDSL ? "medsl"
                    : source == TLY_SOURCE_FEC ? "fec"
                                               : NULL;
  if (src == NULL)
    return tly__fail(err, TLY_EINVAL, "a built-in source is medsl or fec");
  if (year < 1976 || year > 2024 || year % 4 != 0)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in election %d (have 1789 and every 4 years "
                     "1792-2024; MEDSL: 1976-2024)",
                     year);
  if (source == TLY_SOURCE_FEC && (year < 2004 || year > 2020))
    return tly__fail(err, TLY_ENODATA,
                     "the FEC source covers 2004-2020, not %d", year);
  tly__builder *b = NULL;
  tly_status s = tly__builder_new(a, &b, err);
  if (s != TLY_OK)
    return s;
  static const char *const cols[] = {"year", "source", "unit", "name",
                                     "party", "votes"};
  int idx[6];
  tly__table t;
  s = open_builtin(a, "results.csv", cols, 6, &t, idx, err);
  char ybuf[8];
  snprintf(ybuf, sizeof ybuf, "%d", year);
  while (s == TLY_OK) {
    bool eof;
    s = next_row(t.c, t.width, &t.f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (!field_is(&t.f[idx[0]], ybuf) || !field_is(&t.f[idx[1]], src))
      continue;
    int64_t v;
    if (!fint(&t.f[idx[5]], &v)) {
      s = tly__fail(err, TLY_EPARSE, "built-in results.csv is malformed");
      break;
    }
    s = tly__builder_add(b, t.f[idx[2]].p, t.f[idx[3]].p, t.f[idx[4]].p, v,
                         err);
    if (s == TLY_OK && t.f[idx[2]].n == 4)
      s = tly__builder_electors(b, t.f[idx[2]].p, 1, err);
  }
  tly__csv_free(t.c);
  int census = 0;
  if (s == TLY_OK)
    s = add_district_records(b, a, year, err);
  if (s == TLY_OK)
    s = add_electors(b, a, year, true, &census, err);
  if (s == TLY_OK)
    s = add_cast_records(b, a, year, err);
  if (s == TLY_OK && source == TLY_SOURCE_FEC)
    s = tly__builder_note(b,
                          "FEC certified state totals list the two major "
                          "nominees; all other candidates are \"Others\"; "
                          "district returns are OpenElections-derived",
                          err);
  if (s == TLY_OK)
    s = tly__builder_finish(b, year, source,
                            source == TLY_SOURCE_MEDSL ? "MEDSL" : "FEC",
                            census, out, err);
  tly__builder_free(b);
  return s;
}

/*---- Files: shared helpers ----*/

static char up(char ch)
{
  return (ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch;
}

static char down(char ch)
{
  return (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
}

/* "CLINTON, HILLARY" -> "Hillary Clinton"; "DE LA FUENTE, ROQUE ""ROCKY"""
 * -> "Roque ""Rocky"" De La Fuente": words capitalized, the part after the
 * first comma first. Writes at most size-1 bytes. */
static void display_name(const char *s, size_t n, char *out, size_t size)
{
  char tmp[MAX_FIELD + 2];
  size_t k = 0;
  const char *comma = memchr(s, ',', n);
  if (comma != NULL) {
    const char *r = comma + 1;
    while (r < s + n && *r == ' ')
      r++;
    size_t rn = (size_t)(s + n - r);
    memcpy(tmp, r, rn);
    k = rn;
    tmp[k++] = ' ';
    memcpy(tmp + k, s, (size_t)(comma - s));
    k += (size_t)(comma - s);
  } else {
    memcpy(tmp, s, n);
    k = n;
  }
  tmp[k] = '\0';
  size_t j = 0;
  bool start = true;
  for (size_t i = 0; i < k && j + 1 < size; i++) {
    char ch = tmp[i];
    out[j++] = start ? up(ch) : down(ch);
    start = !((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
              ch == '\'');
  }
  out[j] = '\0';
}

/* Whether the words of a and b are the same multiset, ignoring case and
 * punctuation ("Romney Mitt" and "Mitt Romney"). */
static bool same_words(const char *a, const char *b)
{
  char wa[16][64];
  char wb[16][64];
  size_t na = 0;
  size_t nb = 0;
  const char *src[2] = {a, b};
  for (int pass = 0; pass < 2; pass++) {
    char(*w)[64] = pass ? wb : wa;
    size_t *nw = pass ? &nb : &na;
    size_t len = 0;
    for (const char *p = src[pass];; p++) {
      char ch = up(*p);
      bool letter = (ch >= 'A' && ch <= 'Z');
      if (letter && len < 63) {
        if (len == 0 && *nw >= 16)
          return false;
        w[*nw][len++] = ch;
      } else if (!letter && len > 0) {
        w[*nw][len] = '\0';
        (*nw)++;
        len = 0;
      }
      if (*p == '\0')
        break;
    }
  }
  if (na != nb)
    return false;
  bool used[16] = {false};
  for (size_t i = 0; i < na; i++) {
    bool ok = false;
    for (size_t j = 0; j < nb && !ok; j++) {
      if (!used[j] && strcmp(wa[i], wb[j]) == 0) {
        used[j] = true;
        ok = true;
      }
    }
    if (!ok)
      return false;
  }
  return true;
}

static bool ieq_field(const tly__csv_field *f, const char *s)
{
  size_t n = strlen(s);
  if (f->n != n)
    return false;
  for (size_t i = 0; i < n; i++) {
    if (up(f->p[i]) != up(s[i]))
      return false;
  }
  return true;
}

/* Rows that are not votes for anyone (dropped): MEDSL's labels. */
static bool not_a_vote(const tly__csv_field *f)
{
  static const char *const labels[] = {
      "BLANK VOTE", "BLANK VOTES", "BLANK", "VOID VOTE", "VOID",
      "UNDERVOTES", "UNDERVOTE", "UNDER VOTES", "OVERVOTES", "OVERVOTE",
      "OVER VOTES", "SPOILED", "SPOILED BALLOTS"};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
    if (ieq_field(f, labels[i]))
      return true;
  }
  return false;
}

/* Nevada's ballot line (NRS 293.269): counted in the total, it elects no
 * one; kept as the line "None of these candidates" (see results.h). */
static bool ballot_line(const tly__csv_field *f)
{
  static const char *const labels[] = {
      "NONE OF THESE CANDIDATES", "NONE OF THESE CANDIDATES FOR PRESIDENT",
      "NONE OF THE ABOVE"};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
    if (ieq_field(f, labels[i]))
      return true;
  }
  return false;
}

bool tly__medsl_not_a_vote(const char *p, size_t n)
{
  tly__csv_field f = {.p = p, .n = n};
  return not_a_vote(&f);
}

/* Rows that are votes for someone unnamed: summed into "Others". */
static bool unnamed(const tly__csv_field *f)
{
  static const char *const labels[] = {
      "", "SCATTERING", "WRITE-IN", "WRITE-INS", "WRITEIN", "OTHER",
      "OTHERS", "NOT DESIGNATED", "UNDESIGNATED", "WRITE IN"};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
    if (ieq_field(f, labels[i]))
      return true;
  }
  return false;
}

bool tly__medsl_unnamed(const char *p, size_t n)
{
  tly__csv_field f = {.p = p, .n = n};
  return unnamed(&f);
}

/* A small open-addressing set of row keys (64-bit hashes) to find
 * duplicate rows; grows by doubling. */
typedef struct {
  uint64_t *keys;
  int64_t *lines;
  size_t cap, n;
} keyset;

static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)up(p[i]);
    h *= 1099511628211ULL;
  }
  h ^= 0x1f;
  h *= 1099511628211ULL;
  return h;
}

/* Inserts key; returns the line of an earlier identical key, or 0. -1 on
 * out of memory. */
static int64_t keyset_add(const tly_allocator *a, keyset *s, uint64_t key,
                          int64_t line)
{
  if (key == 0)
    key = 1;
  if (2 * (s->n + 1) > s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 1024;
    uint64_t *nk = tly__calloc(a, nc, sizeof *nk);
    int64_t *nl = tly__calloc(a, nc, sizeof *nl);
    if (nk == NULL || nl == NULL) {
      tly__free(a, nk, nc * sizeof *nk);
      tly__free(a, nl, nc * sizeof *nl);
      return -1;
    }
    for (size_t i = 0; i < s->cap; i++) {
      if (s->keys[i] == 0)
        continue;
      size_t j = (size_t)(s->keys[i] % nc);
      while (nk[j] != 0)
        j = (j + 1) % nc;
      nk[j] = s->keys[i];
      nl[j] = s->lines[i];
    }
    tly__free(a, s->keys, s->cap * sizeof *s->keys);
    tly__free(a, s->lines, s->cap * sizeof *s->lines);
    s->keys = nk;
    s->lines = nl;
    s->cap = nc;
  }
  size_t j = (size_t)(key % s->cap);
  while (s->keys[j] != 0) {
    if (s->keys[j] == key)
      return s->lines[j];
    j = (j + 1) % s->cap;
  }
  s->keys[j] = key;
  s->lines[j] = line;
  s->n++;
  return 0;
}

static void keyset_free(const tly_allocator *a, keyset *s)
{
  tly__free(a, s->keys, s->cap * sizeof *s->keys);
  tly__free(a, s->lines, s->cap * sizeof *s->lines);
}

/* The totals of a MEDSL file (`totalvotes`): per (year, state, mode and
 * any county or precinct columns), the sum of the votes counted and the
 * smallest total given, with where it was given; open addressing on a
 * 64-bit hash, grown by doubling. */
typedef struct {
  uint64_t key; /* 0: empty */
  int64_t sum, total, line, col;
  bool over; /* the sum overflowed int64: above any total */
} total_entry;

typedef struct {
  total_entry *e;
  size_t cap, n;
} totals;

/* The entry of key, made (sum 0, total `total` at line:col) when new;
 * NULL on out of memory. */
static total_entry *totals_get(const tly_allocator *a, totals *t,
                               uint64_t key, int64_t total, int64_t line,
                               int64_t col)
{
  if (key == 0)
    key = 1;
  if (2 * (t->n + 1) > t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 256;
    total_entry *ne = tly__calloc(a, nc, sizeof *ne);
    if (ne == NULL)
      return NULL;
    for (size_t i = 0; i < t->cap; i++) {
      if (t->e[i].key == 0)
        continue;
      size_t j = (size_t)(t->e[i].key % nc);
      while (ne[j].key != 0)
        j = (j + 1) % nc;
      ne[j] = t->e[i];
    }
    tly__free(a, t->e, t->cap * sizeof *t->e);
    t->e = ne;
    t->cap = nc;
  }
  size_t j = (size_t)(key % t->cap);
  while (t->e[j].key != 0 && t->e[j].key != key)
    j = (j + 1) % t->cap;
  if (t->e[j].key == 0) {
    t->e[j] = (total_entry){key, 0, total, line, col, false};
    t->n++;
  }
  return &t->e[j];
}

/*---- Files: the MEDSL layout ----*/

enum { M_YEAR, M_STATE, M_CAND, M_PARTY, M_SIMPLE, M_VOTES, M_WRITEIN,
       M_MODE, M_TOTAL, M_COUNTY, M_PRECINCT, M_N };

/* One pass over a MEDSL file. Pass 0 validates every row and collects the
 * years; pass 1 finds, for `year`, the Democratic and Republican nominees
 * (the name with the most votes on each party's lines) and which states
 * report a TOTAL mode; pass 2 feeds the builder. */
typedef struct {
  const tly_allocator *a;
  const char *name;
  const char *data;
  size_t len;
  int years[64];
  size_t n_years;
  int year;
  char nominee[2][MAX_FIELD + 2];
  int64_t nominee_votes[2];
  bool total_mode[51];
} medsl;

/* Reads a row's `totalvotes` (a count) and adds its votes, when they
 * are votes for someone, to the sum of its (year, state, mode, county,
 * precinct). */
static tly_status count_total(const tly_allocator *a, tly__csv *c,
                              const tly__csv_field *f, const column *cols,
                              const tly__csv_field *cand, int64_t v,
                              totals *tot, tly_error *err)
{
  const tly__csv_field *tf = &f[cols[M_TOTAL].idx];
  int64_t total;
  tly_status s = field_i64(c, tf, 0, INT64_MAX, "total votes", &total, err);
  if (s != TLY_OK)
    return s;
  static const int key_cols[] = {M_YEAR, M_STATE, M_MODE, M_COUNTY,
                                 M_PRECINCT};
  uint64_t h = 14695981039346656037ULL;
  for (size_t k = 0; k < sizeof key_cols / sizeof key_cols[0]; k++) {
    int i = cols[key_cols[k]].idx;
    h = i >= 0 ? fnv(h, f[i].p, f[i].n) : fnv(h, "", 0);
  }
  total_entry *t = totals_get(a, tot, h, total, tf->line, tf->col);
  if (t == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  if (total < t->total) { /* the smallest total given is the bound */
    t->total = total;
    t->line = tf->line;
    t->col = tf->col;
  }
  if (!not_a_vote(cand) && !tly__add_i64(t->sum, v, &t->sum))
    t->over = true;
  return TLY_OK;
}

/* After pass 0: a total smaller than the votes of its candidates (blank,
 * over- and undervotes not counted) is refused at the earliest such
 * total. */
static tly_status check_totals(const char *name, const totals *tot,
                               tly_error *err)
{
  const total_entry *bad = NULL;
  for (size_t i = 0; i < tot->cap; i++) {
    const total_entry *t = &tot->e[i];
    if (t->key != 0 && (t->over || t->sum > t->total) &&
        (bad == NULL || t->line < bad->line))
      bad = t;
  }
  if (bad == NULL)
    return TLY_OK;
  if (bad->over)
    return tly__fail_at(err, TLY_EOVERFLOW, name, bad->line, bad->col,
                        "the votes of this total's candidates overflow a "
                        "64-bit count");
  return tly__fail_at(err, TLY_EPARSE, name, bad->line, bad->col,
                      "total votes %lld is smaller than the sum of its "
                      "candidates' votes, %lld",
                      (long long)bad->total, (long long)bad->sum);
}

static tly_status medsl_pass(medsl *m, int pass, tly__builder *b,
                             tly_error *err)
{
  tly__csv *c = NULL;
  keyset seen = {0};
  totals tot = {0};
  tly_status s = tly__csv_open(m->a, m->name, m->data, m->len, MAX_FIELD,
                               MAX_FIELDS, &c, err);
  if (s != TLY_OK)
    return s;
  const tly__csv_field *f;
  size_t width;
  bool eof;
  s = tly__csv_next(c, &f, &width, &eof, err);
  column cols[M_N] = {{"year", -1},          {"state_po", -1},
                      {"candidate", -1},     {"party_detailed", -1},
                      {"party_simplified", -1}, {"candidatevotes", -1},
                      {"writein", -1},       {"mode", -1},
                      {"totalvotes", -1},    {"county_fips", -1},
                      {"precinct", -1}};
  if (s == TLY_OK) {
    if (find_col(f, width, "candidatevotes") < 0)
      cols[M_VOTES].name = "votes";
    s = map_header(c, f, width, cols, M_N, M_VOTES + 1, err);
  }
  while (s == TLY_OK) {
    s = next_row(c, width, &f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t y;
    s = field_i64(c, &f[cols[M_YEAR].idx], 1789, 9999, "year", &y, err);
    if (s != TLY_OK)
      break;
    const tly__csv_field *st = &f[cols[M_STATE].idx];
    int si = tly__state_index(st->p, st->n);
    if (si < 0) {
      s = tly__csv_fail(c, st, err, TLY_EINVAL, "unknown state \"%s\"",
                        st->p);
      break;
    }
    int64_t v;
    s = field_i64(c, &f[cols[M_VOTES].idx], 0, INT64_MAX, "vote count", &v,
                  err);
    if (s != TLY_OK)
      break;
    const tly__csv_field *cand = &f[cols[M_CAND].idx];
    const tly__csv_field *party = &f[cols[M_PARTY].idx];
    const tly__csv_field *simple = &f[cols[M_SIMPLE].idx];
    const tly__csv_field *mode =
        cols[M_MODE].idx >= 0 ? &f[cols[M_MODE].idx] : NULL;
    if (pass == 0) {
      uint64_t h = fnv(14695981039346656037ULL, f[cols[M_YEAR].idx].p,
                       f[cols[M_YEAR].idx].n);
      h = fnv(h, st->p, st->n);
      h = fnv(h, cand->p, cand->n);
      h = fnv(h, party->p, party->n);
      if (cols[M_WRITEIN].idx >= 0)
        h = fnv(h, f[cols[M_WRITEIN].idx].p, f[cols[M_WRITEIN].idx].n);
      if (mode != NULL)
        h = fnv(h, mode->p, mode->n);
      int64_t first = keyset_add(m->a, &seen, h, tly__csv_line(c));
      if (first < 0) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      if (first > 0) {
        s = tly__csv_fail(c, cand, err, TLY_EPARSE,
                          "duplicate row for \"%s\" in %s (first at line "
                          "%lld)",
                          cand->p, st->p, (long long)first);
        break;
      }
      if (cols[M_TOTAL].idx >= 0) {
        s = count_total(m->a, c, f, cols, cand, v, &tot, err);
        if (s != TLY_OK)
          break;
      }
      bool have = false;
      for (size_t i = 0; i < m->n_years; i++)
        have = have || m->years[i] == (int)y;
      if (!have) {
        if (m->n_years == 64) {
          s = tly__csv_fail(c, &f[cols[M_YEAR].idx], err, TLY_EPARSE,
                            "more than 64 elections in one file");
          break;
        }
        m->years[m->n_years++] = (int)y;
      }
      continue;
    }
    if ((int)y != m->year || not_a_vote(cand))
      continue;
    bool is_total = mode != NULL && ieq_field(mode, "TOTAL");
    if (pass == 1) {
      if (is_total)
        m->total_mode[si] = true;
      int k = ieq_field(simple, "DEMOCRAT") ? 0
              : ieq_field(simple, "REPUBLICAN") ? 1
                                                : -1;
      if (k >= 0 && v > m->nominee_votes[k] && !unnamed(cand) &&
          !ballot_line(cand)) {
        m->nominee_votes[k] = v;
        display_name(cand->p, cand->n, m->nominee[k],
                     sizeof m->nominee[k]);
      }
      continue;
    }
    if (mode != NULL && m->total_mode[si] && !is_total)
      continue; /* the state reports a TOTAL row: modes would double */
    char nm[MAX_FIELD + 2];
    char pty[MAX_FIELD + 2];
    if (unnamed(cand)) {
      snprintf(nm, sizeof nm, "Others");
      pty[0] = '\0';
    } else if (ballot_line(cand)) {
      snprintf(nm, sizeof nm, "None of these candidates");
      pty[0] = '\0';
    } else {
      display_name(cand->p, cand->n, nm, sizeof nm);
      display_name(party->p, party->n, pty, sizeof pty);
      for (int k = 0; k < 2; k++) {
        const char *pn = k == 0 ? "DEMOCRAT" : "REPUBLICAN";
        if (m->nominee[k][0] != '\0' &&
            (same_words(nm, m->nominee[k]) || ieq_field(simple, pn))) {
          snprintf(nm, sizeof nm, "%s", m->nominee[k]);
          snprintf(pty, sizeof pty, "%s",
                   k == 0 ? "Democratic" : "Republican");
        }
      }
    }
    s = tly__builder_add(b, tly__state_code(si), nm, pty, v, err);
    if (s != TLY_OK && err != NULL && err->line == 0)
      s = tly__csv_fail(c, &f[cols[M_VOTES].idx], err, s, "%s", err->msg);
  }
  if (s == TLY_OK && pass == 0)
    s = check_totals(m->name, &tot, err);
  tly__free(m->a, tot.e, tot.cap * sizeof *tot.e);
  keyset_free(m->a, &seen);
  tly__csv_free(c);
  return s;
}

/*---- Files: tally's layout ----*/

enum { T_YEAR, T_UNIT, T_CAND, T_PARTY, T_VOTES, T_ELECTORS, T_N };

static tly_status tally_pass(const tly_allocator *a, const char *name,
                             const char *data, size_t len, int *year,
                             tly__builder *b, bool *have_electors,
                             tly_error *err)
{
  tly__csv *c = NULL;
  keyset seen = {0};
  tly_status s =
      tly__csv_open(a, name, data, len, MAX_FIELD, MAX_FIELDS, &c, err);
  if (s != TLY_OK)
    return s;
  const tly__csv_field *f;
  size_t width;
  bool eof;
  s = tly__csv_next(c, &f, &width, &eof, err);
  column cols[T_N] = {{"year", -1},  {"unit", -1},  {"candidate", -1},
                      {"party", -1}, {"votes", -1}, {"electors", -1}};
  if (s == TLY_OK)
    s = map_header(c, f, width, cols, T_N, T_VOTES + 1, err);
  if (s == TLY_OK) {
    for (size_t i = 0; i < width; i++) {
      bool known = false;
      for (int k = 0; k < T_N; k++)
        known = known || cols[k].idx == (int)i;
      if (!known) {
        s = tly__csv_fail(c, &f[i], err, TLY_EPARSE, "unknown column \"%s\"",
                          f[i].p);
        break;
      }
    }
  }
  *have_electors = cols[T_ELECTORS].idx >= 0;
  int32_t electors[64];
  int64_t electors_line[64];
  for (int i = 0; i < 64; i++)
    electors[i] = -1;
  size_t rows = 0;
  /* Where each district's first row is (ME-1, ME-2, NE-1..3) and whether
   * the file has ME's and NE's own rows: a district needs its state. */
  int64_t dline[5] = {0}, dcol[5] = {0};
  bool has_state[2] = {false, false};
  while (s == TLY_OK) {
    s = next_row(c, width, &f, &eof, err);
    if (s != TLY_OK || eof)
      break;
    rows++;
    int64_t y;
    s = field_i64(c, &f[cols[T_YEAR].idx], 1789, 9999, "year", &y, err);
    if (s != TLY_OK)
      break;
    if (*year == 0)
      *year = (int)y;
    else if (*year != (int)y) {
      s = tly__csv_fail(c, &f[cols[T_YEAR].idx], err, TLY_EPARSE,
                        "year %lld differs from the file's first year %d: "
                        "one election per file",
                        (long long)y, *year);
      break;
    }
    const tly__csv_field *u = &f[cols[T_UNIT].idx];
    if (!tly__unit_code_valid(u->p, u->n)) {
      s = tly__csv_fail(c, u, err, TLY_EINVAL, "unknown state \"%s\"", u->p);
      break;
    }
    if (u->n == 2 && (up(u->p[0]) == 'M' || up(u->p[0]) == 'N') &&
        up(u->p[1]) == 'E')
      has_state[up(u->p[0]) == 'M' ? 0 : 1] = true;
    if (u->n == 4) {
      bool me = up(u->p[0]) == 'M';
      int k = (me ? 0 : 2) + (u->p[3] - '1');
      if (dline[k] == 0) {
        dline[k] = u->line;
        dcol[k] = u->col;
      }
      int from = me ? ME_DISTRICTS_FROM : NE_DISTRICTS_FROM;
      if (y < from) {
        s = tly__csv_fail(c, u, err, TLY_EINVAL,
                          "%s chose no electors by district before %d",
                          me ? "Maine" : "Nebraska", from);
        break;
      }
    }
    const tly__csv_field *cand = &f[cols[T_CAND].idx];
    if (cand->n == 0) {
      s = tly__csv_fail(c, cand, err, TLY_EPARSE, "empty candidate name");
      break;
    }
    int64_t v;
    s = field_i64(c, &f[cols[T_VOTES].idx], 0, INT64_MAX, "vote count", &v,
                  err);
    if (s != TLY_OK)
      break;
    uint64_t h = fnv(14695981039346656037ULL, u->p, u->n);
    h = fnv(h, cand->p, cand->n);
    int64_t first = keyset_add(a, &seen, h, tly__csv_line(c));
    if (first < 0) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      break;
    }
    if (first > 0) {
      s = tly__csv_fail(c, cand, err, TLY_EPARSE,
                        "duplicate row for \"%s\" in %s (first at line %lld)",
                        cand->p, u->p, (long long)first);
      break;
    }
    const char *party = cols[T_PARTY].idx >= 0 ? f[cols[T_PARTY].idx].p : "";
    s = tly__builder_add(b, u->p, cand->p, party, v, err);
    if (s != TLY_OK) {
      if (err != NULL)
        s = tly__csv_fail(c, &f[cols[T_VOTES].idx], err, s, "%s", err->msg);
      break;
    }
    if (*have_electors) {
      const tly__csv_field *ef = &f[cols[T_ELECTORS].idx];
      int64_t ev;
      s = field_i64(c, ef, 1, 1000, "electors", &ev, err);
      if (s != TLY_OK)
        break;
      /* One slot per unit: 51 states and DC, then ME-1..2, NE-1..3. */
      int slot = u->n == 4 ? 51 + (up(u->p[0]) == 'M' ? 0 : 2) + (u->p[3] - '1')
                           : tly__state_index(u->p, 2);
      if (electors[slot] >= 0 && electors[slot] != (int32_t)ev) {
        s = tly__csv_fail(c, ef, err, TLY_EPARSE,
                          "electors %lld for %s differ from %d at line %lld",
                          (long long)ev, u->p, electors[slot],
                          (long long)electors_line[slot]);
        break;
      }
      electors[slot] = (int32_t)ev;
      electors_line[slot] = tly__csv_line(c);
      s = tly__builder_electors(b, u->p, (int32_t)ev, err);
    } else if (u->n == 4) {
      s = tly__builder_electors(b, u->p, 1, err);
    }
  }
  if (s == TLY_OK && rows == 0)
    s = tly__fail_at(err, TLY_EPARSE, name, 2, 1, "no rows after the header");
  for (int k = 0; k < 5 && s == TLY_OK; k++) {
    bool me = k < 2;
    if (dline[k] != 0 && !has_state[me ? 0 : 1])
      s = tly__fail_at(err, TLY_EINVAL, name, dline[k], dcol[k],
                       "district %s-%d without its state: the file has no "
                       "%s row (a district's votes come with the state's)",
                       me ? "ME" : "NE", me ? k + 1 : k - 1,
                       me ? "ME" : "NE");
  }
  keyset_free(a, &seen);
  tly__csv_free(c);
  return s;
}

/*---- Files: entry points ----*/

tly_status tly_election_parse(const char *name, const char *data, size_t len,
                              const tly_load_opts *opts,
                              const tly_allocator *a, tly_election **out,
                              tly_error *err)
{
  *out = NULL;
  if (len == 0)
    return tly__fail_at(err, TLY_EPARSE, name, 1, 1, "empty file");
  /* Read the header to tell the layouts apart. */
  tly__csv *c = NULL;
  tly_status s =
      tly__csv_open(a, name, data, len, MAX_FIELD, MAX_FIELDS, &c, err);
  if (s != TLY_OK)
    return s;
  const tly__csv_field *f;
  size_t width;
  bool eof;
  s = tly__csv_next(c, &f, &width, &eof, err);
  bool is_medsl = false;
  if (s == TLY_OK && eof)
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1, "empty file");
  if (s == TLY_OK) {
    is_medsl = find_col(f, width, "state_po") >= 0;
    if (!is_medsl && find_col(f, width, "unit") < 0)
      s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                        "unrecognized header: expected tally's layout "
                        "(year,unit,candidate,party,votes) or MEDSL's "
                        "(year,state_po,candidate,...,candidatevotes)");
  }
  tly__csv_free(c);
  if (s != TLY_OK)
    return s;

  tly__builder *b = NULL;
  s = tly__builder_new(a, &b, err);
  if (s != TLY_OK)
    return s;
  int year = 0;
  int census = 0;
  bool have_electors = false;
  medsl *m = NULL;
  if (is_medsl) {
    m = tly__calloc(a, 1, sizeof *m);
    if (m == NULL) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
    *m = (medsl){.a = a, .name = name, .data = data, .len = len};
    s = medsl_pass(m, 0, NULL, err);
    if (s != TLY_OK)
      goto done;
    if (m->n_years == 0) {
      s = tly__fail_at(err, TLY_EPARSE, name, 2, 1,
                       "no rows after the header");
      goto done;
    }
    int want = opts != NULL ? opts->year : 0;
    if (want == 0 && m->n_years > 1) {
      int lo = m->years[0];
      int hi = m->years[0];
      for (size_t i = 1; i < m->n_years; i++) {
        lo = m->years[i] < lo ? m->years[i] : lo;
        hi = m->years[i] > hi ? m->years[i] : hi;
      }
      s = tly__fail(err, TLY_EINVAL,
                    "the file holds %zu elections (%d-%d); choose one with "
                    "--year",
                    m->n_years, lo, hi);
      if (err != NULL)
        snprintf(err->file, sizeof err->file, "%s", name);
      goto done;
    }
    year = want != 0 ? want : m->years[0];
    bool have = false;
    for (size_t i = 0; i < m->n_years; i++)
      have = have || m->years[i] == year;
    if (!have) {
      s = tly__fail(err, TLY_ENODATA, "%s has no election of %d", name, year);
      goto done;
    }
    m->year = year;
    s = medsl_pass(m, 1, NULL, err);
    if (s == TLY_OK)
      s = medsl_pass(m, 2, b, err);
  } else {
    s = tally_pass(a, name, data, len, &year, b, &have_electors, err);
    if (s == TLY_OK && opts != NULL && opts->year != 0 && opts->year != year)
      s = tly__fail(err, TLY_ENODATA, "%s has no election of %d", name,
                    opts->year);
  }
  if (s != TLY_OK)
    goto done;
  if (!have_electors) {
    s = add_electors(b, a, year, true, &census, err);
    if (s != TLY_OK) {
      if (err != NULL)
        snprintf(err->msg, sizeof err->msg,
                 "no built-in apportionment for %d (have 1972-2028): add an "
                 "electors column",
                 year);
      if (err != NULL) {
        snprintf(err->file, sizeof err->file, "%s", name);
        err->line = 2; /* the first row, whose year has no apportionment */
        err->col = 1;
      }
      goto done;
    }
  }
  /* Maine and Nebraska without district rows: whole-state, said so. */
  const char *dstate[2] = {"ME", "NE"};
  const char *dname[2] = {"Maine", "Nebraska"};
  int dfrom[2] = {ME_DISTRICTS_FROM, NE_DISTRICTS_FROM};
  for (int k = 0; k < 2 && s == TLY_OK; k++) {
    char d1[8];
    snprintf(d1, sizeof d1, "%s-1", dstate[k]);
    if (year >= dfrom[k] && tly__builder_has_unit(b, dstate[k]) &&
        !tly__builder_has_unit(b, d1)) {
      char line[200];
      snprintf(line, sizeof line,
               "%s has no district returns in this file: its electors are "
               "awarded statewide",
               dname[k]);
      s = tly__builder_note(b, line, err);
    }
  }
  if (s == TLY_OK && is_medsl)
    s = tly__builder_note(b, "candidates are matched across ballot lines "
                             "by name and major party",
                          err);
  if (s == TLY_OK) {
    const char *base = strrchr(name, '/');
    s = tly__builder_finish(b, year, TLY_SOURCE_FILE,
                            base != NULL ? base + 1 : name, census, out,
                            err);
    if (s != TLY_OK && err != NULL && err->file[0] == '\0')
      snprintf(err->file, sizeof err->file, "%s", name);
  }
done:
  if (m != NULL)
    tly__free(a, m, sizeof *m);
  tly__builder_free(b);
  return s;
}

tly_status tly_election_load(const char *path, const tly_load_opts *opts,
                             const tly_allocator *a, tly_election **out,
                             tly_error *err)
{
  *out = NULL;
  /* MEDSL county and precinct files (plain or gzip): precinct.c. Standard
   * input's first bytes are read here to tell which reader takes it. */
  bool precinct = false;
  tly__stdin_head head;
  tly_status ps = tly__precinct_sniff(path, a, &head, &precinct, err);
  if (ps == TLY_OK && precinct)
    ps = tly__precinct_election(path, &head, opts, a, out, err);
  if (ps != TLY_OK || precinct) {
    tly__stdin_head_free(a, &head);
    return ps;
  }
  tly__buf buf;
  tly__buf_init(&buf, a, TLY__FILE_MAX);
  tly_status s = TLY_OK;
  if (head.n > 0 && tly__buf_add(&buf, (const char *)head.p, head.n) != TLY_OK)
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  tly__stdin_head_free(a, &head);
  if (s == TLY_OK)
    s = tly__file_read(path, &buf, err);
  else
    tly__buf_free(&buf);
  if (s != TLY_OK)
    return s;
  s = tly_election_parse(tly__file_name(path), buf.p, buf.len, opts, a, out,
                         err);
  tly__buf_free(&buf);
  return s;
}
