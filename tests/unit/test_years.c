/*
 * test_years.c -- what the built-in data holds year by year (src/years.c):
 * the sources of each election and its census, as the loader has them, and
 * the one JSON list `tally years --json` and /api/years print. Sources:
 * MEDSL returns 1976-2024; FEC "Federal Elections" 2004-2020; electors
 * from the 1970-2020 censuses (data/README.md).
 */
#include <criterion/criterion.h>

#include "tally.h"

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
}

typedef struct {
  char buf[4096];
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
  static const char first[] = "[\n  {\"census\": 1970, \"sources\": "
                              "[\"medsl\"], \"year\": 1976},\n";
  cr_assert(strncmp(k.buf, first, sizeof first - 1) == 0, "%s", k.buf);
  cr_assert(strstr(k.buf, "  {\"census\": 2010, \"sources\": [\"medsl\", "
                          "\"fec\"], \"year\": 2016},\n") != NULL);
  cr_assert(strstr(k.buf, "\"year\": 2024}\n]\n") != NULL);
  cr_assert_eq(tly_json_years(NULL, failing_write, NULL, &err), TLY_EIO);
}
