/*
 * test_census_record.c -- the apportionments of record 1790-2020
 * (src/census_record.c): the seats as apportioned equal the Census Bureau's
 * table, the censuses listed, 1920 refused, recomputations by the method of
 * record (1940-1960 reproduce the record; 1790-1930 from resident counts
 * do not, and the note says why), JSON and out of memory.
 */
#include "tally.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <string.h>

#include "testutil.h"

static tly_census_row rows[64];

/* The census's rows of record; fails the test when it cannot read them. */
static size_t record(int census, tly_census_record *info)
{
  size_t n = 0;
  tly_error err = {0};
  cr_assert_eq(tly_census_record_rows(census, NULL, info, rows, 64, &n, &err),
               TLY_OK, "%d: %s", census, err.msg);
  return n;
}

static int64_t seats_of(size_t n, const char *code)
{
  for (size_t i = 0; i < n; i++) {
    if (strcmp(rows[i].code, code) == 0)
      return rows[i].seats;
  }
  return -1;
}

Test(census_record, years_1790_2020_without_1920)
{
  int years[32];
  size_t n = tly_census_record_years(years, 32);
  /* Every census 1790-2020 but 1920 (no reapportionment followed it). */
  cr_assert_eq(n, 23);
  cr_expect_eq(years[0], 1790);
  cr_expect_eq(years[12], 1910);
  cr_expect_eq(years[13], 1930);
  cr_expect_eq(years[22], 2020);
}

Test(census_record, house_sizes_and_seats_of_record)
{
  /* House sizes after each census (Census Bureau, "Apportionment of the
   * U.S. House of Representatives by state, 1790-2010"; shared README). */
  static const int census[] = {1790, 1800, 1810, 1820, 1830, 1840, 1850,
                               1860, 1870, 1880, 1890, 1900, 1910, 1930,
                               1960, 2020};
  static const int64_t house[] = {105, 142, 182, 213, 240, 223, 234, 241,
                                  292, 325, 356, 386, 435, 435, 435, 435};
  for (size_t k = 0; k < sizeof census / sizeof census[0]; k++) {
    tly_census_record info;
    size_t n = record(census[k], &info);
    cr_expect_eq(info.seats, house[k], "%d: %lld", census[k],
                 (long long)info.seats);
    cr_expect_eq(info.n_states, n);
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
      sum += rows[i].seats;
    cr_expect_eq(sum, house[k]);
    cr_expect_eq(info.resident_base, census[k] < 1940);
    cr_expect_not_null(info.source);
  }
  /* Same table: Virginia 19 and Massachusetts 14 in 1790, New York 43 in
   * 1910, California 38 in 1960. */
  tly_census_record info;
  size_t n = record(1790, &info);
  cr_expect_eq(n, 15);
  cr_expect_eq(seats_of(n, "VA"), 19);
  cr_expect_eq(seats_of(n, "MA"), 14);
  cr_expect_eq(info.method, TLY_METHOD_JEFFERSON);
  n = record(1910, &info);
  cr_expect_eq(seats_of(n, "NY"), 43);
  cr_expect_eq(info.method, TLY_METHOD_WEBSTER);
  n = record(1960, &info);
  cr_expect_eq(n, 50);
  cr_expect_eq(seats_of(n, "CA"), 38);
  cr_expect_eq(info.method, TLY_METHOD_HUNTINGTON_HILL);
  cr_expect_null(tly_census_record_note(&info));
  record(1870, &info);
  cr_expect_eq(info.method, TLY_METHOD_HAMILTON);
  cr_expect_not_null(tly_census_record_note(&info));
}

Test(census_record, methods_of_record)
{
  static const struct {
    int census;
    tly_method m;
  } want[] = {{1830, TLY_METHOD_JEFFERSON},
              {1840, TLY_METHOD_WEBSTER},
              {1850, TLY_METHOD_HAMILTON},
              {1900, TLY_METHOD_HAMILTON},
              {1930, TLY_METHOD_WEBSTER},
              {1940, TLY_METHOD_HUNTINGTON_HILL},
              {2010, TLY_METHOD_HUNTINGTON_HILL}};
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
    tly_census_record info;
    record(want[k].census, &info);
    cr_expect_eq(info.method, want[k].m, "%d", want[k].census);
  }
}

Test(census_record, no_1920_and_no_other_years)
{
  tly_census_record info;
  size_t n = 0;
  tly_error err = {0};
  cr_expect_eq(tly_census_record_rows(1920, NULL, &info, rows, 64, &n, &err),
               TLY_ENODATA);
  cr_expect_str_eq(err.msg, "no apportionment after the 1920 census "
                            "(Congress kept 1910's until 1930's)");
  cr_expect_eq(tly_census_record_rows(1795, NULL, &info, rows, 64, &n, &err),
               TLY_ENODATA);
  cr_expect_str_eq(err.msg,
                   "no census 1795; have 1790-2020, every ten years");
  cr_expect_eq(tly_census_record_rows(1850, NULL, &info, rows, 3, &n, &err),
               TLY_ERANGE);
  cr_expect_eq(n, 31);
}

