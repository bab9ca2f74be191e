/*
 * cmd_forecast.c -- `tally forecast FILE`: win probabilities, the
 * electoral-vote distribution, tipping points and the popular-vote split
 * from each unit's expected share and uncertainty (README, "Forecast").
 */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void help(void)
{
  printf(
      "usage: tally forecast FILE [options]\n"
      "       tally forecast --polls POLLS [options]\n\n"
      "Probabilities of each outcome from a CSV with header code,mean,sd\n"
      "[,electors][,turnout]: one row per unit (a state, DC, ME-1, ME-2,\n"
      "NE-1..NE-3, or ME/NE for the two at-large electors when that state's\n"
      "districts have rows); mean = the Democrat's expected share of the\n"
      "two-party vote, sd = the unit's own standard deviation.\n\n"
      "  --polls POLLS       instead of FILE: a poll file, averaged as\n"
      "                      tally polls does by default (see tally polls\n"
      "                      --help; FiveThirtyEight data, CC BY 4.0), with\n"
      "                      its calibrated sds; --national-sd defaults to\n"
      "                      the one its error model recommends\n"
      "Electors and turnout:\n"
      "  --electors YEAR     electors from that built-in election's College\n"
      "                      (every unit must have a row); default: the\n"
      "                      electors column. Missing turnout comes from the\n"
      "                      last built-in election's two-party vote.\n"
      "Error model (share = mean + national + regional + own error):\n"
      "  --national-sd X     sd of one national error shared by all units\n"
      "  --regions R         census4, census9 (Census Bureau regions or\n"
      "                      divisions) or a CSV FILE unit,region\n"
      "  --region-sd X       sd of each region's shared error\n"
      "  --df N              Student-t errors with N > 2 degrees of freedom\n"
      "                      (one shared scale, so bad years hit every unit)\n"
      "  --corr FILE         correlation matrix of the units' own errors\n"
      "                      (header of state codes, then rows; The\n"
      "                      Economist's layout); Monte Carlo only\n"
      "  --corr-repair       replace a matrix that is not positive definite\n"
      "                      by the nearest correlation matrix (Higham 2002)\n"
      "Method:\n"
      "  --method M          exact (default: convolution, quadrature over\n"
      "                      the factors) or mc (Monte Carlo)\n"
      "  --sims N            simulations (default 1000000); with exact, the\n"
      "                      ones run for tipping points and the popular\n"
      "                      vote (0: skip them)\n"
      "  --seed S            random seed (default 1): same seed, same output\n"
      "  --threads T         worker threads (default: all cores); the\n"
      "                      output does not depend on it\n"
      "  --given LIST        condition on outcomes, e.g. PA=D,WI=R\n"
      "  --draws FILE        write every kept simulation as CSV\n"
      "Output:\n"
      "  --json              one JSON object (README, \"Forecast\")\n"
      "  --csv               the electoral-vote histogram as CSV\n"
      "  --svg FILE          also draw the histogram as SVG into FILE\n"
      "  --out FILE          write there (atomically) instead of stdout\n"
      "  --help              this help\n\n"
      "Majority = floor(electors / 2) + 1. Progress goes to stderr only\n"
      "when it is a terminal.\n");
}

/* Progress on a terminal: a percentage, redrawn at most every 0.2 s. */
typedef struct {
  double last;
  bool shown;
} progress_state;

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void progress_cb(void *ud, uint64_t done, uint64_t total)
{
  progress_state *ps = ud;
  double t = now_s();
  if (t - ps->last < 0.2 && done < total)
    return;
  ps->last = t;
  ps->shown = true;
  fprintf(stderr, "\rtally forecast: %3d%% of %llu simulations",
          (int)(100.0 * (double)done / (double)total),
          (unsigned long long)total);
  fflush(stderr);
}

static const char *pct(double p, char *buf, size_t size)
{
  if (isnan(p))
    snprintf(buf, size, "-");
  else
    snprintf(buf, size, "%.2f %%", 100.0 * p);
  return buf;
}

/* "± 0.05" percentage points: one standard error of a Monte Carlo share. */
static const char *se(double p, uint64_t n, char *buf, size_t size)
{
  if (n == 0 || isnan(p))
    buf[0] = '\0';
  else
    snprintf(buf, size, " \xc2\xb1 %.2f",
             100.0 * sqrt(p * (1.0 - p) / (double)n));
  return buf;
}

