/*
 * cmd_polls.c -- `tally polls FILE`: per-state polling averages from
 * FiveThirtyEight's poll files (CC BY 4.0), the forecast input they make
 * with the calibrated error model, and the backtests of 2016 and 2020
 * (README, "Polls").
 */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally polls FILE [options]\n"
      "       tally polls --backtest 2016|2020 [FILE] [options]\n\n"
      "Per-state polling averages from a FiveThirtyEight poll file (plain\n"
      "or gzip): 538's president_polls layout of 2020/2024, the final 2020\n"
      "file's column subset or one-row-per-question table, 2016's\n"
      "president_general_polls, or tally's own table; told apart by the\n"
      "header. Data: FiveThirtyEight, CC BY 4.0 (built-in 2016 and 2020\n"
      "tables and the raw-polls calibration too).\n\n"
      "Method (every choice; defaults are the ones the backtests support):\n"
      "  one value per poll: its question of the most preferred population\n"
      "  (--population), of several the lowest question id; questions\n"
      "  without both nominees are left out; the Democrat's two-party share\n"
      "  dem / (dem + rep); polls ending in the --window days up to --as-of;\n"
      "  --dedupe; equal weights. A state or district without polls gets\n"
      "  the last election's two-party share (MEDSL) moved by the national\n"
      "  swing (national polls' average minus the last national share; with\n"
      "  none, the polled states' mean swing weighted by their last vote),\n"
      "  marked \"uniform swing\".\n"
      "  Error model (538's raw-polls, only the cycles before the file's):\n"
      "  own sd = presidential state averages' error about their cycle's\n"
      "  bias (2000 on); national = one cycle-wide bias shared by all units,\n"
      "  the mean error of each even year's statewide races (president by\n"
      "  state, Senate, governor; 1998 on): Student-t with df = those k\n"
      "  cycles and scale their root mean square about 0 (the predictive of\n"
      "  a bias whose variance k cycles estimate), national sd = scale *\n"
      "  sqrt(k / (k - 2)); uniform-swing units: sd of state swings about\n"
      "  the national swing (MEDSL results). Probabilities and intervals:\n"
      "  normal with sd = sqrt(own^2 + national sd^2) (for 2016 and 2020\n"
      "  within 0.07 points of the t-plus-normal sum up to its 99.5 %%\n"
      "  quantile; tally forecast --national-sd; its --df would make every\n"
      "  error t).\n"
      "  Own sd by polls (reported in --json and the backtest, not used):\n"
      "  sqrt(common^2 + pollster^2 w + s), w = sum over a unit's\n"
      "  pollsters of their share of its polls squared, s = its average's\n"
      "  sampling variance from the sample sizes; common and pollster\n"
      "  fitted on the same raw-polls averages.\n"
      "  Other share (checked in the backtest, not used: raw-polls' earlier\n"
      "  cycles do not support it): a poll's share for neither nominee,\n"
      "  100 - dem - rep (undecided, third parties); own sd by other share\n"
      "  sqrt(base^2 + (b other)^2), and the shared scale proportional to\n"
      "  a year's mean other share, each fitted and predicted\n"
      "  leave-future-out like the model.\n\n"
      "Options:\n"
      "  --cycle YEAR        the cycle to read (needed when a file mixes\n"
      "                      cycles)\n"
      "  --as-of DATE        YYYY-MM-DD (default: the latest end date)\n"
      "  --window DAYS       polls ending in these days up to --as-of\n"
      "                      (default 21)\n"
      "  --population LIST   preference order, default lv,rv,v,a (likely,\n"
      "                      registered voters, voters, adults); others out\n"
      "  --dedupe D          latest-per-pollster (default: each pollster's\n"
      "                      latest poll in a state) or none\n"
      "  --model             write the forecast input code,mean,sd,electors\n"
      "                      (for tally forecast) and print the recommended\n"
      "                      national sd on stderr\n"
      "  --backtest YEAR     2016 or 2020: the averages as of the day before\n"
      "                      the election against the certified results\n"
      "                      (FEC): error, bias, RMSE, states called wrong,\n"
      "                      Brier score, log loss, 80 %% and 95 %% interval\n"
      "                      coverage (per state; one cycle's states share\n"
      "                      one shared miss, so also the shared part across\n"
      "                      the earlier cycles); beside the own sd by\n"
      "                      polls, the own sd by other share and 538's\n"
      "                      final averages (2020); and\n"
      "                      how often the state part and the whole\n"
      "                      intervals held across raw-polls' earlier\n"
      "                      cycles, each predicted from those before it\n"
      "  --json              one JSON object (with the method)\n"
      "  --csv               the averages as CSV\n"
      "  --out FILE          write there (atomically) instead of stdout\n"
      "  --help              this help\n");
}

