/*
 * initiative.c -- a California initiative's numbers: the signatures it
 * needs (Cal. Const. art. II §8(b)), the random-sample verification of its
 * petitions (Elections Code §9030; Cal. Code Regs. tit. 2 §§20530-20532,
 * worked example §20540) and its deadlines (EC §9014, art. II §8, state
 * holidays of Gov. Code §§6700-6701). Sources: reference/process-facts.md.
 */
#include "arith.h"
#include "buf.h"
#include "csv.h"
#include "process.h"
#include "scan.h"

#include <stdio.h>
#include <string.h>

/*---- Civil dates ---------------------------------------------------------*/

/* H. Hinnant, "chrono-Compatible Low-Level Date Algorithms": eras of 400
 * years (146,097 days) starting on March 1, so that leap days fall last. */
int64_t tly__days_from_civil(int64_t y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;                            /* [0, 399] */
  int64_t mp = (m + 9) % 12;                              /* March = 0 */
  int64_t doy = (153 * mp + 2) / 5 + d - 1;               /* [0, 365] */
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;    /* [0, 146096] */
  return era * 146097 + doe - 719468;
}

tly_date tly__civil_from_days(int64_t z)
{
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  tly_date r = {(int32_t)y, (int32_t)m, (int32_t)d};
  return r;
}

