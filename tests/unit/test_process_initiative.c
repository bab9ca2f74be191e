/*
 * test_process_initiative.c -- src/initiative.c: the signature requirement,
 * the random-sample projection against the Secretary of State's worked
 * example (Cal. Code Regs. tit. 2 §20540), the decision bands, civil dates,
 * California holidays and the circulation deadlines of real initiatives.
 * Figures: reference/process-facts.md (sources cited per test).
 */
#include "process.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static tly_date D(int y, int m, int d)
{
  tly_date r = {y, m, d};
  return r;
}

static void assert_date(tly_date got, int y, int m, int d)
{
  cr_assert(got.year == y && got.month == m && got.day == d,
            "got %04d-%02d-%02d, want %04d-%02d-%02d", got.year, got.month,
            got.day, y, m, d);
}

/*---- requirement ----*/

/* SoS cleared-for-circulation page: 365,880 (statute) and 585,407
 * (amendment) on the Nov 2014 governor vote 7,317,581. */
Test(process_initiative, requirement_2014)
{
  int64_t r;
  cr_assert_eq(tly_initiative_requirement(7317581, TLY_INITIATIVE_AMENDMENT,
                                          &r, NULL),
               TLY_OK);
  cr_assert_eq(r, 585407);
  cr_assert_eq(tly_initiative_requirement(7317581, TLY_INITIATIVE_STATUTE,
                                          &r, NULL),
               TLY_OK);
  cr_assert_eq(r, 365880);
}

/* An exact multiple is not rounded up; overflow and bad input fail. */
Test(process_initiative, requirement_edges)
{
  int64_t r = -1;
  cr_assert_eq(tly_initiative_requirement(100, TLY_INITIATIVE_STATUTE, &r,
                                          NULL),
               TLY_OK);
  cr_assert_eq(r, 5);
  cr_assert_eq(tly_initiative_requirement(101, TLY_INITIATIVE_STATUTE, &r,
                                          NULL),
               TLY_OK);
  cr_assert_eq(r, 6);
  tly_error err = {0};
  cr_assert_eq(tly_initiative_requirement(0, TLY_INITIATIVE_STATUTE, &r,
                                          &err),
               TLY_EINVAL);
  cr_assert_eq(tly_initiative_requirement(INT64_MAX, TLY_INITIATIVE_AMENDMENT,
                                          &r, &err),
               TLY_EOVERFLOW);
}

/*---- sample size ----*/

/* EC §9030(d); §20540: 722 for 24,034 (3 % = 721.02, rounded up). */
Test(process_initiative, sample_size)
{
  int64_t n;
  cr_assert_eq(tly_initiative_sample_size(24034, &n, NULL), TLY_OK);
  cr_assert_eq(n, 722);
  cr_assert_eq(tly_initiative_sample_size(500, &n, NULL), TLY_OK);
  cr_assert_eq(n, 500); /* all of them */
  cr_assert_eq(tly_initiative_sample_size(320, &n, NULL), TLY_OK);
  cr_assert_eq(n, 320);
  cr_assert_eq(tly_initiative_sample_size(501, &n, NULL), TLY_OK);
  cr_assert_eq(n, 500); /* 3 % = 15.03 < 500 */
  cr_assert_eq(tly_initiative_sample_size(16667, &n, NULL), TLY_OK);
  cr_assert_eq(n, 501); /* 500.01 -> 501 */
  cr_assert_eq(tly_initiative_sample_size(16666, &n, NULL), TLY_OK);
  cr_assert_eq(n, 500); /* 499.98 -> 500 */
  cr_assert_eq(tly_initiative_sample_size(-1, &n, NULL), TLY_EINVAL);
}

/*---- projection ----*/

/* Cal. Code Regs. tit. 2 §20540: R = 24,034, n = 722, s = 516, d = 2:
 * r = 71.47 %, V = 17,178, A = 33.2881, C = 2,150, projected 15,028. */