static void human(FILE *fp, const char *file, const tly_forecast_model *m,
                  const tly_forecast *f, const tly_forecast_opts *o,
                  const char *regions, const char *corr, double moved)
{
  char a[64], b[64], c[64], d[64], cnt[32], cnt2[32];
  bool mc = tly_forecast_method_used(f) == TLY_FORECAST_MC;
  uint64_t kept = tly_forecast_kept(f);
  uint64_t sims = tly_forecast_simulations(f);
  size_t n = tly_forecast_model_n_units(m);
  fprintf(fp, "Forecast: %s, %zu units, %s electors, majority %s\n", file, n,
          tly_format_count(tly_forecast_electors(f), cnt, sizeof cnt),
          tly_format_count(tly_forecast_majority(f), cnt2, sizeof cnt2));
  fprintf(fp, "Errors: own sd per unit");
  if (o->national_sd > 0)
    fprintf(fp, ", national sd %.4g", o->national_sd);
  if (o->region_sd > 0)
    fprintf(fp, ", regional sd %.4g (%s, %zu regions)", o->region_sd,
            regions, tly_forecast_model_n_regions(m));
  if (corr != NULL) {
    fprintf(fp, ", correlated by %s", corr);
    if (moved > 0)
      fprintf(fp, " (repaired: nearest correlation matrix, Higham 2002; "
                  "moved %.4f in Frobenius norm)",
              moved);
  }
  fprintf(fp, "; %s tails\n",
          o->df > 0 ? "Student-t" : "normal");
  if (o->df > 0)
    fprintf(fp, "        Student-t with %.4g degrees of freedom\n", o->df);
  if (mc) {
    fprintf(fp, "Method: Monte Carlo, %s simulations, seed %llu\n",
            tly_format_count((int64_t)sims, cnt, sizeof cnt),
            (unsigned long long)o->seed);
  } else {
    size_t nodes = tly_forecast_nodes(f);
    if (nodes > 1)
      fprintf(fp, "Method: exact (convolution; quadrature with %zu nodes "
                  "per factor, error below %.0e)\n",
              nodes, fmax(tly_forecast_quadrature_error(f), 1e-15));
    else
      fprintf(fp, "Method: exact (convolution of independent units)\n");
    if (sims > 0)
      fprintf(fp, "        tipping points and popular vote: %s "
                  "simulations, seed %llu\n",
              tly_format_count((int64_t)sims, cnt, sizeof cnt),
              (unsigned long long)o->seed);
  }
  if (o->given != NULL) {
    fprintf(fp, "Given:");
    for (size_t i = 0; i < n; i++)
      if (o->given[i] != 0)
        fprintf(fp, " %s=%s", tly_forecast_model_unit(m, i)->code,
                o->given[i] > 0 ? "D" : "R");
    if (sims > 0)
      fprintf(fp, " (%s of %s simulations kept)",
              tly_format_count((int64_t)kept, cnt, sizeof cnt),
              tly_format_count((int64_t)sims, cnt2, sizeof cnt2));
    fprintf(fp, "\n");
  }
  uint64_t sen = mc ? kept : 0;
  double pd = tly_forecast_p_win(f, 'D');
  double pr = tly_forecast_p_win(f, 'R');
  double pn = tly_forecast_p_no_majority(f);
  fprintf(fp, "\n%-30s %s%s\n", "P(Democrat wins)", pct(pd, a, sizeof a),
          se(pd, sen, b, sizeof b));
  fprintf(fp, "%-30s %s%s\n", "P(Republican wins)", pct(pr, a, sizeof a),
          se(pr, sen, b, sizeof b));
  fprintf(fp, "%-30s %s%s\n", "P(no majority: a tie)", pct(pn, a, sizeof a),
          se(pn, sen, b, sizeof b));
  double pv = tly_forecast_p_popular_winner_loses(f);
  fprintf(fp, "%-30s %s%s\n", "P(popular-vote winner loses)",
          pct(pv, a, sizeof a), se(pv, kept, b, sizeof b));
  fprintf(fp, "Democrat's electoral votes: mean %.1f; 5%% %lld, 25%% %lld, "
              "50%% %lld, 75%% %lld, 95%% %lld\n",
          tly_forecast_ev_mean(f),
          (long long)tly_forecast_ev_quantile(f, 5),
          (long long)tly_forecast_ev_quantile(f, 25),
          (long long)tly_forecast_ev_quantile(f, 50),
          (long long)tly_forecast_ev_quantile(f, 75),
          (long long)tly_forecast_ev_quantile(f, 95));
  fprintf(fp, "\n%-5s  %8s  %6s  %5s  %9s  %9s\n", "Unit", "Electors", "Mean",
          "SD", "P(D wins)", "Tipping");
  for (size_t i = 0; i < n; i++) {
    const tly_forecast_unit *u = tly_forecast_model_unit(m, i);
    fprintf(fp, "%-5s  %8d  %6.4f  %5.3f  %9s  %9s\n", u->code,
            (int)u->electors, u->mean, u->sd,
            pct(tly_forecast_unit_p_win(f, i), c, sizeof c),
            pct(tly_forecast_unit_p_tipping(f, i), d, sizeof d));
  }
}