/* 1970-01-01 was a Thursday (4); floor modulo keeps earlier days right. */
int tly__weekday(int64_t days)
{
  int64_t w = (days + 4) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

static int month_days(int64_t y, int m)
{
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : len[m - 1];
}

static int64_t date_days(tly_date d)
{
  return tly__days_from_civil(d.year, d.month, d.day);
}

tly_status tly_date_parse(const char *s, tly_date *out, tly_error *err)
{
  int v[3] = {0, 0, 0};
  static const int width[3] = {4, 2, 2};
  const char *p = s;
  for (int f = 0; f < 3; f++) {
    for (int i = 0; i < width[f]; i++, p++) {
      if (*p < '0' || *p > '9')
        goto bad;
      v[f] = v[f] * 10 + (*p - '0');
    }
    if (f < 2 && *p++ != '-')
      goto bad;
  }
  if (*p != '\0' || v[0] < 1900 || v[0] > 2199 || v[1] < 1 || v[1] > 12 ||
      v[2] < 1 || v[2] > month_days(v[0], v[1]))
    goto bad;
  out->year = v[0];
  out->month = v[1];
  out->day = v[2];
  return TLY_OK;
bad:
  return tly__fail(err, TLY_EPARSE,
                   "date \"%.40s\" is not a date YYYY-MM-DD (1900-2199)", s);
}

char *tly_date_format(tly_date d, char *buf, size_t size)
{
  snprintf(buf, size, "%04d-%02d-%02d", (int)d.year, (int)d.month,
           (int)d.day);
  return buf;
}

const char *tly_date_weekday(tly_date d)
{
  static const char *const names[7] = {"Sunday",   "Monday", "Tuesday",
                                       "Wednesday", "Thursday", "Friday",
                                       "Saturday"};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
    return "";
  return names[tly__weekday(tly__days_from_civil(d.year, d.month, d.day))];
}

/*---- California state holidays (Gov. Code §§6700-6701) -------------------
 * §6700(a) as in force: 2007 text (Justia, 2007 California Government
 * Code); Native American Day added by AB 1973 (Stats. 2014, ch. 537) from
 * 2015; Lunar New Year (AB 2596, Stats. 2022, ch. 792), Genocide
 * Remembrance Day (AB 1801, 2022) and Juneteenth (AB 1655, Stats. 2022,
 * ch. 753) from 2023 (legalfina's current §6700 text). Assumptions [U]:
 * - Good Friday is a holiday only from noon to 3 p.m. (§6700(a)): offices
 *   are open that morning, so it is not a whole-day holiday here;
 * - of the days "appointed by the President or Governor" only Thanksgiving
 *   (the fourth Thursday of November) is counted, every year;
 * - the observed-day rules are §6701's (2017 text): January 1, February
 *   12, March 31, July 4, September 9, November 11 and December 25 on a
 *   Sunday move to the Monday; November 11 on a Saturday to the Friday.
 *   Whether later amendments extended them to April 24 and June 19 was
 *   not verified, so those are not moved;
 * - Lunar New Year dates (the second new moon after the winter solstice,
 *   §6700(a)(4)) are tabulated from the Chinese calendar for 2023-2035. */

#define CAL_FIRST 2007
#define CAL_LAST 2035

typedef enum { H_FIXED, H_NTH, H_LAST, H_LUNAR } hrule;

typedef struct {
  const char *name;
  hrule rule;
  int month, day; /* H_FIXED */
  int weekday, nth; /* H_NTH (nth weekday of month), H_LAST */
  bool observed;  /* §6701: a Sunday moves it to the Monday */
  int from;       /* first year in the table's list */
} holiday;

static const holiday holidays[] = {
    {.name = "New Year's Day", .rule = H_FIXED, .month = 1, .day = 1,
     .observed = true, .from = CAL_FIRST},
    {.name = "Dr. Martin Luther King, Jr. Day", .rule = H_NTH, .month = 1,
     .weekday = 1, .nth = 3, .from = CAL_FIRST},
    {.name = "Lunar New Year", .rule = H_LUNAR, .from = 2023},
    {.name = "Lincoln Day", .rule = H_FIXED, .month = 2, .day = 12,
     .observed = true, .from = CAL_FIRST},
    {.name = "Washington's Birthday (third Monday in February)",
     .rule = H_NTH, .month = 2, .weekday = 1, .nth = 3, .from = CAL_FIRST},
    {.name = "Cesar Chavez Day", .rule = H_FIXED, .month = 3, .day = 31,
     .observed = true, .from = CAL_FIRST},
    {.name = "Genocide Remembrance Day", .rule = H_FIXED, .month = 4,
     .day = 24, .from = 2023},
    {.name = "Memorial Day (last Monday in May)", .rule = H_LAST,
     .month = 5, .weekday = 1, .from = CAL_FIRST},
    {.name = "Juneteenth", .rule = H_FIXED, .month = 6, .day = 19,
     .from = 2023},
    {.name = "Independence Day", .rule = H_FIXED, .month = 7, .day = 4,
     .observed = true, .from = CAL_FIRST},
    {.name = "Labor Day (first Monday in September)", .rule = H_NTH,
     .month = 9, .weekday = 1, .nth = 1, .from = CAL_FIRST},
    {.name = "Admission Day", .rule = H_FIXED, .month = 9, .day = 9,
     .observed = true, .from = CAL_FIRST},
    {.name = "Native American Day", .rule = H_NTH, .month = 9, .weekday = 5,
     .nth = 4, .from = 2015},
    {.name = "Columbus Day", .rule = H_NTH, .month = 10, .weekday = 1,
     .nth = 2, .from = CAL_FIRST},
    {.name = "Veterans Day", .rule = H_FIXED, .month = 11, .day = 11,
     .observed = true, .from = CAL_FIRST},
    {.name = "Thanksgiving Day", .rule = H_NTH, .month = 11, .weekday = 4,
     .nth = 4, .from = CAL_FIRST},
    {.name = "Christmas Day", .rule = H_FIXED, .month = 12, .day = 25,
     .observed = true, .from = CAL_FIRST},
};

/* Lunar New Year, 2023-2035 (Chinese calendar; [U] tabulated, not
 * computed from the new moons). */
static const tly_date lunar_new_year[] = {
    {2023, 1, 22}, {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17},
    {2027, 2, 6},  {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 3},
    {2031, 1, 23}, {2032, 2, 11}, {2033, 1, 31}, {2034, 2, 19},
    {2035, 2, 8},
};
_Static_assert(sizeof lunar_new_year / sizeof lunar_new_year[0] ==
                   CAL_LAST - 2023 + 1,
               "one Lunar New Year per year 2023..CAL_LAST");

/* The day number of holiday h in year y (its legal date, before §6701). */
static int64_t holiday_day(const holiday *h, int y)
{
  switch (h->rule) {
  case H_FIXED:
    return tly__days_from_civil(y, h->month, h->day);
  case H_NTH: {
    int64_t first = tly__days_from_civil(y, h->month, 1);
    int shift = (h->weekday - tly__weekday(first) + 7) % 7;
    return first + shift + 7 * (h->nth - 1);
  }
  case H_LAST: {
    int64_t last = tly__days_from_civil(y, h->month, month_days(y, h->month));
    int shift = (tly__weekday(last) - h->weekday + 7) % 7;
    return last - shift;
  }
  case H_LUNAR:
    return date_days(lunar_new_year[y - 2023]);
  }
  return 0;
}

/* Whether day number `days` (in year y's table) is a holiday; *name set. */
static bool is_holiday(int64_t days, int y, const char **name)
{
  int wd = tly__weekday(days);
  if (wd == 0) {
    *name = "Sunday";
    return true;
  }
  for (size_t i = 0; i < sizeof holidays / sizeof holidays[0]; i++) {
    const holiday *h = &holidays[i];
    if (y < h->from)
      continue;
    int64_t hd = holiday_day(h, y);
    if (hd == days) {
      *name = h->name;
      return true;
    }
    /* §6701: a Sunday holiday is kept the next Monday; a Saturday
     * Veterans Day the Friday before. */
    if (h->observed && tly__weekday(hd) == 0 && hd + 1 == days) {
      *name = h->name;
      return true;
    }
    if (h->rule == H_FIXED && h->month == 11 && h->day == 11 &&
        tly__weekday(hd) == 6 && hd - 1 == days) {
      *name = h->name;
      return true;
    }
  }
  *name = NULL; /* §6701 moves no other Saturday holiday */
  return false;
}

static tly_status check_cal_year(int y, tly_error *err)
{
  if (y < CAL_FIRST || y > CAL_LAST)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "year %d is outside the holiday table (%d-%d, "
                     "Gov. Code §6700 as tabulated)",
                     y, CAL_FIRST, CAL_LAST);
  return TLY_OK;
}