typedef struct {
  const char *file;
  tly_polls *p;
  tly_polls_average *v;
  tly_polls_backtest *b;
  bool json, csv, model;
} run;

/* The method, one sentence a line, wrapped at 78 columns. */
static void print_method(FILE *fp, const char *m)
{
  fprintf(fp, "\nMethod:\n");
  const char *s = m;
  while (*s != '\0') {
    size_t n = strcspn(s, "\n");
    size_t col = 2;
    fputs("  ", fp);
    size_t i = 0;
    while (i < n) {
      size_t w = 0;
      while (i + w < n && s[i + w] != ' ')
        w++;
      if (col > 4 && col + 1 + w > 78) {
        fputs("\n    ", fp);
        col = 4;
      } else if (i > 0) {
        fputc(' ', fp);
        col++;
      }
      fwrite(s + i, 1, w, fp);
      col += w;
      i += w;
      while (i < n && s[i] == ' ')
        i++;
    }
    fputc('\n', fp);
    s += n;
    if (*s == '\n')
      s++;
  }
}

static int write_average(FILE *fp, void *ud)
{
  const run *r = ud;
  tly_error err;
  if (r->json)
    return cli_check(tly_json_polls(r->v, cli_file_writer, fp, &err), &err);
  if (r->csv)
    return cli_check(tly_polls_write_csv(r->v, cli_file_writer, fp, &err),
                     &err);
  if (r->model)
    return cli_check(tly_polls_write_model(r->v, cli_file_writer, fp, &err),
                     &err);
  char a[16];
  fprintf(fp, "Polls: %s (%s), cycle %d, as of %s\n", r->file,
          tly_polls_layout_name(tly_polls_layout_of(r->p)),
          (int)tly_polls_cycle(r->p),
          tly_date_format(tly_polls_average_opts(r->v)->as_of, a, sizeof a));
  fprintf(fp, "Source: FiveThirtyEight poll data, CC BY 4.0; %zu questions "
              "asking both nominees read, %zu without both left out",
          tly_polls_n(r->p), tly_polls_n_skipped(r->p));
  if (tly_polls_n_other_cycle(r->p) > 0)
    fprintf(fp, ", %zu of other cycles", tly_polls_n_other_cycle(r->p));
  fprintf(fp, "\n\n%-5s  %7s  %5s  %5s  %9s  %-10s  %-10s  %s\n", "Unit",
          "Dem 2p", "SD", "Polls", "Pollsters", "First", "Last", "Method");
  for (size_t i = 0; i < tly_polls_average_n_units(r->v); i++) {
    const tly_polls_unit *u = tly_polls_average_unit(r->v, i);
    char f[16] = "-", l[16] = "-";
    if (!u->swing) {
      tly_date_format(u->first, f, sizeof f);
      tly_date_format(u->last, l, sizeof l);
    }
    fprintf(fp, "%-5s  %6.2f%%  %5.2f  %5d  %9d  %-10s  %-10s  %s\n", u->code,
            100.0 * u->share, 100.0 * u->sd, (int)u->n_polls,
            (int)u->n_pollsters, f, l,
            u->swing ? "uniform swing (no polls)" : "polls");
  }
  const tly_polls_calib *c = tly_polls_average_calib(r->v);
  fprintf(fp, "\nRecommended national sd (shared by all units): %.4f "
              "(%.2f points; the sd of a Student-t with df %.0f)\n",
          c->national_sd, 100.0 * c->national_sd, c->df);
  print_method(fp, tly_polls_average_method(r->v));
  return CLI_OK;
}

/* One row of the backtest's summary: ours, own sd by polls, own sd by
 * other share, 538's (has_b). */
static void sum_row(FILE *fp, const char *label, const char *fmt, double a,
                    double p, double g, double b, bool has_b)
{
  char x[32], z[32], w[32], y[32] = "-";
  snprintf(x, sizeof x, fmt, a);
  snprintf(z, sizeof z, fmt, p);
  snprintf(w, sizeof w, fmt, g);
  if (has_b)
    snprintf(y, sizeof y, fmt, b);
  fprintf(fp, "%-28s %10s  %12s  %12s  %10s\n", label, x, z, w, y);
}