/* Builds the model from the options; prints the error and returns the
 * exit code on failure. */
static int build_model(const char *file, bool polls, double *poll_sd,
                       int electors_year,
                       const char *regions, const char *corr, bool repair,
                       tly_forecast_model **out, double *moved)
{
  tly_error err;
  tly_forecast_model *m = NULL;
  if (polls) {
    int prc = cli_polls_model(file, &m, poll_sd);
    if (prc != CLI_OK)
      return prc;
  } else if (tly_forecast_model_load(file, NULL, &m, &err) != TLY_OK) {
    return cli_report(&err);
  }
  if (electors_year != 0) {
    tly_election *e = NULL;
    if (tly_election_builtin(electors_year, TLY_SOURCE_MEDSL, NULL, &e,
                             &err) != TLY_OK) {
      tly_forecast_model_free(m);
      return cli_report(&err);
    }
    tly_status s = tly_forecast_model_use_election(m, e, true, &err);
    tly_election_free(e);
    if (s != TLY_OK) {
      tly_forecast_model_free(m);
      return cli_report(&err);
    }
  }
  /* Turnout a row lacks: the last built-in election's two-party vote. */
  bool need_turnout = false;
  for (size_t i = 0; i < tly_forecast_model_n_units(m); i++)
    if (tly_forecast_model_unit(m, i)->turnout < 0)
      need_turnout = true;
  int years[128];
  size_t ny = tly_builtin_years(years, 128);
  if (need_turnout && ny > 0 && ny <= 128) {
    tly_election *e = NULL;
    if (tly_election_builtin(years[ny - 1], TLY_SOURCE_MEDSL, NULL, &e,
                             &err) == TLY_OK)
      (void)tly_forecast_model_use_election(m, e, false, &err);
    tly_election_free(e);
  }
  if (regions != NULL) {
    tly_status s;
    if (strcmp(regions, "census4") == 0 || strcmp(regions, "census9") == 0)
      s = tly_forecast_model_regions_builtin(m, regions, &err);
    else
      s = tly_forecast_model_regions_load(m, regions, &err);
    if (s != TLY_OK) {
      tly_forecast_model_free(m);
      return cli_report(&err);
    }
  }
  if (corr != NULL) {
    tly_status s = tly_forecast_model_corr_load(m, corr, repair, moved, &err);
    if (s != TLY_OK) {
      tly_forecast_model_free(m);
      if (s == TLY_ERANGE && strstr(err.msg, "positive definite") != NULL &&
          strstr(err.msg, "smallest eigenvalue") != NULL) {
        size_t len = strlen(err.msg);
        snprintf(err.msg + len, sizeof err.msg - len,
                 "; --corr-repair uses the nearest correlation matrix "
                 "(Higham 2002)");
      }
      return cli_report(&err);
    }
  }
  *out = m;
  return CLI_OK;
}

