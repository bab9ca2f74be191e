/*
 * test_years.c -- what the built-in data holds year by year (src/years.c):
 * the sources of each election and its census, as the loader has them, and
 * the one JSON list `tally years --json` and /api/years print. Sources:
 * MEDSL returns 1976-2024; FEC "Federal Elections" 2004-2020; the
 * historical record 1789-1972; electors from each census (data/README.md).
 */
#include <criterion/criterion.h>

#include "tally.h"

#include <stdlib.h>
#include <string.h>

Test(years, sources_and_census_of_a_year)
{
  static const struct {
    int year, census;
    bool medsl, fec;
  } cases[] = {
      {1976, 1970, true, false}, {2000, 1990, true, false},
      {2004, 2000, true, true},  {2016, 2010, true, true},
      {2020, 2010, true, true},  {2024, 2020, true, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tly_year_info y;
    tly_error err = {0};
    cr_assert_eq(tly_builtin_year_info(cases[i].year, NULL, &y, &err),
                 TLY_OK, "%s", err.msg);
    cr_assert_eq(y.year, cases[i].year);
    cr_assert_eq(y.census, cases[i].census, "%d", cases[i].year);
    cr_assert_eq(y.has[TLY_SOURCE_MEDSL], cases[i].medsl);
    cr_assert_eq(y.has[TLY_SOURCE_FEC], cases[i].fec, "%d", cases[i].year);
  }
  tly_year_info y;
  tly_error err = {0};
  cr_assert_eq(tly_builtin_year_info(2017, NULL, &y, &err), TLY_ENODATA);
  cr_assert_eq(tly_builtin_year_info(1876, NULL, &y, &err), TLY_OK);
  cr_assert(y.has[TLY_SOURCE_HISTORY] && !y.has[TLY_SOURCE_MEDSL]);
  cr_assert_eq(y.census, 1870);
}

typedef struct {
  char buf[16384];
  size_t len;
} sink;

static int sink_write(void *ud, const char *p, size_t n)
{
  sink *k = ud;
  if (k->len + n + 1 > sizeof k->buf)
    return 1;
  memcpy(k->buf + k->len, p, n);
  k->len += n;
  k->buf[k->len] = '\0';
  return 0;
}

static int failing_write(void *ud, const char *p, size_t n)
{
  (void)ud;
  (void)p;
  (void)n;
  return 1;
}

Test(years, one_json_list)
{
  sink k = {0};
  tly_error err = {0};
  cr_assert_eq(tly_json_years(NULL, sink_write, &k, &err), TLY_OK);
  static const char first[] = "[\n  {\"census\": 0, \"sources\": "
                              "[\"history\"], \"year\": 1789},\n";
  cr_assert(strncmp(k.buf, first, sizeof first - 1) == 0, "%s", k.buf);
  cr_assert(strstr(k.buf, "  {\"census\": 2010, \"sources\": [\"medsl\", "
                          "\"fec\"], \"year\": 2016},\n") != NULL);
  cr_assert(strstr(k.buf, "  {\"census\": 1870, \"sources\": "
                          "[\"history\"], \"year\": 1876},\n") != NULL);
  cr_assert(strstr(k.buf, "  {\"census\": 1970, \"sources\": [\"medsl\"], "
                          "\"year\": 1976},\n") != NULL);
  cr_assert(strstr(k.buf, "\"year\": 2024}\n]\n") != NULL);
  cr_assert_eq(tly_json_years(NULL, failing_write, NULL, &err), TLY_EIO);
}

/* A libc allocator that counts the allocations made through it. */
static void *counting_realloc(void *ud, void *p, size_t old, size_t n)
{
  (void)old;
  if (n == 0) {
    free(p);
    return NULL;
  }
  if (p == NULL)
    (*(size_t *)ud)++;
  return realloc(p, n);
}

/* The list reads the loader's tables, not its elections: each year's
 * census is the one tly_election_builtin gives the election of its
 * default source, and the list costs a few allocations a year (a table
 * pass takes two or three), not an election's (2016 alone takes over a
 * hundred: loading all 60 took about a second in tally.wasm, which the
 * page waited for). */
Test(years, census_as_the_loader_has_it_without_loading)
{
  int years[256];
  size_t n = tly_builtin_years(years, 256);
  cr_assert(n > 50 && n <= 256);
  for (size_t i = 0; i < n; i++) {
    tly_year_info y;
    tly_error err = {0};
    cr_assert_eq(tly_builtin_year_info(years[i], NULL, &y, &err), TLY_OK,
                 "%s", err.msg);
    tly_election *e = NULL;
    cr_assert_eq(tly_election_builtin(years[i],
                                      tly_builtin_source(years[i]), NULL,
                                      &e, &err),
                 TLY_OK, "%s", err.msg);
    cr_assert_eq(y.census, tly_election_census(e), "%d", years[i]);
    tly_election_free(e);
  }
  size_t n_list = 0;
  size_t n_2016 = 0;
  size_t n_years = n;
  tly_allocator count_list = {.realloc = counting_realloc, .ud = &n_list};
  tly_allocator count_2016 = {.realloc = counting_realloc, .ud = &n_2016};
  sink k = {0};
  tly_error err = {0};
  cr_assert_eq(tly_json_years(&count_list, sink_write, &k, &err), TLY_OK);
  tly_election *e = NULL;
  cr_assert_eq(tly_election_builtin(2016, TLY_SOURCE_MEDSL, &count_2016, &e,
                                    &err),
               TLY_OK);
  tly_election_free(e);
  cr_assert_gt(n_2016, 100, "2016: %zu allocations", n_2016);
  cr_assert_lt(n_list, 8 * n_years, "the list: %zu allocations for %zu "
               "years", n_list, n_years);
}
