/*
 * test_apportion.c -- apportionment (src/apportion.c): the Census Bureau's
 * apportionments 1970-2020 reproduced state by state, the 2020 priority
 * list's last seat and next in line, textbook examples of every method
 * worked by hand, Hamilton's Alabama paradox, ties, errors, JSON, and the
 * library checked against a naive independent implementation.
 */
#include "tally.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/*---- helpers ----*/

static const tly_census_row *census(int year, size_t *n)
{
  static tly_census_row rows[6][64]; /* test-local cache, 1970..2020 */
  static size_t counts[6];
  size_t k = (size_t)(year - 1970) / 10;
  cr_assert(k < 6);
  if (counts[k] == 0) {
    tly_error err;
    cr_assert_eq(tly_census_builtin(year, NULL, rows[k], 64, &counts[k],
                                    &err),
                 TLY_OK, "%s", err.msg);
  }
  *n = counts[k];
  return rows[k];
}

static size_t find(const tly_apportionment *r, const char *code)
{
  for (size_t i = 0; i < tly_apportionment_n_states(r); i++) {
    if (strcmp(tly_apportionment_code(r, i), code) == 0)
      return i;
  }
  cr_assert_fail("no state %s", code);
  return 0;
}

static int64_t seats_of(const tly_apportionment *r, const char *code)
{
  return tly_apportionment_seats(r, find(r, code));
}

/* Apportions n populations (codes "A", "B", ...) and returns the result. */
static tly_apportionment *run(const int64_t *pops, size_t n, int64_t seats,
                              tly_method m, bool allow_zero)
{
  static const char *const letters[] = {"A", "B", "C", "D", "E", "F"};
  cr_assert(n <= 6);
  tly_apportion_input in = {.n_states = n, .codes = letters,
                            .populations = pops, .seats = seats,
                            .method = m, .allow_zero = allow_zero};
  tly_apportionment *r = NULL;
  tly_error err;
  cr_assert_eq(tly_apportion(&in, NULL, &r, &err), TLY_OK, "%s", err.msg);
  return r;
}

static tly_apportionment *run_census(int year, int64_t seats, tly_method m)
{
  tly_apportionment *r = NULL;
  tly_error err;
  cr_assert_eq(tly_apportion_census(year, seats, m, NULL, 0, NULL, &r, &err),
               TLY_OK, "%s", err.msg);
  return r;
}

static void expect(const tly_apportionment *r, const int64_t *want)
{
  for (size_t i = 0; i < tly_apportionment_n_states(r); i++)
    cr_expect_eq(tly_apportionment_seats(r, i), want[i],
                 "%s state %zu: %lld seats, want %lld",
                 tly_method_name(tly_apportionment_method(r)), i,
                 (long long)tly_apportionment_seats(r, i),
                 (long long)want[i]);
}

/*==== The Census Bureau's apportionments ==================================*/

/* Every state of every built-in census: Huntington-Hill with 435 seats on
 * the apportionment populations gives the seats of the Census Bureau's
 * Table 1 (data/census.csv, column seats). */
Test(apportion, census_1970_2020_all_states)
{
  int years[16];
  size_t ny = tly_census_years(years, 16);
  cr_assert_eq(ny, 6);
  for (size_t y = 0; y < ny; y++) {
    cr_assert_eq(years[y], 1970 + 10 * (int)y);
    size_t n;
    const tly_census_row *rows = census(years[y], &n);
    cr_assert_eq(n, 50);
    tly_apportionment *r =
        run_census(years[y], 435, TLY_METHOD_HUNTINGTON_HILL);
    cr_assert_eq(tly_apportionment_n_states(r), 50);
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
      cr_expect_str_eq(tly_apportionment_code(r, i), rows[i].code);
      cr_expect_eq(tly_apportionment_seats(r, i), rows[i].seats,
                   "%d %s: %lld, official %lld", years[y], rows[i].code,
                   (long long)tly_apportionment_seats(r, i),
                   (long long)rows[i].seats);
      total += tly_apportionment_seats(r, i);
    }
    cr_expect_eq(total, 435);
    cr_expect_eq(tly_apportionment_dc_electors(r), 3);
    tly_apportionment_free(r);
  }
}

/* Figures written out by hand from the Census Bureau's apportionment
 * results (Table 1 of each census's apportionment release), so that the
 * test does not rest on data/census.csv alone. */