int cmd_forecast(int argc, char **argv)
{
  static const struct option opts[] = {
      {"electors", required_argument, NULL, 'e'},
      {"national-sd", required_argument, NULL, 'n'},
      {"regions", required_argument, NULL, 'r'},
      {"region-sd", required_argument, NULL, 'R'},
      {"df", required_argument, NULL, 'd'},
      {"corr", required_argument, NULL, 'c'},
      {"corr-repair", no_argument, NULL, 'C'},
      {"method", required_argument, NULL, 'm'},
      {"sims", required_argument, NULL, 's'},
      {"seed", required_argument, NULL, 'S'},
      {"threads", required_argument, NULL, 't'},
      {"given", required_argument, NULL, 'g'},
      {"draws", required_argument, NULL, 'D'},
      {"json", no_argument, NULL, 'j'},
      {"csv", no_argument, NULL, 'v'},
      {"out", required_argument, NULL, 'o'},
      {"svg", required_argument, NULL, 'G'},
      {"help", no_argument, NULL, 'h'},
      {"polls", required_argument, NULL, 'P'},
      {NULL, 0, NULL, 0}};
  const char *polls = NULL;
  bool national_given = false;
  double poll_sd = 0.0;
  tly_forecast_opts fo;
  tly_forecast_opts_init(&fo);
  long nproc = sysconf(_SC_NPROCESSORS_ONLN);
  fo.threads = nproc < 1 ? 1 : nproc > 256 ? 256 : (int)nproc;
  int64_t year = 0;
  const char *regions = NULL, *corr = NULL, *given = NULL, *draws = NULL;
  const char *out = NULL;
  const char *svg = NULL;
  bool repair = false, json = false, csv = false;
  int ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    int64_t v;
    switch (ch) {
    case 'e':
      if (!cli_parse_i64(optarg, 1789, 9999, &year))
        return cli_usage("forecast", "--electors needs a year, not '%s'",
                         optarg);
      break;
    case 'n':
      if (!cli_parse_double(optarg, &fo.national_sd) || fo.national_sd < 0 ||
          fo.national_sd > 1)
        return cli_usage("forecast", "--national-sd needs a number in "
                                     "[0, 1], not '%s'",
                         optarg);
      national_given = true;
      break;
    case 'P':
      polls = optarg;
      break;
    case 'r':
      regions = optarg;
      break;
    case 'R':
      if (!cli_parse_double(optarg, &fo.region_sd) || fo.region_sd < 0 ||
          fo.region_sd > 1)
        return cli_usage("forecast", "--region-sd needs a number in [0, 1], "
                                     "not '%s'",
                         optarg);
      break;
    case 'd':
      if (!cli_parse_double(optarg, &fo.df) || !(fo.df > 2) || fo.df > 1e6)
        return cli_usage("forecast", "--df needs a number above 2, not '%s'",
                         optarg);
      break;
    case 'c':
      corr = optarg;
      break;
    case 'C':
      repair = true;
      break;
    case 'm':
      if (strcmp(optarg, "exact") == 0)
        fo.method = TLY_FORECAST_EXACT;
      else if (strcmp(optarg, "mc") == 0)
        fo.method = TLY_FORECAST_MC;
      else
        return cli_usage("forecast", "--method is exact or mc, not '%s'",
                         optarg);
      break;
    case 's':
      if (!cli_parse_i64(optarg, 0, (int64_t)1 << 46, &v))
        return cli_usage("forecast", "--sims needs a count, not '%s'",
                         optarg);
      fo.sims = (uint64_t)v;
      break;
    case 'S':
      if (!cli_parse_i64(optarg, 0, INT64_MAX, &v))
        return cli_usage("forecast", "--seed needs a non-negative integer, "
                                     "not '%s'",
                         optarg);
      fo.seed = (uint64_t)v;
      break;
    case 't':
      if (!cli_parse_i64(optarg, 1, 256, &v))
        return cli_usage("forecast", "--threads needs 1 to 256, not '%s'",
                         optarg);
      fo.threads = (int)v;
      break;
    case 'g':
      given = optarg;
      break;
    case 'D':
      draws = optarg;
      break;
    case 'j':
      json = true;
      break;
    case 'v':
      csv = true;
      break;
    case 'G':
      svg = optarg;
      break;
    case 'o':
      out = optarg;
      break;
    case 'h':
      help();
      return CLI_OK;
    default:
      return cli_usage("forecast", "unknown option '%s'", argv[optind - 1]);
    }
  }
  int n_operands = polls == NULL ? 1 : 0; /* --polls replaces FILE */
  if (optind + n_operands > argc)
    return cli_usage("forecast", "missing FILE");
  if (optind + n_operands < argc)
    return cli_usage("forecast", "unexpected argument '%s'",
                     argv[optind + n_operands]);
  if (json && csv)
    return cli_usage("forecast", "--json and --csv exclude each other");
  if (fo.region_sd > 0 && regions == NULL)
    return cli_usage("forecast", "--region-sd needs --regions");
  if (regions != NULL && fo.region_sd == 0)
    return cli_usage("forecast", "--regions needs --region-sd");
  if (repair && corr == NULL)
    return cli_usage("forecast", "--corr-repair needs --corr");
  if (corr != NULL && fo.method == TLY_FORECAST_EXACT)
    return cli_usage("forecast", "--corr needs --method mc (the exact "
                                 "method needs independent units given a "
                                 "few factors)");
  if (fo.method == TLY_FORECAST_MC && fo.sims == 0)
    return cli_usage("forecast", "--method mc needs --sims of at least 1");
  const char *file = polls != NULL ? polls : argv[optind];
  tly_forecast_model *m = NULL;
  double moved = 0.0;
  int rc = build_model(file, polls != NULL, &poll_sd, (int)year, regions,
                       corr, repair, &m, &moved);
  if (rc != CLI_OK)
    return rc;
  if (polls != NULL && !national_given)
    fo.national_sd = poll_sd;
  tly_error err;
  int8_t *gv = NULL;
  size_t n = tly_forecast_model_n_units(m);
  if (given != NULL) {
    gv = calloc(n, 1);
    if (gv == NULL) {
      tly_forecast_model_free(m);
      return cli_fail(CLI_EINPUT, "out of memory");
    }
    if (tly_forecast_parse_given(m, given, gv, &err) != TLY_OK) {
      free(gv);
      tly_forecast_model_free(m);
      return cli_usage("forecast", "%s", err.msg);
    }
    fo.given = gv;
  }
  cli_out dout;
  bool have_draws = false;
  if (draws != NULL) {
    if (!cli_out_open(&dout, draws)) {
      free(gv);
      tly_forecast_model_free(m);
      return CLI_EINPUT;
    }
    have_draws = true;
    fo.draws = cli_file_writer;
    fo.draws_ud = dout.fp;
  }
  progress_state ps = {0.0, false};
  if (isatty(2)) {
    fo.progress = progress_cb;
    fo.progress_ud = &ps;
    ps.last = now_s();
  }
  tly_forecast *f = NULL;
  tly_status s = tly_forecast_run(m, &fo, &f, &err);
  if (ps.shown)
    fprintf(stderr, "\r\033[K");
  if (s != TLY_OK) {
    if (have_draws)
      cli_out_abort(&dout);
    free(gv);
    tly_forecast_model_free(m);
    return cli_report(&err);
  }
  if (have_draws && cli_out_close(&dout) != CLI_OK) {
    tly_forecast_free(f);
    free(gv);
    tly_forecast_model_free(m);
    return CLI_EINPUT;
  }
  cli_out o;
  rc = CLI_OK;
  if (svg != NULL) {
    /* The histogram picture, written atomically before the report. */
    size_t len = 0;
    const double *h = tly_forecast_ev_histogram(f, &len);
    char title[300];
    snprintf(title, sizeof title, "Forecast: %s", file);
    tly_svg_opts so = {.title = title};
    cli_out g;
    if (!cli_out_open(&g, svg)) {
      rc = CLI_EINPUT;
    } else if (tly_svg_histogram(h, len, &so, cli_file_writer, g.fp, &err) !=
               TLY_OK) {
      cli_out_abort(&g);
      rc = cli_report(&err);
    } else {
      rc = cli_out_close(&g);
    }
  }
  if (rc != CLI_OK) {
    /* the picture failed: nothing more is written */
  } else if (!cli_out_open(&o, out)) {
    rc = CLI_EINPUT;
  } else {
    if (json)
      s = tly_json_forecast(m, f, cli_file_writer, o.fp, &err);
    else if (csv)
      s = tly_forecast_write_histogram(f, cli_file_writer, o.fp, &err);
    else
      human(o.fp, file, m, f, &fo, regions, corr, moved);
    if (s != TLY_OK) {
      cli_out_abort(&o);
      rc = cli_report(&err);
    } else {
      rc = cli_out_close(&o);
    }
  }
  tly_forecast_free(f);
  free(gv);
  tly_forecast_model_free(m);
  return rc;
}
