/*
 * census_record.c -- every census's apportionment as the House made it,
 * 1790-2020 (none after 1920: Congress did not reapportion), from the
 * Census Bureau's table "Apportionment of the U.S. House of Representatives
 * by state, 1790-2010" plus 2020, and the same census recomputed by any
 * method from its population (Balinski and Young, "Fair Representation").
 */
#include "csv.h"
#include "internal.h"
#include "json.h"
#include "scan.h"

#include <jansson.h>
#include <string.h>

#define RECORD_MAX_STATES 64
#define RECORD_FIRST_OWN 1970 /* from here on census.csv's populations */

static const char *const source_old =
    "Census Bureau, Apportionment of the U.S. House of Representatives by "
    "state, 1790-2010 (seats; resident population)";
static const char *const source_new =
    "Census Bureau, apportionment Table 1 (apportionment population and "
    "seats)";

/* The method of the apportionment act after each census (Census Bureau,
 * "Methods of Apportionment"; Balinski and Young, ch. 3-5): Jefferson's
 * 1790-1830, Webster's 1840, Hamilton's (Vinton's) 1850-1900, Webster's
 * (major fractions) 1910 and 1930, Huntington-Hill's from 1940. */
static tly_method method_of(int census)
{
  if (census <= 1830)
    return TLY_METHOD_JEFFERSON;
  if (census == 1840 || census == 1910 || census == 1930)
    return TLY_METHOD_WEBSTER;
  if (census <= 1900)
    return TLY_METHOD_HAMILTON;
  return TLY_METHOD_HUNTINGTON_HILL;
}

static bool same_ci(const char *a, const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++) {
    char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
    char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
    if (x != y)
      return false;
  }
  return *a == *b;
}

/*==== Reading census_seats.csv ==============================================
 * data/census_seats.csv: census,unit,seats,resident, one row per state and
 * census 1790-2020 but 1920 (data/README.md). Rows of `want` go to
 * rows[0..cap); every census present is listed in years (ascending).
 */

typedef struct {
  int want;
  tly_census_row *rows;
  size_t cap;
  size_t n_rows;
  int years[32];
  size_t n_years;
} seats_scan;

static void add_year(seats_scan *s, int year)
{
  size_t i = 0;
  while (i < s->n_years && s->years[i] < year)
    i++;
  if ((i < s->n_years && s->years[i] == year) || s->n_years == 32)
    return;
  memmove(&s->years[i + 1], &s->years[i],
          (s->n_years - i) * sizeof s->years[0]);
  s->years[i] = year;
  s->n_years++;
}

static tly_status scan_seats(const tly_allocator *a, seats_scan *s,
                             tly_error *err)
{
  static const char *const cols[] = {"census", "unit", "seats", "resident"};
  int idx[4];
  tly__table t;
  tly_status st =
      tly__table_open(a, "census_seats.csv", 64, 8, cols, 4, &t, idx, err);
  while (st == TLY_OK) {
    size_t nf;
    bool eof;
    st = tly__csv_next(t.c, &t.f, &nf, &eof, err);
    if (st != TLY_OK || eof)
      break;
    int64_t year, seats, pop;
    const tly__csv_field *code = &t.f[idx[1]];
    if (nf != t.width ||
        tly__scan_i64(t.f[idx[0]].p, t.f[idx[0]].n, 1790, 9999, &year) !=
            TLY_OK ||
        tly__scan_i64(t.f[idx[2]].p, t.f[idx[2]].n, 1,
                      TLY_APPORTION_MAX_SEATS, &seats) != TLY_OK ||
        tly__scan_i64(t.f[idx[3]].p, t.f[idx[3]].n, 0,
                      TLY_APPORTION_MAX_POP, &pop) != TLY_OK ||
        code->n < 1 || code->n > 7) {
      st = tly__fail(err, TLY_EPARSE, "built-in census_seats.csv is "
                                      "malformed");
      break;
    }
    add_year(s, (int)year);
    if (year != s->want)
      continue;
    if (s->n_rows < s->cap) {
      tly_census_row *r = &s->rows[s->n_rows];
      memset(r, 0, sizeof *r);
      memcpy(r->code, code->p, code->n + 1);
      r->resident = pop;
      r->overseas = -1;
      r->population = pop;
      r->seats = seats;
    }
    s->n_rows++;
  }
  tly__csv_free(t.c);
  return st;
}