Test(apportion, census_official_figures_by_hand)
{
  tly_apportionment *r = run_census(2020, 435, TLY_METHOD_HUNTINGTON_HILL);
  /* Census Bureau, "2020 Census Apportionment Results", Table 1. */
  cr_expect_eq(seats_of(r, "CA"), 52);
  cr_expect_eq(seats_of(r, "TX"), 38);
  cr_expect_eq(seats_of(r, "FL"), 28);
  cr_expect_eq(seats_of(r, "NY"), 26);
  cr_expect_eq(seats_of(r, "MT"), 2);
  cr_expect_eq(seats_of(r, "WV"), 2);
  cr_expect_eq(seats_of(r, "WY"), 1);
  cr_expect_eq(tly_apportionment_electors(r, find(r, "CA")), 54);
  tly_apportionment_free(r);
  /* Census Bureau, "2010 Census Apportionment Results", Table 1. */
  r = run_census(2010, 435, TLY_METHOD_HUNTINGTON_HILL);
  cr_expect_eq(seats_of(r, "CA"), 53);
  cr_expect_eq(seats_of(r, "TX"), 36);
  cr_expect_eq(seats_of(r, "NY"), 27);
  cr_expect_eq(seats_of(r, "FL"), 27);
  cr_expect_eq(seats_of(r, "MT"), 1);
  cr_expect_eq(tly_apportionment_electors(r, find(r, "CA")), 55);
  tly_apportionment_free(r);
  /* Census Bureau, 1970 Census apportionment, Table 1. */
  r = run_census(1970, 435, TLY_METHOD_HUNTINGTON_HILL);
  cr_expect_eq(seats_of(r, "CA"), 43);
  cr_expect_eq(seats_of(r, "NY"), 39);
  tly_apportionment_free(r);
}

/* The 2020 priority list: seat 435 went to Minnesota (its 8th seat), and
 * New York was next in line, 89 people short (Census Bureau, 2020 Census
 * apportionment priority values; the Bureau's statement of April 26, 2021
 * that New York would have needed 89 more residents). */
Test(apportion, priority_2020_last_seat_and_next)
{
  tly_apportionment *r = run_census(2020, 435, TLY_METHOD_HUNTINGTON_HILL);
  cr_assert_eq(tly_apportionment_n_priority(r), 385);
  const tly_priority_entry *first = tly_apportionment_priority(r, 0);
  cr_expect_eq(first->seat, 51);
  cr_expect_str_eq(tly_apportionment_code(r, (size_t)first->state), "CA");
  cr_expect_eq(first->n, 2);
  const tly_priority_entry *last = tly_apportionment_last_seat(r);
  cr_assert_not_null(last);
  cr_expect_eq(last->seat, 435);
  cr_expect_str_eq(tly_apportionment_code(r, (size_t)last->state), "MN");
  cr_expect_eq(last->n, 8);
  cr_assert_eq(tly_apportionment_n_next(r), 50);
  const tly_next_in_line *next = tly_apportionment_next(r, 0);
  cr_expect_str_eq(tly_apportionment_code(r, (size_t)next->state), "NY");
  cr_expect_eq(next->n, 27);
  cr_expect_eq(next->short_by, 89);
  cr_expect(!tly_apportionment_tied(r));
  /* Priorities in line never rise. */
  for (size_t k = 1; k < tly_apportionment_n_next(r); k++)
    cr_expect(tly_apportionment_next(r, k)->priority <=
              tly_apportionment_next(r, k - 1)->priority);
  tly_apportionment_free(r);
}

/* 2000: seat 435 went to North Carolina (its 13th) and Utah was next,
 * 856 people short -- the shortfall at issue in Utah v. Evans, 536 U.S. 452
 * (2002). */
Test(apportion, priority_2000_utah_856_short)
{
  tly_apportionment *r = run_census(2000, 435, TLY_METHOD_HUNTINGTON_HILL);
  const tly_priority_entry *last = tly_apportionment_last_seat(r);
  cr_expect_str_eq(tly_apportionment_code(r, (size_t)last->state), "NC");
  cr_expect_eq(last->n, 13);
  const tly_next_in_line *next = tly_apportionment_next(r, 0);
  cr_expect_str_eq(tly_apportionment_code(r, (size_t)next->state), "UT");
  cr_expect_eq(next->n, 4);
  cr_expect_eq(next->short_by, 856);
  tly_apportionment_free(r);
}

/* short_by is exact: with short_by more people the state gains a seat;
 * with one person fewer its priority is at most the last seat's, so it
 * does not -- or only by an exact tie settled by input order (reported as
 * tied; Webster and Jefferson have rational priorities, so equal ones
 * happen: in 2020 Webster's CA + 391,507 ties MN's 8th seat exactly, since
 * 2x/105 = 2p/15 when x = 7p). Checked by reapportioning, for the first
 * states in line, every divisor method, 2020. */