Test(process_initiative, sos_worked_example)
{
  tly_county_sample c = {"Example", 24034, 722, 516, 2};
  tly_projection p;
  cr_assert_eq(tly_initiative_project(&c, &p, NULL), TLY_OK);
  cr_assert_eq(p.min_sample, 722);
  cr_assert_eq(p.rate_bp, 7147);
  cr_assert_eq(p.uncorrected, 17178);
  cr_assert_eq(p.value_e4, 332881);
  cr_assert_eq(p.duplicates_est, 2150);
  cr_assert_eq(p.projected_valid, 15028);
  cr_assert(!p.examined_all);
}

/* A county that examined every signature reports its count. */
Test(process_initiative, all_examined)
{
  tly_county_sample c = {"Alpine", 300, 300, 200, 3};
  tly_projection p;
  cr_assert_eq(tly_initiative_project(&c, &p, NULL), TLY_OK);
  cr_assert(p.examined_all);
  cr_assert_eq(p.projected_valid, 200);
  cr_assert_eq(p.duplicates_est, 0);
}

/* Half-up rounding of the rate: 1/8 = 12.5 % exactly; 2/3 = 66.666..%
 * -> 66.67 %; 1/1600 = 0.0625 % -> 0.06 %, 3/1600 = 0.1875 % -> 0.19 %. */
Test(process_initiative, rate_rounding)
{
  tly_county_sample c = {"X", 4000, 1600, 3, 0};
  tly_projection p;
  cr_assert_eq(tly_initiative_project(&c, &p, NULL), TLY_OK);
  cr_assert_eq(p.rate_bp, 19);
  cr_assert_eq(p.value_e4, 25000); /* A = 2.5 exactly */
  cr_assert_eq(p.uncorrected, 8);  /* 4000 x 0.0019 = 7.6 -> 8 */
  c.valid = 1;
  cr_assert_eq(tly_initiative_project(&c, &p, NULL), TLY_OK);
  cr_assert_eq(p.rate_bp, 6);
}

Test(process_initiative, projection_errors)
{
  tly_error err = {0};
  tly_projection p;
  tly_county_sample big = {"Big", 700, 800, 10, 0};
  cr_assert_eq(tly_initiative_project(&big, &p, &err), TLY_EINVAL);
  cr_assert_str_eq(err.msg,
                   "county \"Big\": sample 800 exceeds raw count 700");
  tly_county_sample v = {"V", 24034, 722, 723, 0};
  cr_assert_eq(tly_initiative_project(&v, &p, &err), TLY_EINVAL);
  cr_assert_str_eq(err.msg, "county \"V\": valid 723 exceeds sample 722");
  tly_county_sample d = {"D", 24034, 722, 700, 30};
  cr_assert_eq(tly_initiative_project(&d, &p, &err), TLY_EINVAL);
  tly_county_sample small = {"S", 24034, 600, 500, 0};
  cr_assert_eq(tly_initiative_project(&small, &p, &err), TLY_EINVAL);
  cr_assert(strstr(err.msg, "below the 722") != NULL, "%s", err.msg);
  tly_county_sample neg = {"N", -1, 0, 0, 0};
  cr_assert_eq(tly_initiative_project(&neg, &p, &err), TLY_EINVAL);
}

/*---- decision ----*/

/* Bands of EC §9030(e)-(g) with required 1,000: > 1,100 qualifies, 950 to
 * 1,100 inclusive means a full count, < 950 fails. Counties examined in
 * full so that projected = valid exactly. */
static tly_petition_decision decide_at(int64_t valid)
{
  tly_county_sample c = {"All", 2000, 2000, valid, 0};
  tly_petition_result r;
  cr_assert_eq(tly_initiative_decide(1000, &c, 1, NULL, &r, NULL), TLY_OK);
  cr_assert_eq(r.projected_valid, valid);
  return r.decision;
}

Test(process_initiative, decision_bands)
{
  cr_assert_eq(decide_at(1101), TLY_PETITION_QUALIFIES);
  cr_assert_eq(decide_at(1100), TLY_PETITION_FULL_COUNT);
  cr_assert_eq(decide_at(950), TLY_PETITION_FULL_COUNT);
  cr_assert_eq(decide_at(949), TLY_PETITION_FAILS);
  cr_assert_str_eq(tly_petition_decision_name(TLY_PETITION_FULL_COUNT),
                   "full_count");
}

/* A raw total below the requirement fails before any sample (§9030(c)):
 * the §20540 county alone against 585,407. */
