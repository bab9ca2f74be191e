/*
 * test_scan.c -- strict integer and decimal scanning (src/scan.c): signs,
 * spaces, separators, empty tokens, trailing junk, bounds and overflow.
 */
#include "scan.h"

#include <criterion/criterion.h>
#include <string.h>

static tly_status i64(const char *s, int64_t min, int64_t max, int64_t *v)
{
  return tly__scan_i64(s, strlen(s), min, max, v);
}

Test(scan, i64_valid)
{
  int64_t v = -1;
  cr_assert_eq(i64("0", 0, INT64_MAX, &v), TLY_OK);
  cr_assert_eq(v, 0);
  cr_assert_eq(i64("-5", INT64_MIN, INT64_MAX, &v), TLY_OK);
  cr_assert_eq(v, -5);
  cr_assert_eq(i64("9223372036854775807", INT64_MIN, INT64_MAX, &v),
               TLY_OK);
  cr_assert_eq(v, INT64_MAX);
  cr_assert_eq(i64("-9223372036854775808", INT64_MIN, INT64_MAX, &v),
               TLY_OK);
  cr_assert_eq(v, INT64_MIN);
  cr_assert_eq(i64("007", 0, 100, &v), TLY_OK);
  cr_assert_eq(v, 7);
  cr_assert_eq(i64("-0", -1, 1, &v), TLY_OK);
  cr_assert_eq(v, 0);
  /* MEDSL 2016 California, Clinton (= California SoS certified). */
  cr_assert_eq(i64("8753788", 0, INT64_MAX, &v), TLY_OK);
  cr_assert_eq(v, 8753788);
  /* Only the n bytes given are read. */
  cr_assert_eq(tly__scan_i64("123x", 3, 0, 1000, &v), TLY_OK);
  cr_assert_eq(v, 123);
}

Test(scan, i64_overflow_is_erange)
{
  int64_t v = 42;
  cr_assert_eq(i64("9223372036854775808", INT64_MIN, INT64_MAX, &v),
               TLY_ERANGE);
  cr_assert_eq(i64("-9223372036854775809", INT64_MIN, INT64_MAX, &v),
               TLY_ERANGE);
  cr_assert_eq(i64("99999999999999999999999", 0, INT64_MAX, &v),
               TLY_ERANGE);
  cr_assert_eq(i64("18446744073709551616", 0, INT64_MAX, &v), TLY_ERANGE);
  cr_assert_eq(v, 42); /* unchanged on failure */
}

Test(scan, i64_not_an_integer)
{
  int64_t v = 42;
  const char *bad[] = {"",   "12x", " 12", "12 ", "+1", "1,000", "1.0",
                       "-",  "--1", "0x10", "1e3", "\xC2\xA0\x31", "NA",
                       "99999999999999999999x"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    cr_assert_eq(i64(bad[i], INT64_MIN, INT64_MAX, &v), TLY_EPARSE,
                 "\"%s\"", bad[i]);
  /* A minus sign is not allowed when min >= 0. */
  cr_assert_eq(i64("-5", 0, INT64_MAX, &v), TLY_EPARSE);
  cr_assert_eq(i64("-0", 0, INT64_MAX, &v), TLY_EPARSE);
  cr_assert_eq(tly__scan_i64(NULL, 0, 0, 10, &v), TLY_EPARSE);
  cr_assert_eq(v, 42);
}

Test(scan, i64_bounds)
{
  int64_t v = 42;
  cr_assert_eq(i64("538", 0, 538, &v), TLY_OK);
  cr_assert_eq(v, 538);
  cr_assert_eq(i64("539", 0, 538, &v), TLY_ERANGE);
  cr_assert_eq(i64("3", 3, 55, &v), TLY_OK);
  cr_assert_eq(v, 3);
  cr_assert_eq(i64("2", 3, 55, &v), TLY_ERANGE);
  cr_assert_eq(i64("-10", -10, -1, &v), TLY_OK);
  cr_assert_eq(v, -10);
  cr_assert_eq(i64("-11", -10, -1, &v), TLY_ERANGE);
  cr_assert_eq(i64("0", -10, -1, &v), TLY_ERANGE);
  cr_assert_eq(v, -10);
}

static tly_status dbl(const char *s, double *v)
{
  return tly__scan_double(s, strlen(s), v);
}

Test(scan, double_valid)
{
  double v = -1;
  cr_assert_eq(dbl("0", &v), TLY_OK);
  cr_assert_eq(v, 0.0);
  cr_assert_eq(dbl("0.5", &v), TLY_OK);
  cr_assert_eq(v, 0.5);
  cr_assert_eq(dbl("-0.25", &v), TLY_OK);
  cr_assert_eq(v, -0.25);
  cr_assert_eq(dbl("5.", &v), TLY_OK);
  cr_assert_eq(v, 5.0);
  cr_assert_eq(dbl(".5", &v), TLY_OK);
  cr_assert_eq(v, 0.5);
  cr_assert_eq(dbl("1e3", &v), TLY_OK);
  cr_assert_eq(v, 1000.0);
  cr_assert_eq(dbl("2.5E-1", &v), TLY_OK);
  cr_assert_eq(v, 0.25);
  cr_assert_eq(dbl("1e+2", &v), TLY_OK);
  cr_assert_eq(v, 100.0);
  cr_assert_eq(dbl("0.1", &v), TLY_OK);
  cr_assert_eq(v, 0.1); /* correctly rounded, as the compiler rounds it */
  cr_assert_eq(tly__scan_double("0.75,1", 4, &v), TLY_OK);
  cr_assert_eq(v, 0.75);
}

Test(scan, double_invalid)
{
  double v = 42;
  const char *bad[] = {"",     ".",    "-",   "+1",   " 1",  "1 ",
                       "1,5",  "1e",   "1e+", "e5",   "inf", "nan",
                       "0x1p3", "1.2.3", "--1", "1e999", "-1e999", "NA"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    cr_assert_eq(dbl(bad[i], &v), TLY_EPARSE, "\"%s\"", bad[i]);
  cr_assert_eq(v, 42);
}