tly_status tly_ca_holiday(tly_date d, bool *holiday_out, const char **name,
                          tly_error *err)
{
  tly_status s = check_cal_year(d.year, err);
  if (s != TLY_OK)
    return s;
  const char *nm = NULL;
  *holiday_out = is_holiday(date_days(d), d.year, &nm);
  if (name != NULL)
    *name = nm;
  return TLY_OK;
}

/* Whether `days` is a business day: not Saturday, Sunday or a holiday. */
static tly_status business_day(int64_t days, bool *yes, tly_error *err)
{
  tly_date d = tly__civil_from_days(days);
  tly_status s = check_cal_year(d.year, err);
  if (s != TLY_OK)
    return s;
  const char *nm;
  *yes = tly__weekday(days) != 6 && !is_holiday(days, d.year, &nm);
  return TLY_OK;
}

/*---- Signatures ----------------------------------------------------------*/

int tly_initiative_percent(tly_initiative_kind kind)
{
  return kind == TLY_INITIATIVE_AMENDMENT ? 8 : 5;
}

/* ceil(N * pct / 100): [U] "rounded up", inferred from the Secretary of
 * State's 365,880 and 585,407 for 7,317,581 (facts §1.1); N >= 1. */
tly_status tly_initiative_requirement(int64_t governor_votes,
                                      tly_initiative_kind kind,
                                      int64_t *required, tly_error *err)
{
  if (governor_votes < 1)
    return tly__fail(err, TLY_EINVAL,
                     "governor votes %lld must be at least 1",
                     (long long)governor_votes);
  int64_t prod;
  if (!tly__mul_i64(governor_votes, tly_initiative_percent(kind), &prod))
    return tly__fail(err, TLY_EOVERFLOW, "governor votes %lld overflow",
                     (long long)governor_votes);
  *required = tly__ceildiv_i64(prod, 100);
  return TLY_OK;
}