Test(process_initiative, raw_short_fails)
{
  tly_county_sample c = {"Example", 24034, 722, 516, 2};
  tly_projection p;
  tly_petition_result r;
  cr_assert_eq(tly_initiative_decide(585407, &c, 1, &p, &r, NULL), TLY_OK);
  cr_assert(r.raw_short);
  cr_assert_eq(r.decision, TLY_PETITION_FAILS);
  cr_assert_eq(r.projected_valid, 15028);
  cr_assert_eq(p.projected_valid, 15028);
}

/* The statewide figure sums the county projections. */
Test(process_initiative, sums_counties)
{
  tly_county_sample c[2] = {{"A", 24034, 722, 516, 2},
                            {"B", 1000, 500, 400, 1}};
  tly_petition_result r;
  cr_assert_eq(tly_initiative_decide(14000, c, 2, NULL, &r, NULL), TLY_OK);
  /* B: r = 80 %, V = 800, A = 2, C = 1 x 2 x 1 = 2 -> 798. */
  cr_assert_eq(r.projected_valid, 15028 + 798);
  cr_assert_eq(r.raw_total, 25034);
  cr_assert_eq(r.decision, TLY_PETITION_QUALIFIES); /* 113.2 % */
}

/*---- dates and holidays ----*/

Test(process_initiative, civil_days)
{
  cr_assert_eq(tly__days_from_civil(1970, 1, 1), 0);
  cr_assert_eq(tly__days_from_civil(2000, 3, 1), 11017);
  cr_assert_eq(tly__days_from_civil(1969, 12, 31), -1);
  for (int64_t z = -800000; z < 800000; z += 997) {
    tly_date d = tly__civil_from_days(z);
    cr_assert_eq(tly__days_from_civil(d.year, d.month, d.day), z);
  }
  cr_assert_eq(tly__weekday(0), 4); /* 1970-01-01 was a Thursday */
  cr_assert_eq(tly__weekday(tly__days_from_civil(2017, 7, 25)), 2);
}

/* The public weekday: 2016-03-12, the 180th day after 2015-09-14, was a
 * Saturday; 1900-01-01 a Monday; 2000-02-29 a Tuesday. */
Test(process_initiative, weekday_names)
{
  cr_assert_str_eq(tly_date_weekday((tly_date){2016, 3, 12}), "Saturday");
  cr_assert_str_eq(tly_date_weekday((tly_date){1900, 1, 1}), "Monday");
  cr_assert_str_eq(tly_date_weekday((tly_date){2000, 2, 29}), "Tuesday");
  cr_assert_str_eq(tly_date_weekday((tly_date){2017, 7, 25}), "Tuesday");
  cr_assert_str_eq(tly_date_weekday((tly_date){2017, 13, 1}), "");
}

Test(process_initiative, date_parse)
{
  tly_date d;
  tly_error err = {0};
  cr_assert_eq(tly_date_parse("2016-02-29", &d, &err), TLY_OK);
  assert_date(d, 2016, 2, 29);
  cr_assert_eq(tly_date_parse("2017-02-29", &d, &err), TLY_EPARSE);
  cr_assert_str_eq(err.msg, "date \"2017-02-29\" is not a date YYYY-MM-DD "
                            "(1900-2199)");
  cr_assert_eq(tly_date_parse("2017-1-26", &d, &err), TLY_EPARSE);
  cr_assert_eq(tly_date_parse("2017-01-26x", &d, &err), TLY_EPARSE);
  cr_assert_eq(tly_date_parse("2017-13-01", &d, &err), TLY_EPARSE);
  cr_assert_eq(tly_date_parse("", &d, &err), TLY_EPARSE);
}

static bool hol(int y, int m, int d)
{
  bool h = false;
  cr_assert_eq(tly_ca_holiday(D(y, m, d), &h, NULL, NULL), TLY_OK);
  return h;
}