static int write_backtest(FILE *fp, void *ud)
{
  const run *r = ud;
  tly_error err;
  if (r->json)
    return cli_check(
        tly_json_polls_backtest(r->b, cli_file_writer, fp, &err), &err);
  const tly_polls_average *v = tly_polls_backtest_average(r->b);
  const tly_polls_bt_summary *o = tly_polls_backtest_summary(r->b, 0);
  const tly_polls_bt_summary *t = tly_polls_backtest_summary(r->b, 1);
  const tly_polls_bt_summary *q = tly_polls_backtest_summary(r->b, 2);
  const tly_polls_bt_summary *g = tly_polls_backtest_summary(r->b, 3);
  const tly_polls_other_check *xp = tly_polls_backtest_other_check(r->b);
  const tly_polls_other_check x = *xp;
  bool fte = t->n > 0;
  char a[16];
  int cycle = (int)tly_polls_average_cycle(v);
  fprintf(fp, "Backtest %d: polls of %s as of %s against the certified "
              "two-party results (FEC)\n",
          cycle, r->file,
          tly_date_format(tly_polls_average_opts(v)->as_of, a, sizeof a));
  fprintf(fp, "Polls: FiveThirtyEight, CC BY 4.0; 538's final averages: %s\n",
          fte ? "FiveThirtyEight presidential_poll_averages (CC BY 4.0)"
              : "not built in for this cycle");
  fprintf(fp, "\n%-5s  %7s  %7s  %6s  %6s  %7s  %6s  %6s\n", "Unit",
          "Actual", "Ours", "Error", "P(D)", "538", "Error", "P(D)");
  for (size_t i = 0; i < tly_polls_backtest_n(r->b); i++) {
    const tly_polls_bt_unit *u = tly_polls_backtest_unit(r->b, i);
    fprintf(fp, "%-5s  %6.2f%%  %6.2f%%  %+6.2f  %5.1f%%", u->code,
            100.0 * u->actual, 100.0 * u->ours,
            100.0 * (u->ours - u->actual), 100.0 * u->p_ours);
    if (isnan(u->fte))
      fprintf(fp, "  %7s  %6s  %6s\n", "-", "-", "-");
    else
      fprintf(fp, "  %6.2f%%  %+6.2f  %5.1f%%\n", 100.0 * u->fte,
              100.0 * (u->fte - u->actual), 100.0 * u->p_fte);
  }
  fprintf(fp, "\n%-28s %10s  %12s  %12s  %10s\n", "", "ours",
          "own by polls", "own by other", "538 final");
  sum_row(fp, "States and DC scored", "%.0f", o->n, q->n, g->n, t->n, fte);
  sum_row(fp, "Bias (points, + = Democrat)", "%+.2f", o->bias, q->bias,
          g->bias, t->bias, fte);
  sum_row(fp, "RMSE (points)", "%.2f", o->rmse, q->rmse, g->rmse, t->rmse,
          fte);
  sum_row(fp, "Leader called wrong", "%.0f", o->n_wrong, q->n_wrong,
          g->n_wrong, t->n_wrong, fte);
  fprintf(fp, "  which: %s (538 final: %s)\n", o->wrong[0] ? o->wrong : "-",
          fte ? (t->wrong[0] ? t->wrong : "-") : "-");
  sum_row(fp, "Brier score", "%.4f", o->brier, q->brier, g->brier, t->brier,
          fte);
  sum_row(fp, "Log loss", "%.4f", o->log_loss, q->log_loss, g->log_loss,
          t->log_loss, fte);
  sum_row(fp, "80% interval held", "%.1f%%", 100.0 * o->cover80,
          100.0 * q->cover80, 100.0 * g->cover80, 100.0 * t->cover80, fte);
  sum_row(fp, "95% interval held", "%.1f%%", 100.0 * o->cover95,
          100.0 * q->cover95, 100.0 * g->cover95, 100.0 * t->cover95, fte);
  sum_row(fp, "  state part alone, 80%", "%.1f%%", 100.0 * o->state80,
          100.0 * q->state80, 100.0 * g->state80, 100.0 * t->state80, fte);
  sum_row(fp, "  state part alone, 95%", "%.1f%%", 100.0 * o->state95,
          100.0 * q->state95, 100.0 * g->state95, 100.0 * t->state95, fte);
  sum_row(fp, "  expected given bias, 80%", "%.1f%%", 100.0 * o->expect80,
          100.0 * q->expect80, 100.0 * g->expect80, 100.0 * t->expect80,
          fte);
  sum_row(fp, "  expected given bias, 95%", "%.1f%%", 100.0 * o->expect95,
          100.0 * q->expect95, 100.0 * g->expect95, 100.0 * t->expect95,
          fte);
  const tly_polls_calib *c = tly_polls_average_calib(v);
  fprintf(fp, "\nProbabilities and intervals: normal, sd = sqrt(own^2 + "
              "national^2), own %.2f\nand national %.2f points (the sd of "
              "the shared part's t with df %.0f; 538's\naverages scored "
              "with the same sd). State part alone: errors about this\n"
              "cycle's bias within the own sd. Expected given bias: the "
              "share of states a\ncalibrated state part would hold after "
              "this cycle's shared miss.\n",
          100.0 * c->state_sd, 100.0 * c->national_sd, c->df);
  fprintf(fp, "\nOwn by polls (not the default): the same averages, each "
              "own sd from its polls,\nsqrt(%.2f^2 + %.2f^2 w + sampling "
              "variance), w = sum over its pollsters of their\nshare of its "
              "polls squared (raw-polls %d-%d, %d state averages).\n",
          100.0 * c->common_sd, 100.0 * c->pollster_sd, (int)c->first_cycle,
          (int)c->last_cycle, (int)c->n_own_fit);
  if (c->own_checked > 0) {
    double k = c->own_checked;
    fprintf(fp, "\nAcross raw-polls' cycles %d-%d (%d state averages), "
                "each predicted from\nthe cycles before it (leave-future-"
                "out), held in the 80%% / 95%% intervals:\n",
            (int)c->own_check_first, (int)c->own_check_last,
            (int)c->own_checked);
    fprintf(fp, "%-28s %17s %17s %9s\n", "", "state part", "whole",
            "-log dens");
    fprintf(fp, "%-28s %7.1f%% %7.1f%% %7.1f%% %7.1f%% %9.3f\n",
            "  own sd (the default)", 100.0 * c->pooled_held80 / k,
            100.0 * c->pooled_held95 / k, 100.0 * c->pooled_total80 / k,
            100.0 * c->pooled_total95 / k, c->pooled_nll);
    fprintf(fp, "%-28s %7.1f%% %7.1f%% %7.1f%% %7.1f%% %9.3f\n",
            "  own sd by polls", 100.0 * c->by_polls_held80 / k,
            100.0 * c->by_polls_held95 / k, 100.0 * c->by_polls_total80 / k,
            100.0 * c->by_polls_total95 / k, c->by_polls_nll);
    if (x.checked == c->own_checked)
      fprintf(fp, "%-28s %7.1f%% %7.1f%% %7.1f%% %7.1f%% %9.3f\n",
              "  own sd by other share", 100.0 * x.held80 / k,
              100.0 * x.held95 / k, 100.0 * x.total80 / k,
              100.0 * x.total95 / k, x.nll);
    fprintf(fp, "(state part: errors about the cycle's bias within the own "
                "sd; whole: errors\nwithin sqrt(own^2 + national sd^2), the "
                "national sd from the even years\nbefore each cycle; -log "
                "dens: the state part's mean negative log density.)\n");
    fprintf(fp, "Own sd by other share (not used): sqrt(%.2f^2 + (%.3f "
                "other)^2), other the\naverage's share for neither "
                "candidate (undecided, third parties; raw-polls\n%d-%d: "
                "mean %.1f points).\n",
            100.0 * x.base_sd, x.per_other, (int)c->first_cycle,
            (int)c->last_cycle, 100.0 * x.mean_other);
  }
  double h80 = c->shared_half80, h95 = c->shared_half95;
  fprintf(fp, "\nThe shared part is one draw a cycle: its coverage is a "
              "property across cycles,\nnot states. This cycle's miss "
              "%+.2f points is %s its 80%% interval (+/-%.2f)\nand %s its "
              "95%% interval (+/-%.2f). Earlier cycles, each predicted from "
              "the\ncycles before it (raw-polls statewide races, leave-"
              "future-out): %d of %d inside\nthe 80%%, %d of %d inside the "
              "95%%.\n",
          o->bias, fabs(o->bias) <= 100.0 * h80 ? "inside" : "outside",
          100.0 * h80, fabs(o->bias) <= 100.0 * h95 ? "inside" : "outside",
          100.0 * h95, (int)c->shared_held80, (int)c->shared_checked,
          (int)c->shared_held95, (int)c->shared_checked);
  fprintf(fp, "The same years with the shared scale by other share (not "
              "used): %.3f x the\nyear's mean other share: %d of %d inside "
              "the 80%%, %d of %d inside the 95%%; mean\n-log density %.3f "
              "(the model's constant scale: %.3f).\n",
          x.shared_per_other, (int)x.shared_held80, (int)x.shared_checked,
          (int)x.shared_held95, (int)x.shared_checked, x.shared_nll,
          x.shared_nll_const);
  if (x.pres_checked > 0)
    fprintf(fp, "The presidential years' shared scale from the "
                "presidential years alone (not\nused): mean -log density "
                "%.3f over %d years (from all even years: %.3f).\n",
            x.pres_nll, (int)x.pres_checked, x.pres_nll_all);
  print_method(fp, tly_polls_average_method(v));
  return CLI_OK;
}