/* EC §9030(d): a county with more than 500 signatures samples "at least
 * 500 or 3 percent ..., whichever is greater"; 3 % is rounded up ([U],
 * consistent with §20540's 722 for 24,034). Up to 500: every signature. */
tly_status tly_initiative_sample_size(int64_t raw, int64_t *sample,
                                      tly_error *err)
{
  if (raw < 0)
    return tly__fail(err, TLY_EINVAL, "raw count %lld is negative",
                     (long long)raw);
  if (raw <= 500) {
    *sample = raw;
    return TLY_OK;
  }
  int64_t prod;
  if (!tly__mul_i64(raw, 3, &prod))
    return tly__fail(err, TLY_EOVERFLOW, "raw count %lld overflows",
                     (long long)raw);
  int64_t pct3 = tly__ceildiv_i64(prod, 100);
  *sample = pct3 > 500 ? pct3 : 500;
  return TLY_OK;
}

/* Rounds num/den (num >= 0, den > 0) to the nearest integer, halves up:
 * [U] §20530(c) and §20531(a) say "to two/four decimal places" without a
 * rule; half-up is the ordinary reading, and §20540's A = 33.2881 for
 * 24,034/722 = 33.28808... rules out truncation. */
static int64_t div_half_up(int64_t num, int64_t den)
{
  int64_t rem = num % den;
  return num / den + (rem >= den - rem); /* 2 rem >= den, overflow-free */
}

#define OVF(what)                                                            \
  tly__fail(err, TLY_EOVERFLOW, "county \"%s\": %s overflows", nm, what)

/* Cal. Code Regs. tit. 2:
 *   §20530(c) r = s/n as a percentage to two decimals (rate_bp / 10^4);
 *   §20530(d) V = R * r, rounded up;
 *   §20531(a) A = R/n to four decimals (value_e4 / 10^4);
 *   §20531(b,c) C = d * A * (A - 1), rounded up (B is not rounded: its
 *   exact product is used; §20540 prints it to four decimals);
 *   §20532 projected valid = V - C.
 * Every product is exact in int64 (checked); ceil(x / 10^k) on x >= 0. */
tly_status tly_initiative_project(const tly_county_sample *c,
                                  tly_projection *out, tly_error *err)
{
  const char *nm = c->name != NULL ? c->name : "";
  if (c->raw < 0 || c->sample < 0 || c->valid < 0 || c->duplicates < 0)
    return tly__fail(err, TLY_EINVAL,
                     "county \"%s\": counts must not be negative", nm);
  if (c->sample > c->raw)
    return tly__fail(err, TLY_EINVAL,
                     "county \"%s\": sample %lld exceeds raw count %lld", nm,
                     (long long)c->sample, (long long)c->raw);
  if (c->valid > c->sample)
    return tly__fail(err, TLY_EINVAL,
                     "county \"%s\": valid %lld exceeds sample %lld", nm,
                     (long long)c->valid, (long long)c->sample);
  /* [U] A duplicate found in the sample is not also counted valid: B =
   * A(A-1) is 0 when every signature is examined (A = 1), which only
   * makes sense if the duplicates found were already struck. */
  if (c->duplicates > c->sample - c->valid)
    return tly__fail(err, TLY_EINVAL,
                     "county \"%s\": valid %lld + duplicates %lld exceed "
                     "sample %lld",
                     nm, (long long)c->valid, (long long)c->duplicates,
                     (long long)c->sample);
  tly_projection p;
  memset(&p, 0, sizeof p);
  tly_status s = tly_initiative_sample_size(c->raw, &p.min_sample, err);
  if (s != TLY_OK)
    return s;
  if (c->sample < p.min_sample)
    return tly__fail(err, TLY_EINVAL,
                     "county \"%s\": sample %lld is below the %lld the law "
                     "requires for %lld signatures (EC §9030(d))",
                     nm, (long long)c->sample, (long long)p.min_sample,
                     (long long)c->raw);
  if (c->raw == 0) {
    *out = p;
    out->examined_all = true;
    return TLY_OK;
  }
  int64_t t;
  if (!tly__mul_i64(c->valid, 10000, &t))
    return OVF("valid");
  p.rate_bp = div_half_up(t, c->sample);
  if (c->sample == c->raw) {
    /* [U] Every signature was examined: the count itself, no projection
     * (the formula's rounded rate could differ from s by a vote). */
    p.examined_all = true;
    p.uncorrected = c->valid;
    p.value_e4 = 10000;
    p.duplicates_est = 0;
    p.projected_valid = c->valid;
    *out = p;
    return TLY_OK;
  }
  if (!tly__mul_i64(c->raw, p.rate_bp, &t))
    return OVF("R x r");
  p.uncorrected = tly__ceildiv_i64(t, 10000);
  if (!tly__mul_i64(c->raw, 10000, &t))
    return OVF("R / n");
  p.value_e4 = div_half_up(t, c->sample);
  /* C = ceil(d * A_e4 * (A_e4 - 10^4) / 10^8); A_e4 > 10^4 here since n < R
   * rounds to at least 1.0000. */
  int64_t b;
  if (!tly__mul_i64(p.value_e4, p.value_e4 - 10000, &b) ||
      !tly__mul_i64(b, c->duplicates, &t))
    return OVF("d x A x (A - 1)");
  p.duplicates_est = tly__ceildiv_i64(t, 100000000);
  /* [U] §20532 is V - C; a C larger than V (absurd duplicate rates) is
   * reported as 0 projected valid rather than a negative count. */
  p.projected_valid =
      p.uncorrected > p.duplicates_est ? p.uncorrected - p.duplicates_est : 0;
  *out = p;
  return TLY_OK;
}