/*==== The record ============================================================*/

size_t tly_census_record_years(int *years, size_t cap)
{
  seats_scan s = {.want = 0};
  if (scan_seats(NULL, &s, NULL) != TLY_OK)
    return 0;
  for (size_t i = 0; i < s.n_years && i < cap; i++)
    years[i] = s.years[i];
  return s.n_years;
}

tly_status tly_census_record_rows(int census, const tly_allocator *a,
                                  tly_census_record *info,
                                  tly_census_row *rows, size_t cap,
                                  size_t *n_rows, tly_error *err)
{
  *n_rows = 0;
  memset(info, 0, sizeof *info);
  info->census = census;
  info->method = method_of(census);
  if (census >= RECORD_FIRST_OWN) {
    tly_status st = tly_census_builtin(census, a, rows, cap, n_rows, err);
    if (st != TLY_OK && st != TLY_ERANGE)
      return st;
    info->n_states = *n_rows;
    info->seats = 435; /* 2 U.S.C. 2a; census.csv's seats sum to it */
    info->source = source_new;
    if (st == TLY_OK) {
      int64_t sum = 0;
      for (size_t i = 0; i < *n_rows; i++)
        sum += rows[i].seats;
      TLY_ASSERT(sum == 435);
      (void)sum; /* without assertions (the WebAssembly build) */
    }
    return st;
  }
  seats_scan s = {.want = census, .rows = rows, .cap = cap};
  tly_status st = scan_seats(a, &s, err);
  if (st != TLY_OK)
    return st;
  if (s.n_rows == 0) {
    if (census == 1920)
      return tly__fail(err, TLY_ENODATA,
                       "no apportionment after the 1920 census (Congress "
                       "kept 1910's until 1930's)");
    if (s.n_years == 0)
      return tly__fail(err, TLY_ENODATA, "no built-in census %d", census);
    return tly__fail(err, TLY_ENODATA, "no census %d; have %d-%d, every "
                     "ten years",
                     census, s.years[0], 2020);
  }
  *n_rows = s.n_rows;
  info->n_states = s.n_rows;
  info->resident_base = census < 1940;
  info->source = source_old;
  if (s.n_rows > cap)
    return tly__fail(err, TLY_ERANGE, "census %d has %zu states; room for "
                     "%zu",
                     census, s.n_rows, cap);
  int64_t sum = 0;
  for (size_t i = 0; i < s.n_rows; i++)
    sum += rows[i].seats; /* each <= 100000, at most 64 of them */
  info->seats = sum;
  return TLY_OK;
}

tly_status tly_apportion_record(int census, int64_t seats, tly_method m,
                                const char *const *without,
                                size_t n_without, const tly_allocator *a,
                                tly_apportionment **out, tly_error *err)
{
  *out = NULL;
  tly_census_record info;
  tly_census_row rows[RECORD_MAX_STATES];
  size_t n = 0;
  tly_status st = tly_census_record_rows(census, a, &info, rows,
                                         RECORD_MAX_STATES, &n, err);
  if (st != TLY_OK)
    return st;
  if (census >= RECORD_FIRST_OWN)
    return tly_apportion_census(census, seats, m, without, n_without, a, out,
                                err);
  const char *codes[RECORD_MAX_STATES];
  int64_t pops[RECORD_MAX_STATES];
  size_t kept = 0;
  for (size_t i = 0; i < n_without; i++) {
    bool found = false;
    for (size_t j = 0; j < n && !found; j++)
      found = same_ci(without[i], rows[j].code);
    if (!found)
      return tly__fail(err, TLY_ENOTFOUND,
                       "\"%s\" is not a state of the %d census", without[i],
                       census);
  }
  for (size_t j = 0; j < n; j++) {
    bool out_of_it = false;
    for (size_t i = 0; i < n_without && !out_of_it; i++)
      out_of_it = same_ci(without[i], rows[j].code);
    if (out_of_it)
      continue;
    codes[kept] = rows[j].code;
    pops[kept] = rows[j].population;
    kept++;
  }
  tly_apportion_input in = {.n_states = kept, .codes = codes,
                            .populations = pops,
                            .seats = seats == 0 ? info.seats : seats,
                            .method = m};
  return tly_apportion(&in, a, out, err);
}

