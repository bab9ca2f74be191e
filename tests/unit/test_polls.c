/*
 * test_polls.c -- the poll readers, averages, error model and backtest
 * (src/polls.c, polls_avg.c, polls_calib.c): exact dates, strict errors at
 * FILE:LINE:COL, one value per poll, the layouts told apart, and the 2020
 * backtest against the figures the shared README computed from 538's
 * files (FiveThirtyEight, CC BY 4.0) and the FEC's certified results.
 */
#include "polls.h"
#include "process.h"
#include "tally.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "testutil.h"

#define TALLY_HEAD                                                          \
  "cycle,unit,poll_id,question,pollster,start_date,end_date,population,"   \
  "sample_size,dem,rep\n"

static tly_polls *parse_ok(const char *text, int cycle)
{
  tly_polls *p = NULL;
  tly_error err = {0};
  tly_polls_read_opts o = {.cycle = cycle};
  tly_status s =
      tly_polls_parse("t.csv", text, strlen(text), &o, NULL, &p, &err);
  cr_assert_eq(s, TLY_OK, "%s", err.msg);
  return p;
}

static void parse_fails(const char *text, tly_status want, int64_t line,
                        int64_t col, const char *msg)
{
  tly_polls *p = NULL;
  tly_error err = {0};
  tly_status s =
      tly_polls_parse("t.csv", text, strlen(text), NULL, NULL, &p, &err);
  cr_assert_eq(s, want, "got %s: %s", tly_status_name(s), err.msg);
  cr_assert_null(p);
  cr_assert_eq(err.line, line, "line %lld: %s", (long long)err.line,
               err.msg);
  cr_assert_eq(err.col, col, "col %lld: %s", (long long)err.col, err.msg);
  cr_assert(strstr(err.msg, msg) != NULL, "message: %s", err.msg);
}

Test(polls, election_days)
{
  /* 3 U.S.C. §1: the Tuesday after the first Monday of November. */
  tly_date d2016 = {2016, 11, 8}, d2020 = {2020, 11, 3}, d2024 = {2024, 11, 5};
  tly_date d1996 = {1996, 11, 5};
  cr_assert_eq(tly__polls_election_day(2016),
               tly__days_from_civil(2016, 11, 8));
  cr_assert_eq(tly__polls_election_day(2020),
               tly__days_from_civil(d2020.year, d2020.month, d2020.day));
  cr_assert_eq(tly__polls_election_day(2024),
               tly__days_from_civil(d2024.year, d2024.month, d2024.day));
  cr_assert_eq(tly__polls_election_day(1996),
               tly__days_from_civil(d1996.year, d1996.month, d1996.day));
  (void)d2016;
}

Test(polls, dates_in_every_notation)
{
  tly_polls *p = parse_ok(
      TALLY_HEAD "2020,PA,1,1,A,10/1/20,10/02/2020,lv,800,50,45\n"
                 "2020,PA,2,1,B,2020-10-03,2020-10-04,rv,,48.5,47.5\n",
      0);
  cr_assert_eq(tly_polls_n(p), 2);
  const tly_poll *a = tly_polls_get(p, 0);
  cr_assert_eq(a->start.year, 2020);
  cr_assert_eq(a->start.month, 10);
  cr_assert_eq(a->start.day, 1);
  cr_assert_eq(a->end.day, 2);
  cr_assert_eq(a->sample_size, 800);
  cr_assert_eq(tly_polls_get(p, 1)->sample_size, -1);
  cr_assert_str_eq(tly_polls_pollster(p, tly_polls_get(p, 1)->pollster),
                   "B");
  cr_assert_eq(tly_polls_cycle(p), 2020);
  cr_assert_eq(tly_polls_layout_of(p), TLY_POLLS_TALLY);
  tly_polls_free(p);
}

Test(polls, bad_dates_are_refused_at_their_cell)
{
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,2/30/20,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 2, 15, "date \"2/30/20\"");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,13/1/20,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 2, 15, "13/1/20");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,2020-1-5,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 2, 15, "2020-1-5");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,1/5/020,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 2, 15, "1/5/020");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/2/20,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 2, 22, "before the start date");
  parse_fails(TALLY_HEAD "2019,PA,1,1,A,2/28/19,3/1/19,lv,800,50,45\n",
              TLY_EPARSE, 2, 1, "not a presidential year");
}