/* Gov. Code §§6700-6701 as tabulated. */
Test(process_initiative, holidays)
{
  cr_assert(hol(2017, 7, 4));
  cr_assert(hol(2021, 7, 5));   /* July 4, 2021 a Sunday -> Monday */
  cr_assert(hol(2023, 1, 2));   /* January 1, 2023 a Sunday */
  cr_assert(hol(2017, 11, 10)); /* November 11, 2017 a Saturday -> Friday */
  cr_assert(!hol(2022, 7, 1));  /* July 4 on a Monday: nothing moves */
  cr_assert(!hol(2022, 12, 23)); /* a Sunday Christmas moves forward only */
  cr_assert(hol(2022, 12, 26));
  cr_assert(hol(2016, 9, 23));  /* Native American Day (from 2015) */
  cr_assert(!hol(2014, 9, 26)); /* ... not before */
  cr_assert(hol(2023, 6, 19));  /* Juneteenth (from 2023) */
  cr_assert(!hol(2022, 6, 20));
  cr_assert(hol(2024, 2, 10)); /* Lunar New Year 2024, a Saturday */
  cr_assert(!hol(2024, 2, 9)); /* ... which does not move (§6701) */
  cr_assert(hol(2025, 1, 29));  /* Lunar New Year 2025 */
  cr_assert(hol(2017, 11, 23)); /* Thanksgiving */
  cr_assert(hol(2018, 2, 12));  /* Lincoln Day */
  cr_assert(hol(2018, 2, 19));  /* third Monday in February */
  cr_assert(hol(2018, 5, 28));  /* last Monday in May */
  cr_assert(hol(2018, 10, 8));  /* Columbus Day */
  cr_assert(!hol(2018, 3, 30)); /* Good Friday: a business day here */
  tly_error err = {0};
  bool h;
  const char *name = NULL;
  cr_assert_eq(tly_ca_holiday(D(2025, 1, 29), &h, &name, &err), TLY_OK);
  cr_assert_str_eq(name, "Lunar New Year");
  cr_assert_eq(tly_ca_holiday(D(2036, 1, 2), &h, NULL, &err),
               TLY_EUNSUPPORTED);
}

/*---- deadlines ----*/

/* 16-0011A1 (Calexit): summary 2017-01-26, deadline 2017-07-25 (SoS
 * cleared-for-circulation page); qualify by 2018-06-28 for 2018-11-06. */
Test(process_initiative, calexit_deadline)
{
  tly_initiative_dates d;
  cr_assert_eq(tly_initiative_deadline(D(2017, 1, 26), NULL, &d, NULL),
               TLY_OK);
  assert_date(d.circulation_deadline, 2017, 7, 25);
  cr_assert(!d.deadline_moved);
  assert_date(d.election, 2018, 11, 6);
  assert_date(d.qualify_by, 2018, 6, 28);
  cr_assert(!d.too_late);
}

/* 15-0037: summary 2015-09-14; day 180 is Saturday 2016-03-12, so the
 * deadline is Monday 2016-03-14; the SoS failed-to-qualify page dates its
 * failure 2016-03-25, the 9th working day after. */
Test(process_initiative, weekend_deadline_and_failure)
{
  tly_initiative_dates d;
  cr_assert_eq(tly_initiative_deadline(D(2015, 9, 14), NULL, &d, NULL),
               TLY_OK);
  assert_date(d.day_180, 2016, 3, 12);
  assert_date(d.circulation_deadline, 2016, 3, 14);
  cr_assert(d.deadline_moved);
  assert_date(d.no_filing_fails, 2016, 3, 25);
}

/* 18-0001: summary 2018-04-20 -> 2018-10-17; 20-0001A1: 2020-09-09 ->
 * 2021-03-08, failed 2021-03-19 (SoS pages in the facts, §1.3). */
Test(process_initiative, more_sos_deadlines)
{
  tly_initiative_dates d;
  cr_assert_eq(tly_initiative_deadline(D(2018, 4, 20), NULL, &d, NULL),
               TLY_OK);
  assert_date(d.circulation_deadline, 2018, 10, 17);
  cr_assert_eq(tly_initiative_deadline(D(2020, 9, 9), NULL, &d, NULL),
               TLY_OK);
  assert_date(d.circulation_deadline, 2021, 3, 8);
  assert_date(d.no_filing_fails, 2021, 3, 19);
}