/*==== JSON ==================================================================*/

static bool put(json_t *o, const char *key, json_t *v)
{
  return v != NULL && json_object_set_new(o, key, v) == 0;
}

/* The recomputed seats of `code` in r, or -1 when r leaves it out. */
static int64_t seats_in(const tly_apportionment *r, const char *code)
{
  for (size_t i = 0; i < tly_apportionment_n_states(r); i++) {
    if (strcmp(tly_apportionment_code(r, i), code) == 0)
      return tly_apportionment_seats(r, i);
  }
  return -1;
}

const char *tly_census_record_note(const tly_census_record *info)
{
  if (!info->resident_base)
    return NULL;
  return "the population is the resident count: the apportionment base of "
         "the time (before 1870 free persons and three fifths of all other "
         "persons; Indians not taxed left out) is not built in, so a "
         "recomputed seat may differ for that reason alone";
}

tly_status tly_json_census_record(int census, const tly_apportionment *r,
                                  tly_writer w, void *ud, tly_error *err)
{
  tly_census_record info;
  tly_census_row rows[RECORD_MAX_STATES];
  size_t n = 0;
  tly_status st = tly_census_record_rows(census, NULL, &info, rows,
                                         RECORD_MAX_STATES, &n, err);
  if (st != TLY_OK)
    return st;
  const char *note = tly_census_record_note(&info);
  json_t *root = json_object();
  json_t *states = json_array();
  bool ok = root != NULL && states != NULL;
  int64_t n_differ = 0;
  for (size_t i = 0; ok && i < n; i++) {
    json_t *o = json_object();
    ok = o != NULL && put(o, "code", json_string(rows[i].code)) &&
         put(o, "population", json_integer(rows[i].population)) &&
         put(o, "seats_of_record", json_integer(rows[i].seats));
    if (ok && r != NULL) {
      int64_t s = seats_in(r, rows[i].code);
      ok = put(o, "seats", s < 0 ? json_null() : json_integer(s)) &&
           put(o, "change",
               s < 0 ? json_null() : json_integer(s - rows[i].seats));
      n_differ += s >= 0 && s != rows[i].seats;
    }
    if (!ok) {
      json_decref(o); /* NULL-safe */
      break;
    }
    ok = json_array_append_new(states, o) == 0; /* steals o either way */
  }
  ok = ok && put(root, "census", json_integer(census)) &&
       put(root, "source", json_string(info.source)) &&
       put(root, "population",
           json_string(info.resident_base ? "resident" : "apportionment")) &&
       put(root, "note", note == NULL ? json_null() : json_string(note)) &&
       put(root, "method_of_record",
           json_string(tly_method_name(info.method))) &&
       put(root, "seats_of_record", json_integer(info.seats)) &&
       put(root, "method",
           r == NULL ? json_null()
                     : json_string(tly_method_name(
                           tly_apportionment_method(r)))) &&
       put(root, "seats",
           r == NULL ? json_null()
                     : json_integer(tly_apportionment_house(r))) &&
       put(root, "states_differ",
           r == NULL ? json_null() : json_integer(n_differ));
  if (ok) {
    ok = put(root, "states", states);
    states = NULL;
  }
  if (states != NULL)
    json_decref(states);
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_dump(root, JSON_SORT_KEYS | JSON_INDENT(2), w, ud, err);
}