Test(apportion, short_by_is_the_least_increase)
{
  size_t n;
  const tly_census_row *rows = census(2020, &n);
  const char *codes[64];
  int64_t pops[64];
  for (size_t i = 0; i < n; i++) {
    codes[i] = rows[i].code;
    pops[i] = rows[i].population;
  }
  for (int m = TLY_METHOD_HUNTINGTON_HILL; m <= TLY_METHOD_DEAN; m++) {
    tly_apportion_input in = {.n_states = n, .codes = codes,
                              .populations = pops, .seats = 435,
                              .method = (tly_method)m};
    tly_apportionment *base;
    cr_assert_eq(tly_apportion(&in, NULL, &base, NULL), TLY_OK);
    for (size_t k = 0; k < 3; k++) {
      const tly_next_in_line *x = tly_apportionment_next(base, k);
      size_t s = (size_t)x->state;
      cr_assert(x->short_by > 0);
      int64_t saved = pops[s];
      for (int64_t d = x->short_by - 1; d <= x->short_by; d++) {
        pops[s] = saved + d;
        tly_apportionment *r;
        cr_assert_eq(tly_apportion(&in, NULL, &r, NULL), TLY_OK);
        int64_t want = tly_apportionment_seats(base, s) +
                       (d == x->short_by ? 1 : 0);
        if (d < x->short_by && tly_apportionment_seats(r, s) == want + 1 &&
            tly_apportionment_tied(r))
          want++; /* gained only by a tie at exactly equal priority */
        cr_expect_eq(tly_apportionment_seats(r, s), want,
                     "%s: %s +%lld people: %lld seats, want %lld",
                     tly_method_name((tly_method)m), codes[s], (long long)d,
                     (long long)tly_apportionment_seats(r, s),
                     (long long)want);
        tly_apportionment_free(r);
      }
      pops[s] = saved;
    }
    tly_apportionment_free(base);
  }
}

/*==== Every method against a naive, independent implementation ==========*/

/* The divisor d(n) of each method, in long double (the naive way). */
static long double naive_div(int m, long double n)
{
  switch (m) {
  case TLY_METHOD_HUNTINGTON_HILL:
    return sqrtl(n * (n + 1));
  case TLY_METHOD_WEBSTER:
    return n + 0.5L;
  case TLY_METHOD_JEFFERSON:
    return n + 1;
  case TLY_METHOD_ADAMS:
    return n;
  default:
    return 2 * n * (n + 1) / (2 * n + 1);
  }
}

/* One seat each, then seat after seat to the largest pop / d(n). */
static void naive(int m, const int64_t *pops, size_t n, int64_t house,
                  int64_t *seats)
{
  for (size_t i = 0; i < n; i++)
    seats[i] = 1;
  for (int64_t h = (int64_t)n; h < house; h++) {
    size_t best = 0;
    long double bp = -1;
    for (size_t i = 0; i < n; i++) {
      long double p = (long double)pops[i] / naive_div(m, (long double)seats[i]);
      if (p > bp) {
        bp = p;
        best = i;
      }
    }
    seats[best]++;
  }
}

Test(apportion, divisor_methods_match_naive)
{
  static const int64_t houses[] = {100, 435, 436, 500, 1000};
  for (int year = 1970; year <= 2020; year += 10) {
    size_t n;
    const tly_census_row *rows = census(year, &n);
    int64_t pops[64], want[64];
    for (size_t i = 0; i < n; i++)
      pops[i] = rows[i].population;
    for (int m = TLY_METHOD_HUNTINGTON_HILL; m <= TLY_METHOD_DEAN; m++) {
      for (size_t h = 0; h < sizeof houses / sizeof houses[0]; h++) {
        naive(m, pops, n, houses[h], want);
        tly_apportionment *r = run_census(year, houses[h], (tly_method)m);
        for (size_t i = 0; i < n; i++)
          cr_expect_eq(tly_apportionment_seats(r, i), want[i],
                       "%d %s %lld seats: %s %lld, naive %lld", year,
                       tly_method_name((tly_method)m), (long long)houses[h],
                       rows[i].code,
                       (long long)tly_apportionment_seats(r, i),
                       (long long)want[i]);
        tly_apportionment_free(r);
      }
    }
  }
}

/*==== Textbook examples, worked by hand ===================================*/