/* How many states a recomputation by the method of record changes. */
static int64_t differ(int census, int64_t *house)
{
  tly_census_record info;
  size_t n = record(census, &info);
  tly_apportionment *r = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_apportion_record(census, 0, info.method, NULL, 0, NULL, &r,
                                    &err),
               TLY_OK, "%s", err.msg);
  *house = tly_apportionment_house(r);
  int64_t d = 0;
  for (size_t i = 0; i < n; i++) {
    cr_assert_str_eq(tly_apportionment_code(r, i), rows[i].code);
    d += tly_apportionment_seats(r, i) != rows[i].seats;
  }
  tly_apportionment_free(r);
  return d;
}

Test(census_record, recomputed_by_the_method_of_record)
{
  int64_t house;
  /* Huntington-Hill on the 1940, 1950 and 1960 populations gives every
   * state its seats of record (Census Bureau table). */
  cr_expect_eq(differ(1940, &house), 0);
  cr_expect_eq(differ(1950, &house), 0);
  cr_expect_eq(differ(1960, &house), 0);
  cr_expect_eq(house, 435);
  /* 1790, Jefferson, 105 seats: from resident counts (slaves counted
   * whole, Maine's people not in Massachusetts' column) six states
   * differ; the record's base is not built in, so the note says so. */
  cr_expect_eq(differ(1790, &house), 6);
  cr_expect_eq(house, 105);
  /* From 1970 the apportionment populations reproduce the record. */
  cr_expect_eq(differ(2020, &house), 0);
}

Test(census_record, recompute_options_and_errors)
{
  tly_apportionment *r = NULL;
  tly_error err = {0};
  const char *without[] = {"va"};
  cr_assert_eq(tly_apportion_record(1790, 120, TLY_METHOD_WEBSTER, without,
                                    1, NULL, &r, &err),
               TLY_OK, "%s", err.msg);
  cr_expect_eq(tly_apportionment_n_states(r), 14);
  cr_expect_eq(tly_apportionment_house(r), 120);
  tly_apportionment_free(r);
  const char *bad[] = {"CA"};
  cr_expect_eq(tly_apportion_record(1790, 0, TLY_METHOD_WEBSTER, bad, 1,
                                    NULL, &r, &err),
               TLY_ENOTFOUND);
  cr_expect_str_eq(err.msg, "\"CA\" is not a state of the 1790 census");
  cr_expect_null(r);
  cr_expect_eq(tly_apportion_record(1790, 10, TLY_METHOD_WEBSTER, NULL, 0,
                                    NULL, &r, &err),
               TLY_EINVAL);
  cr_expect_eq(tly_apportion_record(1920, 0, TLY_METHOD_WEBSTER, NULL, 0,
                                    NULL, &r, &err),
               TLY_ENODATA);
}

typedef struct {
  char buf[1 << 15];
  size_t len;
} sink;

static int to_sink(void *ud, const char *p, size_t n)
{
  sink *s = ud;
  if (s->len + n >= sizeof s->buf)
    return -1;
  memcpy(s->buf + s->len, p, n);
  s->len += n;
  s->buf[s->len] = '\0';
  return 0;
}

Test(census_record, json)
{
  static sink s;
  tly_apportionment *r = NULL;
  cr_assert_eq(tly_apportion_record(1790, 0, TLY_METHOD_JEFFERSON, NULL, 0,
                                    NULL, &r, NULL),
               TLY_OK);
  cr_assert_eq(tly_json_census_record(1790, r, to_sink, &s, NULL), TLY_OK);
  tly_apportionment_free(r);
  json_error_t je;
  json_t *o = json_loads(s.buf, 0, &je);
  cr_assert_not_null(o, "%s", je.text);
  cr_expect_eq(json_integer_value(json_object_get(o, "seats_of_record")),
               105);
  cr_expect_str_eq(json_string_value(json_object_get(o, "population")),
                   "resident");
  cr_expect_eq(json_integer_value(json_object_get(o, "states_differ")), 6);
  json_t *st = json_object_get(o, "states");
  cr_assert_eq(json_array_size(st), 15);
  json_t *va = json_array_get(st, 13); /* CT ... VA, VT */
  cr_expect_str_eq(json_string_value(json_object_get(va, "code")), "VA");
  cr_expect_eq(json_integer_value(json_object_get(va, "seats_of_record")),
               19);
  cr_expect_eq(json_integer_value(json_object_get(va, "change")), 1);
  json_decref(o);
  /* The record alone: no method, no seats, no change. */
  s.len = 0;
  cr_assert_eq(tly_json_census_record(1960, NULL, to_sink, &s, NULL), TLY_OK);
  o = json_loads(s.buf, 0, &je);
  cr_assert_not_null(o);
  cr_expect(json_is_null(json_object_get(o, "method")));
  cr_expect(json_is_null(json_object_get(o, "note")));
  cr_expect_str_eq(json_string_value(json_object_get(o, "population")),
                   "apportionment");
  json_decref(o);
  /* A writer that fails. */
  s.len = sizeof s.buf - 1;
  cr_expect_eq(tly_json_census_record(1960, NULL, to_sink, &s, NULL),
               TLY_EIO);
}

static tly_status recompute_1850(const tly_allocator *a, void *ud)
{
  (void)ud;
  const char *without[] = {"NY"};
  tly_apportionment *r = NULL;
  tly_status s = tly_apportion_record(1850, 0, TLY_METHOD_HAMILTON, without,
                                      1, a, &r, NULL);
  if (s != TLY_OK)
    cr_assert_null(r);
  tly_apportionment_free(r);
  return s;
}

Test(census_record, out_of_memory)
{
  tu_each_failure(recompute_1850, NULL, 1000, true);
}