int cmd_polls(int argc, char **argv)
{
  static const struct option opts[] = {
      {"cycle", required_argument, NULL, 'c'},
      {"as-of", required_argument, NULL, 'a'},
      {"window", required_argument, NULL, 'w'},
      {"population", required_argument, NULL, 'p'},
      {"dedupe", required_argument, NULL, 'd'},
      {"model", no_argument, NULL, 'm'},
      {"backtest", required_argument, NULL, 'b'},
      {"json", no_argument, NULL, 'j'},
      {"csv", no_argument, NULL, 'v'},
      {"out", required_argument, NULL, 'o'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  tly_polls_avg_opts ao;
  tly_polls_avg_opts_init(&ao);
  tly_polls_read_opts ro = {0};
  int64_t backtest = 0;
  const char *out = NULL;
  run r;
  memset(&r, 0, sizeof r);
  tly_error err;
  int ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    int64_t v;
    switch (ch) {
    case 'c':
      if (!cli_parse_i64(optarg, 1900, 2196, &v) || v % 4 != 0)
        return cli_usage("polls", "--cycle needs a presidential year, not "
                                  "'%s'",
                         optarg);
      ro.cycle = (int32_t)v;
      break;
    case 'a':
      if (tly_date_parse(optarg, &ao.as_of, &err) != TLY_OK)
        return cli_usage("polls", "--as-of needs a date YYYY-MM-DD, not "
                                  "'%s'",
                         optarg);
      break;
    case 'w':
      if (!cli_parse_i64(optarg, 1, 3660, &v))
        return cli_usage("polls", "--window needs 1 to 3660 days, not '%s'",
                         optarg);
      ao.window_days = (int32_t)v;
      break;
    case 'p':
      if (strlen(optarg) >= sizeof ao.populations)
        return cli_usage("polls", "--population '%s' is too long", optarg);
      snprintf(ao.populations, sizeof ao.populations, "%s", optarg);
      break;
    case 'd':
      if (strcmp(optarg, "latest-per-pollster") == 0)
        ao.dedupe = TLY_POLLS_DEDUPE_LATEST;
      else if (strcmp(optarg, "none") == 0)
        ao.dedupe = TLY_POLLS_DEDUPE_NONE;
      else
        return cli_usage("polls", "--dedupe is latest-per-pollster or none, "
                                  "not '%s'",
                         optarg);
      break;
    case 'm':
      r.model = true;
      break;
    case 'b':
      if (!cli_parse_i64(optarg, 2016, 2020, &backtest) ||
          (backtest != 2016 && backtest != 2020))
        return cli_usage("polls", "--backtest is 2016 or 2020, not '%s'",
                         optarg);
      break;
    case 'j':
      r.json = true;
      break;
    case 'v':
      r.csv = true;
      break;
    case 'o':
      out = optarg;
      break;
    case 'h':
      help();
      return CLI_OK;
    default:
      return cli_usage("polls", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind + 1 < argc)
    return cli_usage("polls", "unexpected argument '%s'", argv[optind + 1]);
  r.file = optind < argc ? argv[optind] : NULL;
  if ((r.json && r.csv) || (r.model && (r.json || r.csv)))
    return cli_usage("polls", "--json, --csv and --model exclude each other");
  if (backtest != 0 && (r.csv || r.model))
    return cli_usage("polls", "--backtest prints a table or --json");
  if (backtest != 0 && ao.as_of.year != 0)
    return cli_usage("polls", "--backtest sets the date (the day before "
                              "the election): drop --as-of");
  if (r.file == NULL && backtest == 0)
    return cli_usage("polls", "missing FILE");
  if (backtest != 0 && ro.cycle != 0 && ro.cycle != backtest)
    return cli_usage("polls", "--cycle and --backtest disagree");
  if (backtest != 0)
    ro.cycle = (int32_t)backtest;
  if (r.file != NULL &&
      tly_polls_load(r.file, &ro, NULL, &r.p, &err) != TLY_OK) {
    if (err.status == TLY_EINVAL && strstr(err.msg, "mixes cycles") != NULL)
      snprintf(err.msg + strlen(err.msg), sizeof err.msg - strlen(err.msg),
               " with --cycle");
    return cli_report(&err);
  }
  int rc;
  if (backtest != 0) {
    tly_status s =
        tly_polls_backtest_run(r.p, (int)backtest, &ao, &r.b, &err);
    if (s != TLY_OK) {
      tly_polls_free(r.p);
      return cli_report(&err);
    }
    if (r.file == NULL)
      r.file = backtest == 2016 ? "the built-in 2016 table"
                                : "the built-in 2020 table";
    if (r.p == NULL) {
      /* the summary names the layout of the file read; none here */
    }
    rc = cli_write(out, write_backtest, &r);
    tly_polls_backtest_free(r.b);
    tly_polls_free(r.p);
    return rc;
  }
  if (tly_polls_average_run(r.p, &ao, &r.v, &err) != TLY_OK) {
    tly_polls_free(r.p);
    return cli_report(&err);
  }
  rc = cli_write(out, write_average, &r);
  if (rc == CLI_OK && r.model) {
    const tly_polls_calib *c = tly_polls_average_calib(r.v);
    fprintf(stderr,
            "tally polls: recommended national sd %.4f (tally forecast "
            "--national-sd %.4f; the sd of a Student-t with df %.0f): "
            "raw-polls %d-%d (FiveThirtyEight, CC BY 4.0)\n",
            c->national_sd, c->national_sd, c->df,
            (int)c->shared_first, (int)c->last_cycle);
  }
  tly_polls_average_free(r.v);
  tly_polls_free(r.p);
  return rc;
}

/* A growing text, written by a tly_writer. */
typedef struct {
  char *p;
  size_t len, cap;
} text_buf;

static int text_write(void *ud, const char *p, size_t n)
{
  text_buf *b = ud;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->len + n + 1)
      cap *= 2;
    char *q = realloc(b->p, cap);
    if (q == NULL)
      return 1;
    b->p = q;
    b->cap = cap;
  }
  memcpy(b->p + b->len, p, n);
  b->len += n;
  b->p[b->len] = '\0';
  return 0;
}

int cli_polls_model_csv(const char *file, char **text, size_t *len,
                        double *national_sd)
{
  *text = NULL;
  *len = 0;
  tly_error err;
  tly_polls *p = NULL;
  tly_polls_average *v = NULL;
  if (tly_polls_load(file, NULL, NULL, &p, &err) != TLY_OK) {
    if (err.status == TLY_EINVAL && strstr(err.msg, "mixes cycles") != NULL)
      snprintf(err.msg + strlen(err.msg), sizeof err.msg - strlen(err.msg),
               " (with tally polls --cycle, then --model)");
    return cli_report(&err);
  }
  text_buf b = {0};
  tly_status s = tly_polls_average_run(p, NULL, &v, &err);
  if (s == TLY_OK)
    s = tly_polls_write_model(v, text_write, &b, &err);
  if (s == TLY_OK) {
    *national_sd = tly_polls_average_calib(v)->national_sd;
    *text = b.p;
    *len = b.len;
  } else {
    free(b.p);
  }
  tly_polls_average_free(v);
  tly_polls_free(p);
  return s == TLY_OK ? CLI_OK : cli_report(&err);
}