Test(polls, bad_cells)
{
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/1/20,3/1/20,lv,800,101,45\n",
              TLY_EPARSE, 2, 36, "share \"101\"");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/1/20,3/1/20,lv,800,5O,45\n",
              TLY_EPARSE, 2, 36, "share \"5O\"");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/1/20,3/1/20,likely,800,50,45\n",
              TLY_EPARSE, 2, 29, "population \"likely\"");
  parse_fails(TALLY_HEAD "2020,XX,1,1,A,3/1/20,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 2, 6, "unknown state \"XX\"");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/1/20,3/1/20,lv,8.5,50,45\n",
              TLY_EPARSE, 2, 32, "sample size");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/1/20,3/1/20,lv,800,0,0\n",
              TLY_EPARSE, 2, 1, "both nominees' shares are 0");
  parse_fails(TALLY_HEAD "2020,PA,1,1,A,3/1/20,3/1/20,lv,800,50,45\n"
                         "2020,PA,2,1,A,3/1/20,3/1/20,lv,800,50,45\n"
                         "2020,PA,1,1,A,3/1/20,3/1/20,lv,800,50,45\n",
              TLY_EPARSE, 4, 1, "question 1 of poll 1 again (first at line 2)");
  parse_fails("state,pct\nPA,50\n", TLY_EPARSE, 1, 1, "not a poll layout");
}

Test(polls, mixed_cycles_need_a_choice)
{
  const char *text =
      TALLY_HEAD "2016,PA,1,1,A,10/1/16,10/2/16,lv,800,50,45\n"
                 "2020,PA,2,1,B,10/1/20,10/2/20,lv,800,51,45\n";
  parse_fails(text, TLY_EINVAL, 3, 1, "mixes cycles 2016 and 2020");
  tly_polls *p = parse_ok(text, 2020);
  cr_assert_eq(tly_polls_n(p), 1);
  cr_assert_eq(tly_polls_n_other_cycle(p), 1);
  cr_assert_eq(tly_polls_get(p, 0)->poll_id, 2);
  tly_polls_free(p);
}

Test(polls, long_layout_one_question_per_poll_and_population)
{
  /* tests/data/polls_538_long_2020.csv: 538's 2020-10-21 file, five polls;
   * the Maine CD-2 poll 70612 asked rv (40/49) and lv (41/49). */
  tly_polls *p = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_polls_load("tests/data/polls_538_long_2020.csv", NULL,
                              NULL, &p, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_polls_layout_of(p), TLY_POLLS_538_LONG);
  cr_assert_eq(tly_polls_n(p), 6);
  tly_polls_average *v = NULL;
  cr_assert_eq(tly_polls_average_run(p, NULL, &v, &err), TLY_OK, "%s",
               err.msg);
  for (size_t i = 0; i < tly_polls_average_n_units(v); i++) {
    const tly_polls_unit *u = tly_polls_average_unit(v, i);
    if (strcmp(u->code, "ME-2") == 0) {
      cr_assert_eq(u->n_polls, 2);
      /* 46.5/(46.5+43) and the lv question 41/(41+49). */
      double want = (46.5 / 89.5 + 41.0 / 90.0) / 2;
      cr_assert_float_eq(u->share, want, 1e-12);
      cr_assert(!u->swing);
    }
    if (strcmp(u->code, "PA") == 0) {
      double want = (50.0 / 97 + 49.0 / 96 + 51.0 / 94) / 3;
      cr_assert_float_eq(u->share, want, 1e-12);
    }
  }
  tly_polls_average_free(v);
  tly_polls_free(p);
}