const char *tly_petition_decision_name(tly_petition_decision d)
{
  switch (d) {
  case TLY_PETITION_QUALIFIES:
    return "qualifies";
  case TLY_PETITION_FULL_COUNT:
    return "full_count";
  case TLY_PETITION_FAILS:
    return "fails";
  }
  return "unknown";
}

/* EC §9030(e)-(g) (facts §2.1.3): more than 110 % qualifies; 95 to 110 %
 * means a full count; less than 95 % fails. Boundaries [U]: exactly 110 %
 * and exactly 95 % are in the full-count band ("within 95 to 110
 * percent"). Compared exactly: P * 100 against required * 110 and * 95. */
tly_status tly_initiative_decide(int64_t required,
                                 const tly_county_sample *counties, size_t n,
                                 tly_projection *proj,
                                 tly_petition_result *out, tly_error *err)
{
  if (required < 1)
    return tly__fail(err, TLY_EINVAL, "required %lld must be at least 1",
                     (long long)required);
  if (n == 0)
    return tly__fail(err, TLY_EINVAL, "no counties given");
  tly_petition_result r;
  memset(&r, 0, sizeof r);
  r.required = required;
  for (size_t i = 0; i < n; i++) {
    tly_projection p;
    tly_status s = tly_initiative_project(&counties[i], &p, err);
    if (s != TLY_OK)
      return s;
    if (!tly__add_i64(r.raw_total, counties[i].raw, &r.raw_total) ||
        !tly__add_i64(r.projected_valid, p.projected_valid,
                      &r.projected_valid))
      return tly__fail(err, TLY_EOVERFLOW, "statewide total overflows");
    if (proj != NULL)
      proj[i] = p;
  }
  int64_t p100, hi, lo;
  if (!tly__mul_i64(r.projected_valid, 100, &p100) ||
      !tly__mul_i64(required, 110, &hi) || !tly__mul_i64(required, 95, &lo))
    return tly__fail(err, TLY_EOVERFLOW, "required %lld overflows",
                     (long long)required);
  r.raw_short = r.raw_total < required; /* EC §9030(c): below 100 % */
  if (r.raw_short || p100 < lo)
    r.decision = TLY_PETITION_FAILS;
  else if (p100 > hi)
    r.decision = TLY_PETITION_QUALIFIES;
  else
    r.decision = TLY_PETITION_FULL_COUNT;
  *out = r;
  return TLY_OK;
}