/* Three states A 7,270, B 1,230, C 1,500 (10,000 people), 10 seats, no
 * minimum. Quotas 7.27, 1.23, 1.50.
 * Hamilton: lower quotas 7, 1, 1 (9 seats); the 10th to the largest
 *   remainder, C's .50 -> 7, 1, 2.
 * Jefferson (P = p/(n+1)): the ten largest of A 7270, 3635, 2423.3,
 *   1817.5, 1454, 1211.7, 1038.6, 908.75 | 807.8; B 1230 | 615; C 1500 |
 *   750 -> A 8, B 1, C 1 (the large state's bias).
 * Webster (P = p/(n+1/2)): A 14540, 4846.7, 2908, 2077.1, 1615.6, 1321.8,
 *   1118.5 | 969.3; B 2460 | 820; C 3000, 1000 -> seat 10 is C's 1000 over
 *   A's 969.3: 7, 1, 2.
 * Adams (P = p/n, first seats free): then A 7270, 3635, 2423.3, 1817.5,
 *   1454 | 1211.7; B 1230 | 615; C 1500 | 750 -> 6, 2, 2 (small states'
 *   bias).
 * Dean (P = p(2n+1)/(2n(n+1))): A 5452.5, 3029.2, 2120.4, 1635.75,
 *   1332.8, 1125.12 | 973.7; B 922.5; C 1125.00 -> A's 7th seat (7270 *
 *   13/84 = 1125.119) beats C's 2nd (1500 * 3/4 = 1125) for seat 9, C takes
 *   seat 10 over A's 973.7: 7, 1, 2.
 * Huntington-Hill (P = p/sqrt(n(n+1))): A 5140.7, 2968.0, 2098.7, 1625.6,
 *   1327.3, 1121.8 | 971.5; B 869.7; C 1060.7 -> 7, 1, 2. */
Test(apportion, textbook_three_states)
{
  static const int64_t pops[] = {7270, 1230, 1500};
  static const int64_t hamilton[] = {7, 1, 2}, jefferson[] = {8, 1, 1},
                       webster[] = {7, 1, 2}, adams[] = {6, 2, 2},
                       dean[] = {7, 1, 2}, hh[] = {7, 1, 2};
  static const struct {
    tly_method m;
    const int64_t *want;
  } cases[] = {{TLY_METHOD_HAMILTON, hamilton},
               {TLY_METHOD_JEFFERSON, jefferson},
               {TLY_METHOD_WEBSTER, webster},
               {TLY_METHOD_ADAMS, adams},
               {TLY_METHOD_DEAN, dean},
               {TLY_METHOD_HUNTINGTON_HILL, hh}};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    for (int zero = 0; zero <= 1; zero++) {
      tly_apportionment *r = run(pops, 3, 10, cases[c].m, zero);
      expect(r, cases[c].want);
      tly_apportionment_free(r);
    }
  }
  /* Dean's 9th seat is A's (1125.119 > 1125), the 10th C's. */
  tly_apportionment *r = run(pops, 3, 10, TLY_METHOD_DEAN, false);
  const tly_priority_entry *e = tly_apportionment_priority(r, 5);
  cr_expect_eq(e->seat, 9);
  cr_expect_eq(e->state, 0);
  cr_expect_eq(e->n, 7);
  e = tly_apportionment_last_seat(r);
  cr_expect_eq(e->seat, 10);
  cr_expect_eq(e->state, 2);
  /* A in line for its 8th seat, P = 7270 * 15/112 = 973.66; C's last seat
   * has 1125: A needs x * 15/112 > 1125, x > 8400, so 8401: 1131 short. */
  const tly_next_in_line *x = tly_apportionment_next(r, 0);
  cr_expect_eq(x->state, 0);
  cr_expect_eq(x->n, 8);
  cr_expect_eq(x->short_by, 1131);
  tly_apportionment_free(r);
}

/* Jefferson without the constitutional minimum can leave a state with no
 * seat: A 900, B 90, C 10, 5 seats: priorities A 900, 450, 300, 225, 180
 * | 150; B 90; C 10 -> 5, 0, 0. Webster: A 1800, 600, 360, 257, 200 | 164;
 * B 180 -> seat 5 is A's 200 over B's 180: 5, 0, 0; with 6 seats B's 180
 * beats A's 163.6: 5, 1, 0. With the minimum, Jefferson: 1 each, then A
 * 450, 300, 225 -> 4, 1, 1. */
Test(apportion, zero_seats_without_minimum)
{
  static const int64_t pops[] = {900, 90, 10};
  tly_apportionment *r = run(pops, 3, 5, TLY_METHOD_JEFFERSON, true);
  expect(r, (const int64_t[]){5, 0, 0});
  cr_expect_eq(tly_apportionment_dc_electors(r), 2); /* least: 0 + 2 */
  tly_apportionment_free(r);
  r = run(pops, 3, 5, TLY_METHOD_WEBSTER, true);
  expect(r, (const int64_t[]){5, 0, 0});
  tly_apportionment_free(r);
  r = run(pops, 3, 6, TLY_METHOD_WEBSTER, true);
  expect(r, (const int64_t[]){5, 1, 0});
  tly_apportionment_free(r);
  r = run(pops, 3, 6, TLY_METHOD_JEFFERSON, false);
  expect(r, (const int64_t[]){4, 1, 1});
  cr_expect_eq(tly_apportionment_dc_electors(r), 3);
  tly_apportionment_free(r);
  /* Jefferson may give fewer seats than states without the minimum. */
  r = run(pops, 3, 2, TLY_METHOD_JEFFERSON, true);
  expect(r, (const int64_t[]){2, 0, 0});
  tly_apportionment_free(r);
}

