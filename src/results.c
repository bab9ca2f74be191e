/*
 * results.c -- the data model: an election is its units (50 states, DC and
 * the congressional districts of Maine and Nebraska, which choose electors
 * of their own under Maine's 1969 and Nebraska's 1991 district laws),
 * candidates (people, not ballot lines) and an int64 count per pair.
 */
#include "results.h"

#include "arith.h"
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*---- States ----*/

static const struct {
  const char *code;
  const char *name;
} states[51] = {
    {"AK", "Alaska"},         {"AL", "Alabama"},
    {"AR", "Arkansas"},       {"AZ", "Arizona"},
    {"CA", "California"},     {"CO", "Colorado"},
    {"CT", "Connecticut"},    {"DC", "District of Columbia"},
    {"DE", "Delaware"},       {"FL", "Florida"},
    {"GA", "Georgia"},        {"HI", "Hawaii"},
    {"IA", "Iowa"},           {"ID", "Idaho"},
    {"IL", "Illinois"},       {"IN", "Indiana"},
    {"KS", "Kansas"},         {"KY", "Kentucky"},
    {"LA", "Louisiana"},      {"MA", "Massachusetts"},
    {"MD", "Maryland"},       {"ME", "Maine"},
    {"MI", "Michigan"},       {"MN", "Minnesota"},
    {"MO", "Missouri"},       {"MS", "Mississippi"},
    {"MT", "Montana"},        {"NC", "North Carolina"},
    {"ND", "North Dakota"},   {"NE", "Nebraska"},
    {"NH", "New Hampshire"},  {"NJ", "New Jersey"},
    {"NM", "New Mexico"},     {"NV", "Nevada"},
    {"NY", "New York"},       {"OH", "Ohio"},
    {"OK", "Oklahoma"},       {"OR", "Oregon"},
    {"PA", "Pennsylvania"},   {"RI", "Rhode Island"},
    {"SC", "South Carolina"}, {"SD", "South Dakota"},
    {"TN", "Tennessee"},      {"TX", "Texas"},
    {"UT", "Utah"},           {"VA", "Virginia"},
    {"VT", "Vermont"},        {"WA", "Washington"},
    {"WI", "Wisconsin"},      {"WV", "West Virginia"},
    {"WY", "Wyoming"},
};

static char upper(char c)
{
  return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

int tly__state_index(const char *code, size_t n)
{
  if (n != 2)
    return -1;
  for (int i = 0; i < 51; i++) {
    if (states[i].code[0] == upper(code[0]) &&
        states[i].code[1] == upper(code[1]))
      return i;
  }
  return -1;
}

const char *tly__state_code(int i)
{
  return states[i].code;
}

const char *tly_state_name(const char *code)
{
  int i = tly__state_index(code, strlen(code));
  return i < 0 ? NULL : states[i].name;
}

bool tly__unit_code_valid(const char *code, size_t n)
{
  if (n == 2)
    return tly__state_index(code, 2) >= 0;
  if (n != 4 || code[2] != '-')
    return false;
  char s0 = upper(code[0]);
  char s1 = upper(code[1]);
  if (s0 == 'M' && s1 == 'E')
    return code[3] == '1' || code[3] == '2';
  if (s0 == 'N' && s1 == 'E')
    return code[3] >= '1' && code[3] <= '3';
  return false;
}

/* Case-insensitive equality of NUL-terminated strings. */
static bool ieq(const char *a, const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++) {
    if (upper(*a) != upper(*b))
      return false;
  }
  return *a == *b;
}

/*---- Builder ----*/

#define NOTES_MAX ((size_t)64 << 10) /* an election's notes: a few lines */

typedef struct {
  char code[8];
  int32_t electors; /* -1 until set */
  bool has_votes;
  bool by_record, not_counted;
  char *record; /* winner name for a district without returns */
} bunit;

typedef struct {
  char *name;
  char *party;
  int64_t national; /* running sum over states and DC, checked */
  int64_t ev;       /* electors, to order candidates without votes */
} bcand;

typedef struct {
  int32_t unit, cand;
  int64_t votes;
} bcell;

typedef struct {
  char code[8];
  char *pledged, *cast;
  int32_t electors;
  bool not_counted;
} bcast;

struct tly__builder {
  const tly_allocator *a;
  bunit *units;
  size_t n_units, cap_units;
  bcand *cands;
  size_t n_cands, cap_cands;
  bcell *cells;
  size_t n_cells, cap_cells;
  bcast *casts;
  size_t n_casts, cap_casts;
  tly__buf notes; /* one line each, capped at NOTES_MAX */
  /* Open-addressing indexes (index + 1, 0 empty; at most half full) so
   * that a row costs O(1): candidates by name, cells by (unit, cand). */
  uint32_t *cand_slot, *cell_slot;
  size_t n_cand_slots, n_cell_slots;
};