/*---- Deadlines -----------------------------------------------------------*/

/* The Tuesday after the first Monday of November of year y (2 U.S.C. §7;
 * California's statewide general election, EC §1000-series). */
static int64_t general_election(int64_t y)
{
  int64_t nov1 = tly__days_from_civil(y, 11, 1);
  int to_monday = (1 - tly__weekday(nov1) + 7) % 7;
  return nov1 + to_monday + 1;
}

/* EC §9014(b): filed "no later than 180 days" after the official summary
 * date; §9014(d) (and the issue): a deadline on a weekend or holiday moves
 * to the next business day [facts: 2017-01-26 -> 2017-07-25]. The SoS
 * cleared-for-circulation note: counties have 8 working days to report
 * whether any signatures came in; with none, the measure fails on the 9th
 * working day after the deadline (15-0037: 2016-03-12 is a Saturday ->
 * 2016-03-14 -> fails 2016-03-25, as the SoS failed page says). Art. II
 * §8: a measure must qualify by E-131 to go on election E's ballot. */
tly_status tly_initiative_deadline(tly_date summary, const tly_date *election,
                                   tly_initiative_dates *out,
                                   tly_error *err)
{
  tly_initiative_dates r;
  memset(&r, 0, sizeof r);
  r.summary = summary;
  tly_status s = check_cal_year(summary.year, err);
  if (s != TLY_OK)
    return s;
  int64_t dl = date_days(summary) + 180;
  r.day_180 = tly__civil_from_days(dl);
  for (;;) {
    bool ok;
    s = business_day(dl, &ok, err);
    if (s != TLY_OK)
      return s;
    if (ok)
      break;
    r.deadline_moved = true;
    dl++;
  }
  r.circulation_deadline = tly__civil_from_days(dl);
  int64_t fail = dl;
  for (int worked = 0; worked < 9;) {
    bool ok;
    fail++;
    s = business_day(fail, &ok, err);
    if (s != TLY_OK)
      return s;
    worked += ok;
  }
  r.no_filing_fails = tly__civil_from_days(fail);
  int64_t e;
  if (election != NULL) {
    e = date_days(*election);
    if (e <= date_days(summary))
      return tly__fail(err, TLY_EINVAL,
                       "election %04d-%02d-%02d is not after the summary "
                       "date",
                       (int)election->year, (int)election->month,
                       (int)election->day);
    r.election_given = true;
  } else {
    /* [U] The first even-year general election whose E-131 is on or
     * after the circulation deadline (16-0011A1: 2018-11-06, qualify by
     * 2018-06-28, facts §1.2). */
    int64_t y = r.circulation_deadline.year + (r.circulation_deadline.year & 1);
    while (general_election(y) - 131 < dl)
      y += 2;
    e = general_election(y);
  }
  r.election = tly__civil_from_days(e);
  r.qualify_by = tly__civil_from_days(e - 131);
  r.too_late = e - 131 < dl;
  *out = r;
  return TLY_OK;
}

/*---- JSON ----------------------------------------------------------------*/

tly_status tly_json_initiative_requirement(int64_t governor_votes,
                                           tly_initiative_kind kind,
                                           int64_t required, tly_writer w,
                                           void *ud, tly_error *err)
{
  json_t *o = json_pack("{s:I, s:i, s:I}", "governor_votes",
                        (json_int_t)governor_votes, "percent",
                        tly_initiative_percent(kind), "required",
                        (json_int_t)required);
  return tly__json_write(o, w, ud, err);
}