/* The Alabama paradox (in 1880 Alabama got 8 seats of 299 but 7 of 300):
 * the standard synthetic case A 6, B 6, C 2 (x100). 10 seats: quotas
 * 4.29, 4.29, 1.43 -> 4, 4, 1 and the 10th to C (.43 > .29): 4, 4, 2.
 * 11 seats: quotas 4.71, 4.71, 1.57 -> 4, 4, 1 and two more to A and B
 * (.71 > .57): 5, 5, 1. C loses a seat as the House grows. Huntington-Hill,
 * a divisor method, is house monotone: 4, 4, 2 then 5, 4, 2. */
Test(apportion, hamilton_alabama_paradox)
{
  static const int64_t pops[] = {600, 600, 200};
  tly_apportionment *r = run(pops, 3, 10, TLY_METHOD_HAMILTON, false);
  expect(r, (const int64_t[]){4, 4, 2});
  cr_expect_eq(tly_apportionment_n_priority(r), 1);
  cr_expect_eq(tly_apportionment_last_seat(r)->seat, 10);
  cr_expect_eq(tly_apportionment_last_seat(r)->state, 2);
  cr_expect_eq(tly_apportionment_next(r, 0)->short_by, -1);
  tly_apportionment_free(r);
  r = run(pops, 3, 11, TLY_METHOD_HAMILTON, false);
  expect(r, (const int64_t[]){5, 5, 1});
  /* A and B tie at .71; A, first in the input, takes seat 10. */
  cr_expect_eq(tly_apportionment_priority(r, 0)->state, 0);
  cr_expect_eq(tly_apportionment_priority(r, 1)->state, 1);
  cr_expect(!tly_apportionment_tied(r)); /* C's .57 is below: no tie */
  tly_apportionment_free(r);
  r = run(pops, 3, 10, TLY_METHOD_HUNTINGTON_HILL, false);
  expect(r, (const int64_t[]){4, 4, 2});
  tly_apportionment_free(r);
  r = run(pops, 3, 11, TLY_METHOD_HUNTINGTON_HILL, false);
  expect(r, (const int64_t[]){5, 4, 2});
  cr_expect(tly_apportionment_tied(r)); /* A's 5th vs B's 5th: equal */
  cr_expect_eq(tly_apportionment_next(r, 0)->state, 1);
  cr_expect_eq(tly_apportionment_next(r, 0)->short_by, 1);
  tly_apportionment_free(r);
}

/* Hamilton with one seat each: A 1000, B 10, C 10, 5 seats. Quotas 4.90,
 * .049, .049: B and C get 1 and leave; A's quota of the 3 seats left is 3.
 * Without the minimum: lower quotas 4, 0, 0 and A's .90 takes the 5th. */
Test(apportion, hamilton_minimum)
{
  static const int64_t pops[] = {1000, 10, 10};
  tly_apportionment *r = run(pops, 3, 5, TLY_METHOD_HAMILTON, false);
  expect(r, (const int64_t[]){3, 1, 1});
  cr_expect_null(tly_apportionment_last_seat(r));
  tly_apportionment_free(r);
  r = run(pops, 3, 5, TLY_METHOD_HAMILTON, true);
  expect(r, (const int64_t[]){5, 0, 0});
  tly_apportionment_free(r);
}

/* Exact ties go to the first state in the input, and are reported: two
 * states of 1,000, 3 seats. */
Test(apportion, exact_tie)
{
  static const int64_t pops[] = {1000, 1000};
  for (int m = TLY_METHOD_HUNTINGTON_HILL; m <= TLY_METHOD_HAMILTON; m++) {
    tly_apportionment *r = run(pops, 2, 3, (tly_method)m, false);
    expect(r, (const int64_t[]){2, 1});
    cr_expect(tly_apportionment_tied(r), "%s",
              tly_method_name((tly_method)m));
    cr_expect_eq(tly_apportionment_next(r, 0)->state, 1);
    tly_apportionment_free(r);
  }
}