/* A deadline on a Saturday before a Monday holiday: 2022-12-31 ->
 * 2023-01-03 (January 1, 2023 a Sunday, observed Monday January 2). */
Test(process_initiative, holiday_chain)
{
  tly_initiative_dates d;
  cr_assert_eq(tly_initiative_deadline(D(2022, 7, 4), NULL, &d, NULL),
               TLY_OK);
  assert_date(d.circulation_deadline, 2023, 1, 3);
}

Test(process_initiative, given_election)
{
  tly_initiative_dates d;
  tly_date e = D(2018, 11, 6);
  cr_assert_eq(tly_initiative_deadline(D(2018, 4, 20), &e, &d, NULL),
               TLY_OK);
  assert_date(d.qualify_by, 2018, 6, 28);
  cr_assert(d.too_late); /* the deadline 2018-10-17 is after E-131 */
  tly_date early = D(2017, 1, 1);
  tly_error err = {0};
  cr_assert_eq(tly_initiative_deadline(D(2018, 4, 20), &early, &d, &err),
               TLY_EINVAL);
}

/*---- county files ----*/

Test(process_initiative, county_file)
{
  const char *csv = "name,raw,sample,valid,duplicates\n"
                    "Example,24034,722,516,2\n"
                    "\"Alpine, CA\",300,300,200,0\n";
  tly_county_list *l = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_county_list_parse("c.csv", csv, strlen(csv), NULL, &l,
                                     &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_county_list_n(l), 2);
  cr_assert_str_eq(tly_county_list_rows(l)[1].name, "Alpine, CA");
  cr_assert_eq(tly_county_list_line(l, 1), 3);
  tly_county_list_free(l);
}

Test(process_initiative, county_file_errors)
{
  const char *bad = "name,raw,sample,valid,duplicates\n"
                    "A,24034,722,516,2\n"
                    "B,700,800,10,0\n";
  tly_county_list *l = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_county_list_parse("c.csv", bad, strlen(bad), NULL, &l,
                                     &err),
               TLY_EINVAL);
  cr_assert_null(l);
  cr_assert_eq(err.line, 3);
  cr_assert_eq(err.col, 1);
  cr_assert_str_eq(err.msg, "county \"B\": sample 800 exceeds raw count 700");
  const char *neg = "name,raw,sample,valid,duplicates\nA,-5,0,0,0\n";
  cr_assert_eq(tly_county_list_parse("c.csv", neg, strlen(neg), NULL, &l,
                                     &err),
               TLY_EPARSE);
  cr_assert_eq(err.line, 2);
  cr_assert_eq(err.col, 3);
  const char *hdr = "name,raw,sample,valid\nA,1,1,1\n";
  cr_assert_eq(tly_county_list_parse("c.csv", hdr, strlen(hdr), NULL, &l,
                                     &err),
               TLY_EPARSE);
  cr_assert_str_eq(err.msg, "missing column \"duplicates\" (header: "
                            "name,raw,sample,valid,duplicates)");
}

/*---- out of memory ----*/

/* tly_county_list_parse with the n-th allocation failing, n = 1, 2, ...
 * until it succeeds: TLY_ENOMEM each time, *out NULL, nothing leaked. */
Test(process_initiative, county_file_out_of_memory)
{
  const char *csv = "name,raw,sample,valid,duplicates\n"
                    "Example,24034,722,516,2\n"
                    "Alpine,300,300,200,0\n";
  for (long k = 1;; k++) {
    tu_alloc fa = {.fail_at = k};
    tly_allocator a = {tu_realloc, &fa};
    tly_county_list *l = (tly_county_list *)&fa; /* must become NULL */
    tly_error err = {0};
    tly_status st = tly_county_list_parse("c.csv", csv, strlen(csv), &a, &l,
                                          &err);
    if (st == TLY_OK) {
      cr_assert_eq(tly_county_list_n(l), 2);
      tly_county_list_free(l);
      cr_assert_eq(fa.bytes, 0);
      cr_assert_gt(k, 3);
      break;
    }
    cr_assert_eq(st, TLY_ENOMEM, "allocation %ld: %s", k, err.msg);
    cr_assert_null(l);
    cr_assert_eq(fa.bytes, 0, "leak failing allocation %ld", k);
  }
}