Test(polls, every_layout_by_its_header)
{
  static const struct {
    const char *path;
    tly_polls_layout layout;
    int cycle;
  } cases[] = {
      {"tests/data/polls_538_wide_2020.csv", TLY_POLLS_538_WIDE, 2020},
      {"tests/data/polls_538_subset_2020.csv", TLY_POLLS_538_SUBSET, 2020},
      {"tests/data/polls_538_2016.csv", TLY_POLLS_538_2016, 2016},
      {"tests/data/polls_538_2024.csv", TLY_POLLS_538_LONG, 2024},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tly_polls *p = NULL;
    tly_error err = {0};
    cr_assert_eq(tly_polls_load(cases[i].path, NULL, NULL, &p, &err),
                 TLY_OK, "%s: %s", cases[i].path, err.msg);
    cr_assert_eq(tly_polls_layout_of(p), cases[i].layout, "%s",
                 cases[i].path);
    cr_assert_eq(tly_polls_cycle(p), cases[i].cycle, "%s", cases[i].path);
    tly_polls_free(p);
  }
}

Test(polls, subset_questions_are_runs)
{
  /* The subset has no question_id: a national poll with hypothetical
   * match-ups (Sanders, Warren...) keeps only its Biden-Trump questions. */
  tly_polls *p = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_polls_load("tests/data/polls_538_subset_2020.csv", NULL,
                              NULL, &p, &err),
               TLY_OK, "%s", err.msg);
  for (size_t i = 0; i < tly_polls_n(p); i++) {
    const tly_poll *q = tly_polls_get(p, i);
    cr_assert(q->dem > 0 && q->rep > 0);
  }
  tly_polls_free(p);
}

Test(polls, uniform_swing_where_no_polls)
{
  /* One poll in PA only: every other unit is 2016's two-party share
   * (MEDSL) moved by PA's swing. */
  tly_polls *p = parse_ok(
      TALLY_HEAD "2020,PA,1,1,A,10/30/20,11/1/20,lv,800,52,48\n", 0);
  tly_polls_average *v = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_polls_average_run(p, NULL, &v, &err), TLY_OK, "%s",
               err.msg);
  tly_election *e2016 = tu_builtin(2016, TLY_SOURCE_MEDSL);
  double pa16 = NAN, ca16 = NAN;
  for (size_t u = 0; u < tly_election_n_units(e2016); u++) {
    if (strcmp(tly_election_unit(e2016, u)->code, "PA") == 0)
      pa16 = tly__polls_two_party(e2016, u);
    if (strcmp(tly_election_unit(e2016, u)->code, "CA") == 0)
      ca16 = tly__polls_two_party(e2016, u);
  }
  int32_t nn = -1;
  double swing = tly_polls_average_swing(v, &nn);
  cr_assert_eq(nn, 0);
  cr_assert_float_eq(swing, 0.52 - pa16, 1e-12);
  bool seen = false;
  for (size_t i = 0; i < tly_polls_average_n_units(v); i++) {
    const tly_polls_unit *u = tly_polls_average_unit(v, i);
    if (strcmp(u->code, "CA") == 0) {
      seen = true;
      cr_assert(u->swing);
      cr_assert_float_eq(u->share, ca16 + swing, 1e-12);
    }
  }
  cr_assert(seen);
  tly_polls_average_free(v);
  tly_election_free(e2016);
  tly_polls_free(p);
}

Test(polls, options_are_checked)
{
  tly_polls *p = parse_ok(
      TALLY_HEAD "2020,PA,1,1,A,10/30/20,11/1/20,lv,800,52,48\n", 0);
  tly_polls_avg_opts o;
  tly_polls_avg_opts_init(&o);
  snprintf(o.populations, sizeof o.populations, "lv,lv");
  tly_polls_average *v = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_polls_average_run(p, &o, &v, &err), TLY_EINVAL);
  cr_assert_null(v);
  snprintf(o.populations, sizeof o.populations, "rv");
  cr_assert_eq(tly_polls_average_run(p, &o, &v, &err), TLY_ENODATA);
  tly_polls_avg_opts_init(&o);
  o.window_days = 0;
  cr_assert_eq(tly_polls_average_run(p, &o, &v, &err), TLY_EINVAL);
  tly_polls_free(p);
}