/* Huntington-Hill priorities that agree to 1e-15 relative but differ:
 * floating point cannot order them, the 128-bit comparison does. A = 2^39
 * - 1 with 1 seat (P = A / sqrt 2) against B with 2 seats (P = B / sqrt 6)
 * where B = floor(A sqrt 3) or + 1 straddles A sqrt 3 exactly. */
Test(apportion, exact_comparison_near_tie)
{
  const int64_t a = ((int64_t)1 << 39) - 1;
  /* B = isqrt(3 a^2): B^2 <= 3a^2 < (B + 1)^2, computed in 128 bits. */
  unsigned __int128 t = (unsigned __int128)3 * (unsigned __int128)a *
                        (unsigned __int128)a;
  int64_t b = (int64_t)sqrtl((long double)t);
  while ((unsigned __int128)b * (unsigned __int128)b > t)
    b--;
  while ((unsigned __int128)(b + 1) * (unsigned __int128)(b + 1) <= t)
    b++;
  /* House of 4: one seat each, B's 2nd (B/sqrt 2, largest), then seat 4:
   * A's 2nd (A/sqrt 2) against B's 3rd (B/sqrt 6); B < A sqrt 3 means A's
   * is higher; B + 1 > A sqrt 3 means B's is. */
  int64_t pops[2] = {a, b};
  tly_apportionment *r = run(pops, 2, 4, TLY_METHOD_HUNTINGTON_HILL, false);
  expect(r, (const int64_t[]){2, 2});
  /* B needs exactly 1 more person for its 3rd seat. */
  cr_expect_eq(tly_apportionment_next(r, 0)->short_by, 1);
  tly_apportionment_free(r);
  pops[1] = b + 1;
  r = run(pops, 2, 4, TLY_METHOD_HUNTINGTON_HILL, false);
  expect(r, (const int64_t[]){1, 3});
  tly_apportionment_free(r);
}

/*==== Errors, names, the census API, electors =============================*/

Test(apportion, method_names)
{
  for (int m = TLY_METHOD_HUNTINGTON_HILL; m <= TLY_METHOD_HAMILTON; m++) {
    tly_method back;
    cr_expect_eq(tly_method_from_name(tly_method_name((tly_method)m), &back,
                                      NULL),
                 TLY_OK);
    cr_expect_eq((int)back, m);
  }
  tly_method x;
  cr_expect_eq(tly_method_from_name("Webster", &x, NULL), TLY_OK);
  cr_expect_eq(x, TLY_METHOD_WEBSTER);
  tly_error err;
  cr_expect_eq(tly_method_from_name("borda", &x, &err), TLY_ENOTFOUND);
  cr_expect_str_eq(err.msg, "unknown method \"borda\"; have huntington-hill, "
                            "webster, jefferson, adams, dean, hamilton");
  cr_expect_str_eq(tly_method_name((tly_method)99), "unknown");
}

Test(apportion, errors)
{
  tly_error err;
  tly_apportionment *r = (tly_apportionment *)&err;
  size_t n;
  cr_expect_eq(tly_census_builtin(1960, NULL, NULL, 0, &n, &err),
               TLY_ENODATA);
  cr_expect_str_eq(err.msg, "no built-in census 1960; have 1970-2020");
  cr_expect_eq(tly_census_builtin(2020, NULL, NULL, 0, &n, &err),
               TLY_ERANGE);
  cr_expect_eq(n, 50);
  cr_expect_eq(tly_apportion_census(2020, 49, TLY_METHOD_WEBSTER, NULL, 0,
                                    NULL, &r, &err),
               TLY_EINVAL);
  cr_expect_null(r);
  cr_expect_str_eq(err.msg, "a House of 49 seats is too small: each of "
                            "the 50 states gets one");
  cr_expect_eq(tly_apportion_census(2020, 100001, TLY_METHOD_WEBSTER, NULL,
                                    0, NULL, &r, &err),
               TLY_EINVAL);
  cr_expect_str_eq(err.msg,
                   "a House of 100001 seats is out of range (1 to 100000)");
  const char *bad[] = {"CA", "XX"};
  cr_expect_eq(tly_apportion_census(2020, 435, TLY_METHOD_WEBSTER, bad, 2,
                                    NULL, &r, &err),
               TLY_ENOTFOUND);
  cr_expect_str_eq(err.msg, "\"XX\" is not a state of the 2020 census");
  static const int64_t pops[] = {5, -1};
  tly_apportion_input in = {.n_states = 2, .populations = pops, .seats = 3};
  cr_expect_eq(tly_apportion(&in, NULL, &r, &err), TLY_EINVAL);
  cr_expect_null(r);
  /* Adams gives every state a seat even without the minimum. */
  static const int64_t three[] = {5, 6, 7};
  in = (tly_apportion_input){.n_states = 3, .populations = three,
                             .seats = 2, .method = TLY_METHOD_ADAMS,
                             .allow_zero = true};
  cr_expect_eq(tly_apportion(&in, NULL, &r, &err), TLY_EINVAL);
  in.n_states = 0;
  cr_expect_eq(tly_apportion(&in, NULL, &r, &err), TLY_EINVAL);
  /* Hamilton needs people. */
  static const int64_t none[] = {0, 0};
  in = (tly_apportion_input){.n_states = 2, .populations = none,
                             .seats = 2, .method = TLY_METHOD_HAMILTON};
  cr_expect_eq(tly_apportion(&in, NULL, &r, &err), TLY_EINVAL);
}