tly_status tly_json_initiative_sample(const tly_petition_result *r,
                                      const tly_county_sample *counties,
                                      const tly_projection *proj, size_t n,
                                      tly_writer w, void *ud, tly_error *err)
{
  json_t *arr = json_array();
  for (size_t i = 0; arr != NULL && i < n; i++) {
    const tly_county_sample *c = &counties[i];
    json_t *o = json_pack(
        "{s:s, s:I, s:I, s:I, s:I, s:I}", "name",
        c->name != NULL ? c->name : "", "raw", (json_int_t)c->raw, "sample",
        (json_int_t)c->sample, "valid", (json_int_t)c->valid, "duplicates",
        (json_int_t)c->duplicates, "projected_valid",
        (json_int_t)proj[i].projected_valid);
    if (o == NULL || json_array_append_new(arr, o) != 0) {
      json_decref(arr);
      arr = NULL;
    }
  }
  if (arr == NULL)
    return tly__json_write(NULL, w, ud, err);
  /* percent_of_required: 100 * P / required to two decimals, half to even,
   * computed exactly and written as a JSON number. */
  json_t *o = json_pack("{s:I, s:o, s:I, s:o, s:s}", "required",
                        (json_int_t)r->required, "counties", arr,
                        "projected_valid", (json_int_t)r->projected_valid,
                        "percent_of_required",
                        tly__json_percent(r->projected_valid, r->required, 2),
                        "decision", tly_petition_decision_name(r->decision));
  return tly__json_write(o, w, ud, err);
}

tly_status tly_json_initiative_deadline(const tly_initiative_dates *d,
                                        tly_writer w, void *ud,
                                        tly_error *err)
{
  char a[16], b[16], c[16];
  json_t *o = json_pack(
      "{s:s, s:s, s:s}", "summary_date", tly_date_format(d->summary, a, 16),
      "circulation_deadline", tly_date_format(d->circulation_deadline, b, 16),
      "qualify_by", tly_date_format(d->qualify_by, c, 16));
  return tly__json_write(o, w, ud, err);
}

/*---- County files --------------------------------------------------------
 * A CSV with a header naming the columns name, raw, sample, valid and
 * duplicates (any order; other columns ignored), one county a row. Read
 * twice: once to count the rows, once to fill an array of exactly that
 * size (count, then allocate). */

#define COUNTY_MAX_FILE ((size_t)1 << 24) /* 16 MiB: 58 counties are tiny */
#define COUNTY_MAX_FIELD 1024
#define COUNTY_MAX_FIELDS 64

struct tly_county_list {
  tly_allocator alloc;
  size_t n;
  tly_county_sample *rows; /* names owned */
  int64_t *lines;          /* the line of each row, for error messages */
};

void tly_county_list_free(tly_county_list *l)
{
  if (l == NULL)
    return;
  tly_allocator a = l->alloc;
  for (size_t i = 0; l->rows != NULL && i < l->n; i++) {
    if (l->rows[i].name != NULL)
      tly__free(&a, (void *)l->rows[i].name, strlen(l->rows[i].name) + 1);
  }
  if (l->rows != NULL)
    tly__free(&a, l->rows, l->n * sizeof *l->rows);
  if (l->lines != NULL)
    tly__free(&a, l->lines, l->n * sizeof *l->lines);
  tly__free(&a, l, sizeof *l);
}

size_t tly_county_list_n(const tly_county_list *l)
{
  return l->n;
}

const tly_county_sample *tly_county_list_rows(const tly_county_list *l)
{
  return l->rows;
}

int64_t tly_county_list_line(const tly_county_list *l, size_t i)
{
  return i < l->n ? l->lines[i] : 0;
}

static const char *const county_cols[5] = {"name", "raw", "sample", "valid",
                                           "duplicates"};

/* One pass over the file: counts rows into *n, and fills l when l->rows is
 * not NULL. Checks every row as tly_initiative_project does, reporting the
 * row's FILE:LINE. */