Test(polls, calibration_cycles)
{
  /* raw-polls: the presidential cycles before the one forecast. */
  tly_polls_calib c;
  tly_error err = {0};
  cr_assert_eq(tly_polls_calibrate(2020, &c, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(c.first_cycle, 2000);
  cr_assert_eq(c.last_cycle, 2016);
  cr_assert_eq(c.n_cycles, 5);
  cr_assert_eq(c.swing_first, 2000);
  cr_assert_eq(c.swing_last, 2016);
  /* The 2016 bias of state averages (shared README: +4.15 points of
   * margin with >= 3 polls; here every average, in two-party share). */
  cr_assert(c.bias[4] > 0.015 && c.bias[4] < 0.025, "%g", c.bias[4]);
  cr_assert(c.state_sd > 0.015 && c.state_sd < 0.03);
  /* The shared part, recomputed from 538's raw-polls.csv itself (not
   * tally's table): the mean two-party error of the statewide races
   * (president by state, Senate and governor general elections, Democrat
   * vs Republican) of each even year 1998-2018: 11 cycles, 792 races, root
   * mean square 1.2626 points, so t with df 11 and sd 1.2626 *
   * sqrt(11 / 9) = 1.3958 points. */
  cr_assert_eq(c.shared_first, 1998);
  cr_assert_eq(c.shared_last, 2018);
  cr_assert_eq(c.n_shared_cycles, 11);
  cr_assert_eq(c.n_races, 792);
  cr_assert_eq(c.df, 11.0);
  cr_assert(fabs(c.national_scale - 0.012626) < 5e-7, "%.7f",
            c.national_scale);
  cr_assert(fabs(c.national_sd - 0.013958) < 5e-7, "%.7f", c.national_sd);
  /* 2014 overstated the Democrats by 1.65 points, 2016 by 2.25. */
  cr_assert(fabs(c.shared_bias[8] - 0.01649) < 5e-6, "%g", c.shared_bias[8]);
  cr_assert(fabs(c.shared_bias[9] - 0.02254) < 5e-6, "%g", c.shared_bias[9]);
  /* Leave-future-out, 2004-2018 each from the cycles before it: 2014 and
   * 2016 outside the 80 % interval, none outside the 95 %. */
  cr_assert_eq(c.shared_checked, 8);
  cr_assert_eq(c.shared_held80, 6);
  cr_assert_eq(c.shared_held95, 8);
  /* For 2016: 1998-2014, 9 cycles, 641 races, scale 1.1762 points. */
  cr_assert_eq(tly_polls_calibrate(2016, &c, &err), TLY_OK);
  cr_assert_eq(c.n_shared_cycles, 9);
  cr_assert_eq(c.n_races, 641);
  cr_assert(fabs(c.national_scale - 0.011762) < 5e-7, "%.7f",
            c.national_scale);
  cr_assert(fabs(c.national_sd - 0.013337) < 5e-7, "%.7f", c.national_sd);
  /* t_9 quantiles 1.383029 (0.90) and 2.262157 (0.975): NIST/SEMATECH
   * e-Handbook of Statistical Methods, table 1.3.6.7.2. */
  cr_assert(fabs(c.shared_half80 - 1.383029 * c.national_scale) < 1e-8);
  cr_assert(fabs(c.shared_half95 - 2.262157 * c.national_scale) < 1e-8);
  cr_assert_eq(tly_polls_calibrate(2024, &c, &err), TLY_OK);
  cr_assert_eq(c.last_cycle, 2020);
  cr_assert_eq(c.n_cycles, 6);
  cr_assert_eq(c.n_shared_cycles, 13);
  cr_assert_eq(tly_polls_calibrate(2004, &c, &err), TLY_ENODATA);
}

Test(polls, own_sd_by_polls)
{
  /* The own sd by polls, recomputed from 538's raw-polls.csv itself (not
   * tally's table): each presidential state average (states and DC) of
   * m polls, its error about its cycle's mean times k / (k - 1), less its
   * sampling variance (sum of p (1 - p) / (samplesize (cand1 + cand2) /
   * 100), / m^2), regressed on w = sum over pollsters of (polls / m)^2.
   * 2000-2016 (231 averages): intercept 0.4554^2, slope 3.2791^2 points^2;
   * 2000-2012 (180): a negative intercept, refitted through the origin:
   * 0, 3.5381^2. Mean sampling variance of one poll 3.9371 and 3.9725
   * points^2. */
  tly_polls_calib c;
  tly_error err = {0};
  cr_assert_eq(tly_polls_calibrate(2020, &c, &err), TLY_OK, "%s", err.msg);
  cr_assert_eq(c.n_own_fit, 231);
  cr_assert(fabs(c.common_sd - 0.0045540) < 2e-6, "%.7f", c.common_sd);
  cr_assert(fabs(c.pollster_sd - 0.0327909) < 2e-6, "%.7f", c.pollster_sd);
  cr_assert(fabs(c.poll_sampling_var - 0.00039371) < 2e-8, "%.8f",
            c.poll_sampling_var);
  cr_assert(fabs(c.raw_sampling_sd - 0.010947) < 2e-6, "%.7f",
            c.raw_sampling_sd);
  /* Leave-future-out, 2008-2016 each fitted on the cycles before it, 139
   * averages: pooled sd held 107 (80 %) and 128 (95 %), by polls 107 and
   * 126. */
  cr_assert_eq(c.own_check_first, 2008);
  cr_assert_eq(c.own_check_last, 2016);
  cr_assert_eq(c.own_checked, 139);
  cr_assert_eq(c.pooled_held80, 107);
  cr_assert_eq(c.pooled_held95, 128);
  cr_assert_eq(c.by_polls_held80, 107);
  cr_assert_eq(c.by_polls_held95, 126);
  cr_assert(c.by_polls_nll < c.pooled_nll);
  /* The whole intervals, sd = sqrt(own^2 + national sd^2), the national
   * sd from the even years before each cycle (2008: 1998-2006, ...), the
   * errors themselves: 111 and 129 of 139 (pooled), 108 and 132 (by
   * polls); recomputed apart from tally in Python from the same table. */
  cr_assert_eq(c.pooled_total80, 111);
  cr_assert_eq(c.pooled_total95, 129);
  cr_assert_eq(c.by_polls_total80, 108);
  cr_assert_eq(c.by_polls_total95, 132);
  cr_assert_eq(tly_polls_calibrate(2016, &c, &err), TLY_OK);
  cr_assert_eq(c.n_own_fit, 180);
  cr_assert_eq(c.common_sd, 0.0);
  cr_assert(fabs(c.pollster_sd - 0.0353810) < 2e-6, "%.7f", c.pollster_sd);
  cr_assert(fabs(c.poll_sampling_var - 0.00039725) < 2e-8);
  cr_assert_eq(c.own_checked, 88);
  cr_assert_eq(c.pooled_held80, 70);
  cr_assert_eq(c.pooled_held95, 80);
  cr_assert_eq(c.by_polls_held80, 68);
  cr_assert_eq(c.by_polls_held95, 79);
  cr_assert_eq(c.pooled_total80, 78);
  cr_assert_eq(c.pooled_total95, 84);
  cr_assert_eq(c.by_polls_total80, 75);
  cr_assert_eq(c.by_polls_total95, 85);
}

Test(polls, other_share_check)
{
  /* The share for neither nominee as a driver, recomputed from 538's
   * raw-polls.csv itself (not tally's table) in Python: each presidential
   * state average's other share is the mean over its polls of 100 -
   * cand1_pct - cand2_pct; its squared error about its cycle's mean times
   * k / (k - 1) regressed on other^2 (least squares). 2000-2012 (180
   * averages, mean other 7.5064 points): sqrt(1.94442^2 + (0.13739
   * other)^2); leave-future-out 2008-2012 (88): 64 and 76 inside the state
   * part's 80 % / 95 % intervals, 75 and 83 inside the whole ones (the
   * pooled own sd: 70, 80, 78, 84), mean negative log density -2.06546
   * (pooled -2.21). The shared part, each even year 2004-2014 from the
   * years before it: scale 0.11717 x the year's mean other share, 5 and 6
   * of 6 inside, -log density -3.18345 against the constant scale's
   * -3.06728; 2008 and 2012 from the presidential years alone -3.16005,
   * from all even years -3.19503. */
  tly_polls_other_check x;
  tly_error err = {0};
  cr_assert_eq(tly_polls_other_check_run(2016, &x, &err), TLY_OK, "%s",
               err.msg);
  cr_assert_eq(x.n_fit, 180);
  cr_assert(fabs(x.base_sd - 0.0194442) < 2e-7, "%.7f", x.base_sd);
  cr_assert(fabs(x.per_other - 0.13739) < 2e-5, "%.6f", x.per_other);
  cr_assert(fabs(x.mean_other - 0.075064) < 2e-6, "%.7f", x.mean_other);
  cr_assert_eq(x.checked, 88);
  cr_assert_eq(x.held80, 64);
  cr_assert_eq(x.held95, 76);
  cr_assert_eq(x.total80, 75);
  cr_assert_eq(x.total95, 83);
  cr_assert(fabs(x.nll - -2.06546) < 2e-5, "%.6f", x.nll);
  cr_assert(fabs(x.shared_per_other - 0.11717) < 2e-5);
  cr_assert_eq(x.shared_checked, 6);
  cr_assert_eq(x.shared_held80, 5);
  cr_assert_eq(x.shared_held95, 6);
  cr_assert(fabs(x.shared_nll - -3.18345) < 2e-5, "%.6f", x.shared_nll);
  cr_assert(fabs(x.shared_nll_const - -3.06728) < 2e-5);
  cr_assert_eq(x.pres_checked, 2);
  cr_assert(fabs(x.pres_nll - -3.16005) < 2e-5, "%.6f", x.pres_nll);
  cr_assert(fabs(x.pres_nll_all - -3.19503) < 2e-5);
  /* 2000-2016 (231, mean 8.9223): sqrt(2.06705^2 + (0.10109 other)^2);
   * 2008-2016 (139): 108, 125, 113, 133, -2.14774; shared 0.12232, 6 and 8
   * of 8, -3.06703 against the constant's -2.94607; presidential years
   * 2008-2016 alone -2.41019, from all -2.72494. */
  cr_assert_eq(tly_polls_other_check_run(2020, &x, &err), TLY_OK);
  cr_assert_eq(x.n_fit, 231);
  cr_assert(fabs(x.base_sd - 0.0206705) < 2e-7, "%.7f", x.base_sd);
  cr_assert(fabs(x.per_other - 0.10109) < 2e-5, "%.6f", x.per_other);
  cr_assert_eq(x.checked, 139);
  cr_assert_eq(x.held80, 108);
  cr_assert_eq(x.held95, 125);
  cr_assert_eq(x.total80, 113);
  cr_assert_eq(x.total95, 133);
  cr_assert(fabs(x.nll - -2.14774) < 2e-5, "%.6f", x.nll);
  cr_assert(fabs(x.shared_per_other - 0.12232) < 2e-5);
  cr_assert_eq(x.shared_checked, 8);
  cr_assert_eq(x.shared_held80, 6);
  cr_assert_eq(x.shared_held95, 8);
  cr_assert(fabs(x.shared_nll - -3.06703) < 2e-5, "%.6f", x.shared_nll);
  cr_assert(fabs(x.shared_nll_const - -2.94607) < 2e-5);
  cr_assert_eq(x.pres_checked, 3);
  cr_assert(fabs(x.pres_nll - -2.41019) < 2e-5);
  cr_assert(fabs(x.pres_nll_all - -2.72494) < 2e-5);
  cr_assert_eq(tly_polls_other_check_run(2004, &x, &err), TLY_ENODATA);
}

/* A JSON output kept in memory (small: one unit's excerpt). */
typedef struct {
  char data[65536];
  size_t n;
} json_buf;

static int json_writer(void *ud, const char *p, size_t n)
{
  json_buf *b = ud;
  if (n >= sizeof b->data - b->n)
    return -1;
  memcpy(b->data + b->n, p, n);
  b->n += n;
  b->data[b->n] = '\0';
  return 0;
}

Test(polls, own_sd_by_polls_of_a_unit)
{
  /* Three polls of Ohio by two pollsters (one twice, dedupe none), one
   * without a sample size: w = (2/3)^2 + (1/3)^2 = 5/9; sampling variance
   * (p1 (1 - p1) / n1 + p2 (1 - p2) / n2 + raw-polls' mean) / 9, n the
   * respondents choosing one of the two. */
  const char *text = TALLY_HEAD
      "2020,OH,1,1,A,2020-10-20,2020-10-22,lv,1000,45,50\n"
      "2020,OH,2,2,A,2020-10-25,2020-10-27,lv,800,48,48\n"
      "2020,OH,3,3,B,2020-10-26,2020-10-28,lv,,44,46\n";
  tly_polls *p = parse_ok(text, 0);
  tly_polls_avg_opts o;
  tly_polls_avg_opts_init(&o);
  o.dedupe = TLY_POLLS_DEDUPE_NONE;
  tly_polls_average *v = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_polls_average_run(p, &o, &v, &err), TLY_OK, "%s",
               err.msg);
  const tly_polls_calib *c = tly_polls_average_calib(v);
  double p1 = 45.0 / 95, p2 = 0.5;
  double sv = (p1 * (1 - p1) / 950.0 + p2 * (1 - p2) / 768.0 +
               c->poll_sampling_var) /
              9.0;
  double want = sqrt(c->common_sd * c->common_sd +
                     c->pollster_sd * c->pollster_sd * 5.0 / 9.0 + sv);
  cr_assert_float_eq(tly__polls_own_sd(c, 5.0 / 9.0, sv), want, 1e-15);
  json_buf b = {{0}, 0};
  cr_assert_eq(tly_json_polls(v, json_writer, &b, &err), TLY_OK);
  const char *oh = strstr(b.data, "\"code\": \"OH\"");
  cr_assert_not_null(oh);
  const char *k = strstr(oh, "\"sd_by_polls\": ");
  cr_assert_not_null(k);
  double got = strtod(k + strlen("\"sd_by_polls\": "), NULL);
  cr_assert(fabs(got - want) < 1e-11, "%.12f vs %.12f", got, want);
  k = strstr(oh, "\"sampling_sd\": ");
  cr_assert_not_null(k);
  got = strtod(k + strlen("\"sampling_sd\": "), NULL);
  cr_assert(fabs(got - sqrt(sv)) < 1e-11, "%.12f vs %.12f", got, sqrt(sv));
  /* Its share for neither nominee: (5 + 4 + 10) / 3 points. */
  k = strstr(oh, "\"other_share\": ");
  cr_assert_not_null(k);
  got = strtod(k + strlen("\"other_share\": "), NULL);
  cr_assert(fabs(got - 19.0 / 300.0) < 1e-12, "%.12f", got);
  /* The unit's sd is still the pooled one (the default). */
  for (size_t i = 0; i < tly_polls_average_n_units(v); i++)
    if (strcmp(tly_polls_average_unit(v, i)->code, "OH") == 0)
      cr_assert_eq(tly_polls_average_unit(v, i)->sd, c->state_sd);
  tly_polls_average_free(v);
  tly_polls_free(p);
}

Test(polls, student_t)
{
  /* Upper quantiles of Student's t: NIST/SEMATECH e-Handbook of
   * Statistical Methods, table 1.3.6.7.2 (which gives 3 decimals; the 6
   * here agree with it); the normal's 1.959964. */
  static const struct {
    double df, p, q;
  } tab[] = {{3, 0.90, 1.637744}, {3, 0.975, 3.182446},
             {9, 0.90, 1.383029}, {9, 0.975, 2.262157},
             {11, 0.975, 2.200985}, {30, 0.95, 1.697261},
             {100, 0.995, 2.625891}, {0, 0.975, 1.959964}};
  for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
    double q = tly__polls_t_quantile(tab[i].p, tab[i].df);
    cr_assert(fabs(q - tab[i].q) < 1e-6, "df %g p %g: %.7f", tab[i].df,
              tab[i].p, q);
    cr_assert(fabs(tly__polls_t_cdf(tab[i].q, tab[i].df) - tab[i].p) < 1e-6);
    cr_assert(fabs(tly__polls_t_cdf(-tab[i].q, tab[i].df) -
                   (1.0 - tab[i].p)) < 1e-6);
  }
  cr_assert_eq(tly__polls_t_cdf(0.0, 9), 0.5);
  /* t_1 is Cauchy: cdf(1) = 3/4 exactly. */
  cr_assert(fabs(tly__polls_t_cdf(1.0, 1) - 0.75) < 1e-12);
}