/* Issue 10, the 23rd Amendment: DC has the electors it would have as a
 * state, but no more than the least populous state. With a House of 1,000
 * on the 2010 census, DC (601,723 residents, Census Bureau) outnumbers
 * Wyoming (568,300, apportionment population), which gets 2 seats: DC
 * gets 4 too. With 435 seats every small state has 1 seat and DC 3. */
Test(apportion, dc_as_a_state_capped_by_the_least_populous)
{
  tly_apportionment *r = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_apportion_census(2010, 1000, TLY_METHOD_HUNTINGTON_HILL,
                                    NULL, 0, NULL, &r, &err),
               TLY_OK, "%s", err.msg);
  for (size_t i = 0; i < tly_apportionment_n_states(r); i++) {
    if (strcmp(tly_apportionment_code(r, i), "WY") == 0)
      cr_expect_eq(tly_apportionment_electors(r, i), 4);
  }
  cr_expect_eq(tly_apportionment_dc_electors(r), 4);
  tly_apportionment_free(r);
  cr_assert_eq(tly_apportion_census(2010, 435, TLY_METHOD_HUNTINGTON_HILL,
                                    NULL, 0, NULL, &r, &err),
               TLY_OK);
  cr_expect_eq(tly_apportionment_dc_electors(r), 3);
  tly_apportionment_free(r);
  /* The cap: DC as large as the largest state still has no more than the
   * least populous state (here 1 seat + 2). */
  static const int64_t pops[] = {1000, 100, 500};
  tly_apportion_input in = {.n_states = 3, .populations = pops, .seats = 10,
                            .dc_population = 1000};
  cr_assert_eq(tly_apportion(&in, NULL, &r, &err), TLY_OK, "%s", err.msg);
  cr_expect_eq(tly_apportionment_seats(r, 1), 1);
  cr_expect_eq(tly_apportionment_dc_electors(r), 3);
  tly_apportionment_free(r);
  /* As a state, DC (50) would get fewer seats than the least populous
   * state (100, 2 seats): its own entitlement, 1 seat, decides. */
  static const int64_t pops2[] = {1000, 100};
  in = (tly_apportion_input){.n_states = 2, .populations = pops2,
                             .seats = 20, .dc_population = 50};
  cr_assert_eq(tly_apportion(&in, NULL, &r, &err), TLY_OK, "%s", err.msg);
  cr_expect_eq(tly_apportionment_seats(r, 1), 2);
  cr_expect_eq(tly_apportionment_dc_electors(r), 3);
  tly_apportionment_free(r);
}

Test(apportion, census_rows)
{
  size_t n;
  tly_census_row rows[50];
  cr_assert_eq(tly_census_builtin(2020, NULL, rows, 50, &n, NULL), TLY_OK);
  /* Census Bureau, 2020 Table 1: California resident 39,538,223, overseas
   * 38,534, apportionment population 39,576,757. */
  cr_expect_str_eq(rows[4].code, "CA");
  cr_expect_eq(rows[4].resident, 39538223);
  cr_expect_eq(rows[4].overseas, 38534);
  cr_expect_eq(rows[4].population, 39576757);
  /* 1980: overseas federal employees were not counted. */
  cr_assert_eq(tly_census_builtin(1980, NULL, rows, 50, &n, NULL), TLY_OK);
  cr_expect_eq(rows[0].overseas, -1);
  cr_expect_eq(rows[0].population, rows[0].resident);
}

/* 2020 without California: 49 states share 435 seats; every state's
 * electors are its seats + 2, DC has 3. */