static tly_status county_pass(const tly_allocator *a, const char *name,
                              const char *data, size_t len,
                              tly_county_list *l, size_t *n, tly_error *err)
{
  tly__csv *c = NULL;
  tly_status s = tly__csv_open(a, name, data, len, COUNTY_MAX_FIELD,
                               COUNTY_MAX_FIELDS, &c, err);
  if (s != TLY_OK)
    return s;
  int idx[5];
  size_t rows = 0;
  bool header = true;
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    s = tly__csv_next(c, &f, &nf, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (header) {
      for (int k = 0; k < 5; k++) {
        idx[k] = -1;
        for (size_t j = 0; j < nf; j++) {
          if (strcmp(f[j].p, county_cols[k]) == 0)
            idx[k] = (int)j;
        }
        if (idx[k] < 0) {
          s = tly__csv_fail(c, &f[0], err, TLY_EPARSE,
                            "missing column \"%s\" (header: name,raw,"
                            "sample,valid,duplicates)",
                            county_cols[k]);
          goto done;
        }
      }
      header = false;
      continue;
    }
    tly_county_sample cs = {0};
    int64_t v[5] = {0};
    for (int k = 0; k < 5; k++) {
      if ((size_t)idx[k] >= nf) {
        s = tly__csv_fail(c, NULL, err, TLY_EPARSE,
                          "row has no \"%s\" field", county_cols[k]);
        goto done;
      }
      if (k == 0)
        continue;
      const tly__csv_field *fk = &f[idx[k]];
      if (tly__scan_i64(fk->p, fk->n, 0, INT64_MAX, &v[k]) != TLY_OK) {
        s = tly__csv_fail(c, fk, err, TLY_EPARSE,
                          "%s \"%.40s\" is not a count (a whole number "
                          ">= 0)",
                          county_cols[k], fk->p);
        goto done;
      }
    }
    const tly__csv_field *fn = &f[idx[0]];
    if (fn->n == 0) {
      s = tly__csv_fail(c, fn, err, TLY_EPARSE, "empty county name");
      goto done;
    }
    cs.name = fn->p;
    cs.raw = v[1];
    cs.sample = v[2];
    cs.valid = v[3];
    cs.duplicates = v[4];
    tly_projection p;
    tly_error e2;
    s = tly_initiative_project(&cs, &p, &e2);
    if (s != TLY_OK) {
      s = tly__csv_fail(c, fn, err, s, "%s", e2.msg);
      goto done;
    }
    if (l->rows != NULL) {
      char *nm = tly__strdup(a, fn->p);
      if (nm == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        goto done;
      }
      cs.name = nm;
      l->rows[rows] = cs;
      l->lines[rows] = tly__csv_line(c);
    }
    rows++;
  }
  if (s == TLY_OK && rows == 0)
    s = tly__fail_at(err, TLY_EPARSE, name, 1, 1, "no counties in the file");
done:
  tly__csv_free(c);
  *n = rows;
  return s;
}

tly_status tly_county_list_parse(const char *name, const char *data,
                                 size_t len, const tly_allocator *a,
                                 tly_county_list **out, tly_error *err)
{
  *out = NULL;
  a = tly__alloc_or_default(a);
  size_t n = 0;
  tly_county_list probe = {.rows = NULL};
  tly_status s = county_pass(a, name, data, len, &probe, &n, err);
  if (s != TLY_OK)
    return s;
  tly_county_list *l = tly__calloc(a, 1, sizeof *l);
  if (l == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  l->alloc = *a;
  l->n = n; /* the arrays' size, also for freeing them on failure */
  l->rows = tly__calloc(a, n, sizeof *l->rows);
  l->lines = tly__calloc(a, n, sizeof *l->lines);
  if (l->rows == NULL || l->lines == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  } else {
    size_t n2 = 0;
    s = county_pass(a, name, data, len, l, &n2, err);
  }
  if (s != TLY_OK) {
    tly_county_list_free(l);
    return s;
  }
  *out = l;
  return TLY_OK;
}

tly_status tly_county_list_load(const char *path, const tly_allocator *a,
                                tly_county_list **out, tly_error *err)
{
  *out = NULL;
  tly__buf buf;
  tly__buf_init(&buf, a, COUNTY_MAX_FILE);
  tly_status s = tly__file_read(path, &buf, err);
  if (s != TLY_OK)
    return s;
  s = tly_county_list_parse(tly__file_name(path), buf.p, buf.len, a, out,
                            err);
  tly__buf_free(&buf);
  return s;
}