Test(polls, backtest_2020_plain_average)
{
  /* The shared README (computed from 538's final 2020 file and the
   * certified results): a plain 21-day average, one value per poll,
   * likely > registered > voters > adults, equal weights: bias +2.71
   * points toward Biden, RMSE 3.60 over 51 units; 538's own final
   * averages +2.79 / 3.46; Florida and North Carolina called wrong. */
  tly_polls_avg_opts o;
  tly_polls_avg_opts_init(&o);
  o.dedupe = TLY_POLLS_DEDUPE_NONE;
  tly_polls_backtest *b = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_polls_backtest_run(NULL, 2020, &o, &b, &err), TLY_OK,
               "%s", err.msg);
  const tly_polls_bt_summary *s = tly_polls_backtest_summary(b, 0);
  const tly_polls_bt_summary *f = tly_polls_backtest_summary(b, 1);
  cr_assert_eq(s->n, 51);
  cr_assert(fabs(s->bias - 2.71) < 0.02, "bias %g", s->bias);
  cr_assert(fabs(s->rmse - 3.60) < 0.01, "rmse %g", s->rmse);
  cr_assert_str_eq(s->wrong, "FL NC");
  cr_assert_eq(f->n, 51);
  cr_assert(fabs(f->bias - 2.79) < 0.005, "538 bias %g", f->bias);
  cr_assert(fabs(f->rmse - 3.46) < 0.005, "538 rmse %g", f->rmse);
  cr_assert_str_eq(f->wrong, "FL NC");
  tly_polls_backtest_free(b);
}