/* FNV-1a of a name, mixed with a second key for cells. */
static uint64_t hash_name(const char *s)
{
  uint64_t h = 14695981039346656037ULL;
  for (; *s != '\0'; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t hash_cell(int32_t unit, int32_t cand)
{
  uint64_t h = ((uint64_t)(uint32_t)unit << 32) | (uint32_t)cand;
  h ^= h >> 33; /* murmur3's fmix64 */
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

static uint64_t hash_of(const tly__builder *b, bool cells, uint32_t v)
{
  return cells ? hash_cell(b->cells[v].unit, b->cells[v].cand)
               : hash_name(b->cands[v].name);
}

/* Makes room in an index for one more entry (n entries now), rehashing
 * into twice the slots; false on out of memory (the index unchanged). */
static bool index_room(tly__builder *b, bool cells, size_t n)
{
  uint32_t **slot = cells ? &b->cell_slot : &b->cand_slot;
  size_t *n_slots = cells ? &b->n_cell_slots : &b->n_cand_slots;
  if (2 * (n + 1) <= *n_slots)
    return true;
  if (n >= UINT32_MAX / 2)
    return false;
  size_t ns = *n_slots ? *n_slots * 2 : 64;
  uint32_t *t = tly__calloc(b->a, ns, sizeof *t);
  if (t == NULL)
    return false;
  for (size_t i = 0; i < *n_slots; i++) {
    uint32_t v = (*slot)[i];
    if (v == 0)
      continue;
    size_t j = (size_t)(hash_of(b, cells, v - 1) & (ns - 1));
    while (t[j] != 0)
      j = (j + 1) & (ns - 1);
    t[j] = v;
  }
  tly__free(b->a, *slot, *n_slots * sizeof **slot);
  *slot = t;
  *n_slots = ns;
  return true;
}

/* Grows *p (of *cap elements of size sz) to hold one more; false on OOM. */
static bool grow(const tly_allocator *a, void **p, size_t *cap, size_t n,
                 size_t sz)
{
  if (n < *cap)
    return true;
  size_t nc = *cap ? *cap * 2 : 16;
  if (nc > SIZE_MAX / sz)
    return false;
  void *q = tly__realloc(a, *p, *cap * sz, nc * sz);
  if (q == NULL)
    return false;
  *p = q;
  *cap = nc;
  return true;
}

tly_status tly__builder_new(const tly_allocator *a, tly__builder **out,
                            tly_error *err)
{
  *out = NULL;
  tly__builder *b = tly__calloc(a, 1, sizeof *b);
  if (b == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  b->a = tly__alloc_or_default(a);
  tly__buf_init(&b->notes, b->a, NOTES_MAX);
  *out = b;
  return TLY_OK;
}

void tly__builder_free(tly__builder *b)
{
  if (b == NULL)
    return;
  const tly_allocator *a = b->a;
  for (size_t i = 0; i < b->n_units; i++) {
    if (b->units[i].record != NULL)
      tly__free(a, b->units[i].record, strlen(b->units[i].record) + 1);
  }
  for (size_t i = 0; i < b->n_cands; i++) {
    tly__free(a, b->cands[i].name, strlen(b->cands[i].name) + 1);
    tly__free(a, b->cands[i].party, strlen(b->cands[i].party) + 1);
  }
  for (size_t i = 0; i < b->n_casts; i++) {
    tly__free(a, b->casts[i].pledged, strlen(b->casts[i].pledged) + 1);
    tly__free(a, b->casts[i].cast, strlen(b->casts[i].cast) + 1);
  }
  tly__free(a, b->units, b->cap_units * sizeof *b->units);
  tly__free(a, b->cands, b->cap_cands * sizeof *b->cands);
  tly__free(a, b->cells, b->cap_cells * sizeof *b->cells);
  tly__free(a, b->casts, b->cap_casts * sizeof *b->casts);
  tly__buf_free(&b->notes);
  tly__free(a, b->cand_slot, b->n_cand_slots * sizeof *b->cand_slot);
  tly__free(a, b->cell_slot, b->n_cell_slots * sizeof *b->cell_slot);
  tly__free(a, b, sizeof *b);
}

static int32_t find_bunit(const tly__builder *b, const char *code)
{
  for (size_t i = 0; i < b->n_units; i++) {
    if (ieq(b->units[i].code, code))
      return (int32_t)i;
  }
  return -1;
}

bool tly__builder_has_unit(const tly__builder *b, const char *code)
{
  return find_bunit(b, code) >= 0;
}

static tly_status get_unit(tly__builder *b, const char *code, int32_t *out,
                           tly_error *err)
{
  int32_t u = find_bunit(b, code);
  if (u < 0) {
    size_t n = strlen(code);
    if (!tly__unit_code_valid(code, n))
      return tly__fail(err, TLY_EINVAL, "unknown state \"%s\"", code);
    if (!grow(b->a, (void **)&b->units, &b->cap_units, b->n_units,
              sizeof *b->units))
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    bunit *nu = &b->units[b->n_units];
    memset(nu, 0, sizeof *nu);
    for (size_t i = 0; i < n; i++)
      nu->code[i] = upper(code[i]);
    nu->electors = -1;
    u = (int32_t)b->n_units++;
  }
  *out = u;
  return TLY_OK;
}

static tly_status get_cand(tly__builder *b, const char *name,
                           const char *party, int32_t *out, tly_error *err)
{
  size_t mask = b->n_cand_slots - 1;
  size_t j = b->n_cand_slots ? (size_t)(hash_name(name) & mask) : 0;
  while (b->n_cand_slots != 0 && b->cand_slot[j] != 0) {
    size_t i = b->cand_slot[j] - 1;
    if (strcmp(b->cands[i].name, name) == 0) {
      if (b->cands[i].party[0] == '\0' && party[0] != '\0') {
        char *p = tly__strdup(b->a, party);
        if (p == NULL)
          return tly__fail(err, TLY_ENOMEM, "out of memory");
        tly__free(b->a, b->cands[i].party, 1);
        b->cands[i].party = p;
      }
      *out = (int32_t)i;
      return TLY_OK;
    }
    j = (j + 1) & mask;
  }
  if (!index_room(b, false, b->n_cands) ||
      !grow(b->a, (void **)&b->cands, &b->cap_cands, b->n_cands,
            sizeof *b->cands))
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  char *n = tly__strdup(b->a, name);
  char *p = tly__strdup(b->a, party);
  if (n == NULL || p == NULL) {
    if (n != NULL)
      tly__free(b->a, n, strlen(n) + 1);
    if (p != NULL)
      tly__free(b->a, p, strlen(p) + 1);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  b->cands[b->n_cands].name = n;
  b->cands[b->n_cands].party = p;
  b->cands[b->n_cands].national = 0;
  b->cands[b->n_cands].ev = 0;
  mask = b->n_cand_slots - 1;
  j = (size_t)(hash_name(name) & mask);
  while (b->cand_slot[j] != 0)
    j = (j + 1) & mask;
  b->cand_slot[j] = (uint32_t)b->n_cands + 1;
  *out = (int32_t)b->n_cands++;
  return TLY_OK;
}

tly_status tly__builder_add(tly__builder *b, const char *code,
                            const char *name, const char *party,
                            int64_t votes, tly_error *err)
{
  if (votes < 0)
    return tly__fail(err, TLY_ERANGE, "negative count %lld",
                     (long long)votes);
  int32_t u;
  int32_t c;
  tly_status s = get_unit(b, code, &u, err);
  if (s != TLY_OK)
    return s;
  s = get_cand(b, name, party, &c, err);
  if (s != TLY_OK)
    return s;
  b->units[u].has_votes = true;
  if (strlen(b->units[u].code) == 2 &&
      !tly__add_i64(b->cands[c].national, votes, &b->cands[c].national))
    return tly__fail(err, TLY_EOVERFLOW,
                     "national votes for %s overflow a 64-bit count", name);
  size_t mask = b->n_cell_slots - 1;
  size_t j = b->n_cell_slots ? (size_t)(hash_cell(u, c) & mask) : 0;
  while (b->n_cell_slots != 0 && b->cell_slot[j] != 0) {
    bcell *x = &b->cells[b->cell_slot[j] - 1];
    if (x->unit == u && x->cand == c) {
      if (!tly__add_i64(x->votes, votes, &x->votes))
        return tly__fail(err, TLY_EOVERFLOW,
                         "votes for %s in %s overflow a 64-bit count", name,
                         code);
      return TLY_OK;
    }
    j = (j + 1) & mask;
  }
  if (!index_room(b, true, b->n_cells) ||
      !grow(b->a, (void **)&b->cells, &b->cap_cells, b->n_cells,
            sizeof *b->cells))
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  b->cells[b->n_cells] = (bcell){u, c, votes};
  mask = b->n_cell_slots - 1;
  j = (size_t)(hash_cell(u, c) & mask);
  while (b->cell_slot[j] != 0)
    j = (j + 1) & mask;
  b->cell_slot[j] = (uint32_t)b->n_cells + 1;
  b->n_cells++;
  return TLY_OK;
}

tly_status tly__builder_electors(tly__builder *b, const char *code,
                                 int32_t electors, tly_error *err)
{
  int32_t u;
  tly_status s = get_unit(b, code, &u, err);
  if (s != TLY_OK)
    return s;
  b->units[u].electors = electors;
  return TLY_OK;
}

tly_status tly__builder_record(tly__builder *b, const char *code,
                               const char *winner, tly_error *err)
{
  int32_t u;
  int32_t c;
  tly_status s = get_unit(b, code, &u, err);
  if (s != TLY_OK)
    return s;
  s = get_cand(b, winner, "", &c, err);
  if (s != TLY_OK)
    return s;
  char *w = tly__strdup(b->a, winner);
  if (w == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  if (b->units[u].record != NULL)
    tly__free(b->a, b->units[u].record, strlen(b->units[u].record) + 1);
  b->units[u].record = w;
  return TLY_OK;
}

tly_status tly__builder_cast(tly__builder *b, const char *code,
                             const char *pledged, const char *cast,
                             int32_t electors, tly_error *err)
{
  int32_t u;
  int32_t c;
  tly_status s = get_unit(b, code, &u, err);
  if (s != TLY_OK)
    return s;
  s = get_cand(b, pledged, "", &c, err);
  if (s == TLY_OK && cast[0] != '\0')
    s = get_cand(b, cast, "", &c, err);
  if (s != TLY_OK)
    return s;
  if (!grow(b->a, (void **)&b->casts, &b->cap_casts, b->n_casts,
            sizeof *b->casts))
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  bcast *x = &b->casts[b->n_casts];
  memset(x, 0, sizeof *x);
  memcpy(x->code, b->units[u].code, sizeof x->code);
  x->pledged = tly__strdup(b->a, pledged);
  x->cast = tly__strdup(b->a, cast);
  x->electors = electors;
  if (x->pledged == NULL || x->cast == NULL) {
    if (x->pledged != NULL)
      tly__free(b->a, x->pledged, strlen(x->pledged) + 1);
    if (x->cast != NULL)
      tly__free(b->a, x->cast, strlen(x->cast) + 1);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  b->n_casts++;
  return TLY_OK;
}

tly_status tly__builder_candidate(tly__builder *b, const char *name,
                                  const char *party, int64_t electors,
                                  tly_error *err)
{
  int32_t c;
  tly_status s = get_cand(b, name, party, &c, err);
  if (s != TLY_OK)
    return s;
  if (!tly__add_i64(b->cands[c].ev, electors, &b->cands[c].ev))
    return tly__fail(err, TLY_EOVERFLOW, "electors for %s overflow", name);
  return TLY_OK;
}

tly_status tly__builder_unit_flags(tly__builder *b, const char *code,
                                   bool by_record, bool not_counted,
                                   tly_error *err)
{
  int32_t u;
  tly_status s = get_unit(b, code, &u, err);
  if (s != TLY_OK)
    return s;
  b->units[u].by_record = by_record;
  b->units[u].not_counted = not_counted;
  return TLY_OK;
}

void tly__builder_cast_not_counted(tly__builder *b)
{
  if (b->n_casts > 0)
    b->casts[b->n_casts - 1].not_counted = true;
}

tly_status tly__builder_note(tly__builder *b, const char *line,
                             tly_error *err)
{
  tly_status s = tly__buf_printf(&b->notes, "%s\n", line);
  if (s == TLY_ERANGE)
    return tly__fail(err, s, "notes longer than %zu bytes", NOTES_MAX);
  if (s != TLY_OK)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  return TLY_OK;
}

/*---- Election ----*/

static void election_free_parts(tly_election *e)
{
  const tly_allocator *a = &e->alloc;
  for (size_t i = 0; e->cands != NULL && i < e->n_cands; i++) {
    if (e->cands[i].name != NULL)
      tly__free(a, (char *)e->cands[i].name, strlen(e->cands[i].name) + 1);
    if (e->cands[i].party != NULL)
      tly__free(a, (char *)e->cands[i].party,
                strlen(e->cands[i].party) + 1);
  }
  tly__free(a, e->cands, e->n_cands * sizeof *e->cands);
  tly__free(a, e->units, e->n_units * sizeof *e->units);
  tly__free(a, e->votes, e->n_units * e->n_cands * sizeof *e->votes);
  tly__free(a, e->totals, e->n_units * sizeof *e->totals);
  tly__free(a, e->cast, e->n_cast * sizeof *e->cast);
  tly__free(a, e->forced, e->n_units * sizeof *e->forced);
  tly__free(a, e->tie_break, e->n_units * sizeof *e->tie_break);
  tly__free(a, e->npv_member, e->n_units * sizeof *e->npv_member);
  tly__free(a, e->record, e->n_record * sizeof *e->record);
  tly__redraw_info_free(a, e->redraw);
  if (e->notes != NULL)
    tly__free(a, e->notes, strlen(e->notes) + 1);
}

void tly_election_free(tly_election *e)
{
  if (e == NULL)
    return;
  tly_allocator a = e->alloc;
  election_free_parts(e);
  tly__free(&a, e, sizeof *e);
}

/* Allocates an election's arrays for n_units x n_cands, zeroed; the
 * candidates' strings are left NULL. */
static tly_status election_alloc(const tly_allocator *a, size_t n_units,
                                 size_t n_cands, size_t n_cast,
                                 tly_election **out, tly_error *err)
{
  *out = NULL;
  tly_election *e = tly__calloc(a, 1, sizeof *e);
  if (e == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  e->alloc = *tly__alloc_or_default(a);
  e->n_units = n_units;
  e->n_cands = n_cands;
  e->n_cast = n_cast;
  if (n_cands != 0 && n_units > SIZE_MAX / n_cands)
    goto fail;
  e->cands = tly__calloc(a, n_cands, sizeof *e->cands);
  e->units = tly__calloc(a, n_units, sizeof *e->units);
  e->votes = tly__calloc(a, n_units * n_cands, sizeof *e->votes);
  e->totals = tly__calloc(a, n_units, sizeof *e->totals);
  e->cast = tly__calloc(a, n_cast, sizeof *e->cast);
  e->forced = tly__calloc(a, n_units, sizeof *e->forced);
  e->tie_break = tly__calloc(a, n_units, sizeof *e->tie_break);
  e->npv_member = tly__calloc(a, n_units, sizeof *e->npv_member);
  e->notes = tly__strdup(a, "");
  if (e->cands == NULL || e->units == NULL || e->votes == NULL ||
      e->totals == NULL || e->cast == NULL || e->forced == NULL ||
      e->tie_break == NULL || e->npv_member == NULL || e->notes == NULL)
    goto fail;
  for (size_t i = 0; i < n_units; i++) {
    e->forced[i] = -1;
    e->tie_break[i] = -1;
  }
  *out = e;
  return TLY_OK;
fail:
  tly_election_free(e);
  return tly__fail(err, TLY_ENOMEM, "out of memory");
}

/* A candidate's sort key in tly__builder_finish. */
typedef struct {
  int64_t nat;
  const char *name;
  size_t idx;
  int64_t ev; /* electors: orders candidates of equal votes (history) */
} cand_key;

/* Most national votes first; ties by name (names are unique). */
static int cand_key_cmp(const void *pa, const void *pb)
{
  const cand_key *x = pa;
  const cand_key *y = pb;
  if (x->nat != y->nat)
    return x->nat > y->nat ? -1 : 1;
  if (x->ev != y->ev)
    return x->ev > y->ev ? -1 : 1;
  return strcmp(x->name, y->name);
}

/* Order of units: by state code, each state's districts right after it. */
static int unit_cmp(const char *a, const char *b)
{
  int c = strncmp(a, b, 2);
  if (c != 0)
    return c;
  return strcmp(a, b);
}

tly_status tly__builder_finish(tly__builder *b, int year, tly_source source,
                               const char *source_name, int census,
                               tly_election **out, tly_error *err)
{
  *out = NULL;
  const tly_allocator *a = b->a;
  size_t nu = b->n_units;
  size_t nc = b->n_cands;
  for (size_t i = 0; i < nu; i++) {
    if (b->units[i].electors < 0)
      return tly__fail(err, TLY_EINVAL, "no electors known for %s",
                       b->units[i].code);
  }
  /* Orders of units (insertion sort: n <= 56) and candidates (qsort
   * below), and their inverses. */
  size_t *uo = tly__calloc(a, nu + 1, sizeof *uo);
  size_t *co = tly__calloc(a, nc + 1, sizeof *co);
  int64_t *nat = tly__calloc(a, nc + 1, sizeof *nat);
  size_t *uinv = tly__calloc(a, nu + 1, sizeof *uinv);
  size_t *cinv = tly__calloc(a, nc + 1, sizeof *cinv);
  tly_election *e = NULL;
  tly_status s = TLY_OK;
  if (uo == NULL || co == NULL || nat == NULL || uinv == NULL ||
      cinv == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < b->n_cells; i++) {
    const bcell *x = &b->cells[i];
    if (strlen(b->units[x->unit].code) != 2)
      continue; /* districts are part of their state's count */
    if (!tly__add_i64(nat[x->cand], x->votes, &nat[x->cand])) {
      s = tly__fail(err, TLY_EOVERFLOW, "national votes for %s overflow",
                    b->cands[x->cand].name);
      goto done;
    }
  }
  for (size_t i = 0; i < nu; i++) {
    size_t j = i;
    while (j > 0 && unit_cmp(b->units[uo[j - 1]].code, b->units[i].code) > 0) {
      uo[j] = uo[j - 1];
      j--;
    }
    uo[j] = i;
  }
  /* Candidates by national votes, most first, then by name: qsort, since
   * a file may name tens of thousands (write-ins). */
  cand_key *keys = tly__calloc(a, nc + 1, sizeof *keys);
  if (keys == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < nc; i++)
    keys[i] = (cand_key){nat[i], b->cands[i].name, i, b->cands[i].ev};
  if (nc > 1)
    qsort(keys, nc, sizeof *keys, cand_key_cmp);
  for (size_t i = 0; i < nc; i++) {
    co[i] = keys[i].idx;
    cinv[keys[i].idx] = i;
  }
  tly__free(a, keys, (nc + 1) * sizeof *keys);
  for (size_t i = 0; i < nu; i++)
    uinv[uo[i]] = i;
  s = election_alloc(a, nu, nc, b->n_casts, &e, err);
  if (s != TLY_OK)
    goto done;
  e->year = year;
  e->source = source;
  e->census = census;
  snprintf(e->source_name, sizeof e->source_name, "%s", source_name);
  for (size_t i = 0; i < nc; i++) {
    const bcand *bc = &b->cands[co[i]];
    e->cands[i].name = tly__strdup(a, bc->name);
    e->cands[i].party = tly__strdup(a, bc->party);
    if (e->cands[i].name == NULL || e->cands[i].party == NULL) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
  }
  for (size_t i = 0; i < nu; i++) {
    const bunit *bu = &b->units[uo[i]];
    tly_unit *u = &e->units[i];
    memcpy(u->code, bu->code, sizeof u->code);
    u->electors = bu->electors;
    u->has_votes = bu->has_votes;
    u->by_record = bu->by_record;
    u->not_counted = bu->not_counted;
    u->parent = -1;
    u->recorded_winner = -1;
    if (strlen(u->code) == 4) {
      for (size_t k = 0; k < i; k++) {
        if (strncmp(e->units[k].code, u->code, 2) == 0 &&
            e->units[k].code[2] == '\0')
          u->parent = (int32_t)k;
      }
      if (u->parent < 0) {
        s = tly__fail(err, TLY_EINVAL, "district %s without its state",
                      u->code);
        goto done;
      }
    }
    if (!bu->has_votes && bu->record != NULL)
      u->recorded_winner = tly_election_find_candidate(e, bu->record);
  }
  for (size_t i = 0; i < b->n_cells; i++) {
    const bcell *x = &b->cells[i];
    e->votes[uinv[x->unit] * nc + cinv[x->cand]] = x->votes;
  }
  for (size_t u = 0; u < nu; u++) {
    int64_t t = 0;
    for (size_t c = 0; c < nc; c++) {
      if (!tly__add_i64(t, e->votes[u * nc + c], &t)) {
        s = tly__fail(err, TLY_EOVERFLOW, "total votes in %s overflow",
                      e->units[u].code);
        goto done;
      }
    }
    e->totals[u] = t;
  }
  for (size_t i = 0; i < b->n_casts; i++) {
    const bcast *x = &b->casts[i];
    tly_cast_record *r = &e->cast[i];
    r->unit = tly_election_find_unit(e, x->code);
    r->pledged = tly_election_find_candidate(e, x->pledged);
    r->cast = x->cast[0] ? tly_election_find_candidate(e, x->cast) : -1;
    r->electors = x->electors;
    r->not_counted = x->not_counted;
  }
  if (b->notes.p != NULL) {
    char *n = tly__strdup(a, b->notes.p);
    if (n == NULL) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
    tly__free(a, e->notes, strlen(e->notes) + 1);
    e->notes = n;
  }
  *out = e;
  e = NULL;
done:
  tly_election_free(e);
  tly__free(a, uo, (nu + 1) * sizeof *uo);
  tly__free(a, co, (nc + 1) * sizeof *co);
  tly__free(a, nat, (nc + 1) * sizeof *nat);
  tly__free(a, uinv, (nu + 1) * sizeof *uinv);
  tly__free(a, cinv, (nc + 1) * sizeof *cinv);
  return s;
}

tly_status tly__election_clone(const tly_election *e, tly_election **out,
                               tly_error *err)
{
  tly_election *c = NULL;
  tly_status s =
      election_alloc(&e->alloc, e->n_units, e->n_cands, e->n_cast, &c, err);
  if (s != TLY_OK)
    return s;
  const tly_allocator *a = &e->alloc;
  c->year = e->year;
  c->source = e->source;
  c->census = e->census;
  c->rule = e->rule;
  c->districts_apart = e->districts_apart;
  memcpy(c->source_name, e->source_name, sizeof c->source_name);
  for (size_t i = 0; i < e->n_cands; i++) {
    c->cands[i].name = tly__strdup(a, e->cands[i].name);
    c->cands[i].party = tly__strdup(a, e->cands[i].party);
    if (c->cands[i].name == NULL || c->cands[i].party == NULL)
      goto oom;
  }
  tly__free(a, c->notes, 1);
  c->notes = tly__strdup(a, e->notes);
  if (c->notes == NULL)
    goto oom;
  memcpy(c->units, e->units, e->n_units * sizeof *e->units);
  memcpy(c->votes, e->votes, e->n_units * e->n_cands * sizeof *e->votes);
  memcpy(c->totals, e->totals, e->n_units * sizeof *e->totals);
  memcpy(c->cast, e->cast, e->n_cast * sizeof *e->cast);
  memcpy(c->forced, e->forced, e->n_units * sizeof *e->forced);
  memcpy(c->tie_break, e->tie_break, e->n_units * sizeof *e->tie_break);
  memcpy(c->npv_member, e->npv_member, e->n_units * sizeof *e->npv_member);
  c->two_votes = e->two_votes;
  if (e->n_record > 0) {
    c->record = tly__calloc(a, e->n_record, sizeof *c->record);
    if (c->record == NULL)
      goto oom;
    c->n_record = e->n_record;
    memcpy(c->record, e->record, e->n_record * sizeof *e->record);
  }
  c->n_contingent = e->n_contingent;
  memcpy(c->contingent, e->contingent, sizeof c->contingent);
  tly__election_contingent_sync(c);
  c->n_delegations = e->n_delegations;
  memcpy(c->delegations, e->delegations, sizeof c->delegations);
  bool ok = true;
  c->redraw = tly__redraw_info_copy(a, e->redraw, &ok);
  if (!ok)
    goto oom;
  *out = c;
  return TLY_OK;
oom:
  tly_election_free(c);
  return tly__fail(err, TLY_ENOMEM, "out of memory");
}

tly_status tly_election_copy(const tly_election *e, tly_election **out,
                             tly_error *err)
{
  *out = NULL;
  return tly__election_clone(e, out, err);
}

void tly__election_contingent_sync(tly_election *e)
{
  for (size_t i = 0; i < e->n_contingent; i++) {
    const tly__contingent *k = &e->contingent[i];
    e->contingent_pub[i] = (tly_contingent_record){
        .office = k->office,
        .chamber = k->chamber,
        .chosen = k->chosen,
        .ballot = k->ballot,
        .note = k->note};
  }
}

/*---- Getters ----*/

int tly_election_year(const tly_election *e) { return e->year; }
tly_source tly_election_source(const tly_election *e) { return e->source; }
const char *tly_election_source_name(const tly_election *e)
{
  return e->source_name;
}
int tly_election_census(const tly_election *e) { return e->census; }
const char *tly_election_notes(const tly_election *e) { return e->notes; }
size_t tly_election_n_candidates(const tly_election *e) { return e->n_cands; }

const tly_candidate *tly_election_candidate(const tly_election *e, size_t i)
{
  return i < e->n_cands ? &e->cands[i] : NULL;
}

/* The last word of a display name ("Trump" for "Donald Trump"). */
static const char *last_name(const char *name)
{
  const char *sp = strrchr(name, ' ');
  return sp ? sp + 1 : name;
}

int32_t tly_election_find_candidate(const tly_election *e, const char *key)
{
  if (key == NULL || key[0] == '\0')
    return -1;
  for (size_t i = 0; i < e->n_cands; i++) {
    if (ieq(e->cands[i].name, key))
      return (int32_t)i;
  }
  /* "D"/"R", then a party, then a last name: the first match in national
   * order, the one with the most votes (a party's nominee; "Harris" in
   * 2024 is Kamala Harris, not Sharon E Harris). */
  const char *party = NULL;
  if (ieq(key, "D") || ieq(key, "Dem") || ieq(key, "Democrat"))
    party = "Democratic";
  else if (ieq(key, "R") || ieq(key, "Rep"))
    party = "Republican";
  else
    party = key;
  for (size_t i = 0; i < e->n_cands; i++) {
    if (ieq(e->cands[i].party, party))
      return (int32_t)i;
  }
  for (size_t i = 0; i < e->n_cands; i++) {
    if (ieq(last_name(e->cands[i].name), key))
      return (int32_t)i;
  }
  return -1;
}

size_t tly_election_n_units(const tly_election *e) { return e->n_units; }

const tly_unit *tly_election_unit(const tly_election *e, size_t i)
{
  return i < e->n_units ? &e->units[i] : NULL;
}

int32_t tly_election_find_unit(const tly_election *e, const char *code)
{
  for (size_t i = 0; i < e->n_units; i++) {
    if (ieq(e->units[i].code, code))
      return (int32_t)i;
  }
  return -1;
}

int64_t tly_election_votes(const tly_election *e, size_t u, size_t c)
{
  if (u >= e->n_units || c >= e->n_cands)
    return 0;
  return e->votes[u * e->n_cands + c];
}

int64_t tly_election_unit_total(const tly_election *e, size_t u)
{
  return u < e->n_units ? e->totals[u] : 0;
}

size_t tly_election_n_cast_records(const tly_election *e)
{
  return e->n_cast;
}

bool tly__cand_is_line(const tly_candidate *k)
{
  return strcmp(k->name, "None of these candidates") == 0 &&
         k->party[0] == '\0';
}

const tly_cast_record *tly_election_cast_record(const tly_election *e,
                                                size_t i)
{
  return i < e->n_cast ? &e->cast[i] : NULL;
}

tly_status tly_whatif_tie(const tly_election *in, const char *code,
                          const char *candidate, tly_election **out,
                          tly_error *err)
{
  *out = NULL;
  int32_t u = tly_election_find_unit(in, code);
  if (u < 0)
    return tly__fail(err, TLY_ENOTFOUND, "unknown state \"%s\"", code);
  int32_t c = tly_election_find_candidate(in, candidate);
  if (c < 0)
    return tly__fail(err, TLY_ENOTFOUND, "no candidate \"%s\" in %d",
                     candidate, in->year);
  tly_election *e = NULL;
  tly_status s = tly__election_clone(in, &e, err);
  if (s != TLY_OK)
    return s;
  e->tie_break[u] = c;
  *out = e;
  return TLY_OK;
}

void tly__rows_free(tly__rows *r)
{
  const tly_allocator *a = r->a;
  size_t n = r->n;
  tly__free(a, r->map, (r->n_src + 1) * sizeof *r->map);
  tly__free(a, r->units, n * sizeof *r->units);
  tly__free(a, r->votes, n * r->nc * sizeof *r->votes);
  tly__free(a, r->totals, n * sizeof *r->totals);
  tly__free(a, r->forced, n * sizeof *r->forced);
  tly__free(a, r->tie_break, n * sizeof *r->tie_break);
  tly__free(a, r->npv, n * sizeof *r->npv);
  memset(r, 0, sizeof *r);
}

tly_status tly__rows_alloc(const tly_election *in, size_t n, tly__rows *r,
                           tly_error *err)
{
  memset(r, 0, sizeof *r);
  r->a = &in->alloc;
  r->n = n;
  r->nc = in->n_cands;
  r->n_src = in->n_units;
  if (r->nc != 0 && n > SIZE_MAX / r->nc) {
    r->n = 0;
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  r->map = tly__calloc(r->a, r->n_src + 1, sizeof *r->map);
  r->units = tly__calloc(r->a, n, sizeof *r->units);
  r->votes = tly__calloc(r->a, n * r->nc, sizeof *r->votes);
  r->totals = tly__calloc(r->a, n, sizeof *r->totals);
  r->forced = tly__calloc(r->a, n, sizeof *r->forced);
  r->tie_break = tly__calloc(r->a, n, sizeof *r->tie_break);
  r->npv = tly__calloc(r->a, n, sizeof *r->npv);
  if (r->map == NULL || r->units == NULL || r->votes == NULL ||
      r->totals == NULL || r->forced == NULL || r->tie_break == NULL ||
      r->npv == NULL) {
    tly__rows_free(r);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  for (size_t u = 0; u < r->n_src; u++)
    r->map[u] = -1;
  return TLY_OK;
}

void tly__rows_copy(tly__rows *r, const tly_election *in, size_t u,
                    size_t k)
{
  TLY_ASSERT(u < r->n_src && k < r->n);
  r->map[u] = (int32_t)k;
  r->units[k] = in->units[u];
  if (r->units[k].parent >= 0)
    r->units[k].parent = r->map[r->units[k].parent];
  memcpy(&r->votes[k * r->nc], &in->votes[u * r->nc],
         r->nc * sizeof *r->votes);
  r->totals[k] = in->totals[u];
  r->forced[k] = in->forced[u];
  r->tie_break[k] = in->tie_break[u];
  r->npv[k] = in->npv_member[u];
}

tly_status tly__rows_install(tly__rows *r, tly_election *e,
                             const tly_election *in, size_t *n_dropped,
                             tly_error *err)
{
  const tly_allocator *a = &e->alloc;
  size_t nk = 0;
  for (size_t i = 0; i < in->n_cast; i++)
    nk += in->cast[i].unit >= 0 && r->map[in->cast[i].unit] >= 0;
  tly_cast_record *cast = tly__calloc(a, nk, sizeof *cast);
  if (cast == NULL && nk > 0) {
    tly__rows_free(r);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  size_t k = 0;
  for (size_t i = 0; i < in->n_cast; i++) {
    const tly_cast_record *c = &in->cast[i];
    if (c->unit < 0 || r->map[c->unit] < 0)
      continue;
    cast[k] = *c;
    cast[k].unit = r->map[c->unit];
    k++;
  }
  if (n_dropped != NULL)
    *n_dropped = in->n_cast - nk;
  tly__free(a, e->cast, e->n_cast * sizeof *e->cast);
  e->n_cast = nk;
  e->cast = cast;
  tly__rows old = {.a = a, .n = e->n_units, .nc = e->n_cands,
                   .units = e->units, .votes = e->votes,
                   .totals = e->totals, .forced = e->forced,
                   .tie_break = e->tie_break, .npv = e->npv_member};
  tly__rows_free(&old);
  e->n_units = r->n;
  e->units = r->units;
  e->votes = r->votes;
  e->totals = r->totals;
  e->forced = r->forced;
  e->tie_break = r->tie_break;
  e->npv_member = r->npv;
  r->units = NULL;
  r->votes = NULL;
  r->totals = NULL;
  r->forced = NULL;
  r->tie_break = NULL;
  r->npv = NULL;
  tly__rows_free(r);
  return TLY_OK;
}

/* Appends a line (printf-style) to e's notes. */
tly_status tly__election_note(tly_election *e, tly_error *err, const char *fmt, ...)
{
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  size_t old = strlen(e->notes);
  size_t n = strlen(line);
  char *p = tly__realloc(&e->alloc, e->notes, old + 1, old + n + 2);
  if (p == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  memcpy(p + old, line, n);
  p[old + n] = '\n';
  p[old + n + 1] = '\0';
  e->notes = p;
  return TLY_OK;
}