Test(apportion, electors_without_a_state)
{
  const char *without[] = {"ca"};
  tly_electors_row rows[51];
  size_t n;
  tly_error err;
  cr_assert_eq(tly_apportion_electors(2020, 0, TLY_METHOD_HUNTINGTON_HILL,
                                      without, 1, NULL, rows, 51, &n, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(n, 50);
  int64_t seats = 0, electors = 0;
  for (size_t i = 0; i < n; i++) {
    cr_expect_str_neq(rows[i].code, "CA");
    seats += rows[i].seats;
    electors += rows[i].electors;
  }
  cr_expect_str_eq(rows[49].code, "DC");
  cr_expect_eq(rows[49].electors, 3);
  cr_expect_eq(seats, 435);
  cr_expect_eq(electors, 435 + 2 * 49 + 3);
  /* The seats agree with the naive implementation on the 49 states. */
  size_t nc;
  const tly_census_row *c = census(2020, &nc);
  int64_t pops[64] = {0}, want[64] = {0};
  size_t k = 0;
  for (size_t i = 0; i < nc; i++) {
    if (strcmp(c[i].code, "CA") != 0)
      pops[k++] = c[i].population;
  }
  naive(TLY_METHOD_HUNTINGTON_HILL, pops, k, 435, want);
  for (size_t i = 0; i < k; i++)
    cr_expect_eq(rows[i].seats, want[i], "%s", rows[i].code);
  /* Too little room; DC dropped on request. */
  cr_expect_eq(tly_apportion_electors(2020, 0, TLY_METHOD_HUNTINGTON_HILL,
                                      without, 1, NULL, rows, 49, &n, NULL),
               TLY_ERANGE);
  const char *no_dc[] = {"CA", "DC"};
  cr_expect_eq(tly_apportion_electors(2020, 0, TLY_METHOD_HUNTINGTON_HILL,
                                      no_dc, 2, NULL, rows, 49, &n, NULL),
               TLY_OK);
  cr_expect_eq(n, 49);
}

/*---- JSON ----*/

typedef struct {
  char buf[1 << 16];
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

Test(apportion, json)
{
  tly_apportionment *r = run_census(2020, 435, TLY_METHOD_HUNTINGTON_HILL);
  static sink s;
  s.len = 0;
  cr_assert_eq(tly_json_apportionment(r, 2020, 3, true, to_sink, &s, NULL),
               TLY_OK);
  json_error_t jerr;
  json_t *root = json_loads(s.buf, 0, &jerr);
  cr_assert_not_null(root, "%s", jerr.text);
  cr_expect_eq(json_integer_value(json_object_get(root, "census")), 2020);
  cr_expect_eq(json_integer_value(json_object_get(root, "seats")), 435);
  cr_expect_str_eq(json_string_value(json_object_get(root, "method")),
                   "huntington-hill");
  json_t *states = json_object_get(root, "states");
  cr_assert_eq(json_array_size(states), 51);
  json_t *ca = json_array_get(states, 4);
  cr_expect_str_eq(json_string_value(json_object_get(ca, "code")), "CA");
  cr_expect_eq(json_integer_value(json_object_get(ca, "population")),
               39576757);
  cr_expect_eq(json_integer_value(json_object_get(ca, "electors")), 54);
  json_t *dc = json_array_get(states, 50);
  cr_expect(json_is_null(json_object_get(dc, "population")));
  cr_expect_eq(json_integer_value(json_object_get(dc, "electors")), 3);
  json_t *last = json_object_get(root, "last_seat");
  cr_expect_str_eq(json_string_value(json_object_get(last, "code")), "MN");
  json_t *next = json_object_get(root, "next_in_line");
  cr_assert_eq(json_array_size(next), 3);
  cr_expect_eq(json_integer_value(
                   json_object_get(json_array_get(next, 0), "short_by")),
               89);
  cr_expect_eq(json_array_size(json_object_get(root, "priority")), 385);
  json_decref(root);
  /* A failing writer gives TLY_EIO. */
  s.len = sizeof s.buf - 10;
  cr_expect_eq(tly_json_apportionment(r, 2020, 3, true, to_sink, &s, NULL),
               TLY_EIO);
  tly_apportionment_free(r);
}

/*---- out of memory: every allocation failing in turn ----*/

/* 2020 without California, by the method *ud. */
static tly_status apportion_without_ca(const tly_allocator *a, void *ud)
{
  const char *without[] = {"CA"};
  tly_apportionment *r = NULL;
  tly_status s = tly_apportion_census(2020, 435, *(const tly_method *)ud,
                                      without, 1, a, &r, NULL);
  if (s != TLY_OK)
    cr_assert_null(r);
  tly_apportionment_free(r);
  return s;
}

Test(apportion, out_of_memory)
{
  for (int m = TLY_METHOD_HUNTINGTON_HILL; m <= TLY_METHOD_HAMILTON; m++) {
    tly_method method = (tly_method)m;
    tu_each_failure(apportion_without_ca, &method, 1000, true);
  }
}