static tly_status oom_parse(const tly_allocator *a, void *ud)
{
  (void)ud;
  tly_polls *p = NULL;
  const char *text =
      TALLY_HEAD "2020,PA,1,1,A,10/30/20,11/1/20,lv,800,52,48\n"
                 "2020,PA,2,1,B,10/30/20,11/1/20,lv,800,51,48\n";
  tly_status s = tly_polls_parse("t.csv", text, strlen(text), NULL, a, &p,
                                 NULL);
  tly_polls_free(p);
  return s;
}

Test(polls, out_of_memory)
{
  tu_each_failure(oom_parse, NULL, 100, true);
}

/* P(s T_df + own Z <= x): the t density times the normal cdf, midpoint
 * rule over [-40, 40] in steps of 0.004. */
static double sum_cdf(double x, double df, double s, double own)
{
  double c = exp(lgamma((df + 1) / 2) - lgamma(df / 2)) / sqrt(df * M_PI);
  double tot = 0.0;
  for (double t = -40.0 + 0.002; t < 40.0; t += 0.004)
    tot += c * pow(1.0 + t * t / df, -(df + 1) / 2) * 0.004 * 0.5 *
           erfc(-(x - s * t) / (own * sqrt(2.0)));
  return tot;
}

Test(polls, normal_is_close_to_t_plus_normal)
{
  /* The claim in --help, the README and the method: for 2016 and 2020 a
   * unit's error, the shared t plus its own normal part, has quantiles
   * within 0.07 points of the normal with the same sd up to 99.5 %. */
  const int cycles[2] = {2016, 2020};
  for (int i = 0; i < 2; i++) {
    tly_polls_calib c;
    tly_error err = {0};
    cr_assert_eq(tly_polls_calibrate(cycles[i], &c, &err), TLY_OK);
    double s = 100.0 * c.national_scale, own = 100.0 * c.state_sd;
    double sd = sqrt(100.0 * c.national_sd * 100.0 * c.national_sd +
                     own * own);
    const double p[3] = {0.90, 0.975, 0.995};
    for (int k = 0; k < 3; k++) {
      double lo = 0.0, hi = 20.0; /* the p quantile by bisection */
      for (int it = 0; it < 40; it++) {
        double mid = 0.5 * (lo + hi);
        if (sum_cdf(mid, c.df, s, own) < p[k])
          lo = mid;
        else
          hi = mid;
      }
      double normal = sd * tly__polls_t_quantile(p[k], 0.0);
      cr_assert(fabs(lo - normal) < 0.07, "%d p %g: %.3f vs %.3f",
                cycles[i], p[k], lo, normal);
    }
  }
}
