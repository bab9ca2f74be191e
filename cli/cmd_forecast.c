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

/* A flag that maps to a key of the library's forecast setup. */
typedef struct {
  const char *flag, *key;
} flag_key;

static const flag_key flag_keys[] = {
    {"electors", "electors"}, {"national-sd", "national_sd"},
    {"regions", "regions"},   {"region-sd", "region_sd"},
    {"df", "df"},             {"corr", "corr"},
    {"method", "method"},     {"sims", "sims"},
    {"seed", "seed"},         {"threads", "threads"},
    {"given", "given"}};

/* A mistake in the setup is a usage error (2) unless it is in a file. */
static int setup_fail(const tly_error *err)
{
  if (err->status == TLY_EINVAL && err->file[0] == '\0')
    return cli_usage("forecast", "%s", err->msg);
  return cli_report(err);
}

int cmd_forecast(int argc, char **argv)
{
  static const struct option opts[] = {
      {"electors", required_argument, NULL, 'k'},
      {"national-sd", required_argument, NULL, 'k'},
      {"regions", required_argument, NULL, 'k'},
      {"region-sd", required_argument, NULL, 'k'},
      {"df", required_argument, NULL, 'k'},
      {"corr", required_argument, NULL, 'k'},
      {"corr-repair", no_argument, NULL, 'C'},
      {"method", required_argument, NULL, 'k'},
      {"sims", required_argument, NULL, 'k'},
      {"seed", required_argument, NULL, 'k'},
      {"threads", required_argument, NULL, 'k'},
      {"given", required_argument, NULL, 'k'},
      {"draws", required_argument, NULL, 'D'},
      {"json", no_argument, NULL, 'j'},
      {"csv", no_argument, NULL, 'v'},
      {"out", required_argument, NULL, 'o'},
      {"svg", required_argument, NULL, 'G'},
      {"help", no_argument, NULL, 'h'},
      {"polls", required_argument, NULL, 'P'},
      {NULL, 0, NULL, 0}};
  tly_error err;
  tly_forecast_setup *su = NULL;
  if (tly_forecast_setup_new(NULL, &su, &err) != TLY_OK)
    return cli_report(&err);
  long nproc = sysconf(_SC_NPROCESSORS_ONLN);
  char nbuf[32];
  snprintf(nbuf, sizeof nbuf, "%ld", nproc < 1 ? 1 : nproc > 256 ? 256 : nproc);
  if (tly_forecast_setup_set(su, "threads", nbuf, &err) != TLY_OK ||
      tly_forecast_setup_set(su, "files", "yes", &err) != TLY_OK) {
    tly_forecast_setup_free(su);
    return cli_report(&err);
  }
  const char *draws = NULL, *polls = NULL;
  const char *out = NULL;
  const char *svg = NULL;
  bool json = false, csv = false;
  int ch, li = -1;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, ":", opts, &li)) != -1) {
    const char *key = NULL, *value = optarg;
    switch (ch) {
    case 'k':
      for (size_t j = 0; j < sizeof flag_keys / sizeof flag_keys[0]; j++)
        if (strcmp(opts[li].name, flag_keys[j].flag) == 0)
          key = flag_keys[j].key;
      break;
    case 'C':
      key = "corr_repair";
      value = "yes";
      break;
    case 'D':
      draws = optarg;
      break;
    case 'P':
      polls = optarg;
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
      tly_forecast_setup_free(su);
      help();
      return CLI_OK;
    case ':': /* the leading ':' in getopt_long's optstring */
      tly_forecast_setup_free(su);
      return cli_usage("forecast", "option '%s' needs a value",
                       argv[optind - 1]);
    default:
      tly_forecast_setup_free(su);
      return cli_usage("forecast", "unknown option '%s'", argv[optind - 1]);
    }
    if (key != NULL && tly_forecast_setup_set(su, key, value, &err) != TLY_OK) {
      tly_forecast_setup_free(su);
      return setup_fail(&err);
    }
    li = -1;
  }
  int rc = CLI_OK;
  int n_operands = polls == NULL ? 1 : 0; /* --polls replaces FILE */
  if (optind + n_operands > argc)
    rc = cli_usage("forecast", "missing FILE");
  else if (optind + n_operands < argc)
    rc = cli_usage("forecast", "unexpected argument '%s'",
                   argv[optind + n_operands]);
  else if (json && csv)
    rc = cli_usage("forecast", "--json and --csv exclude each other");
  if (rc != CLI_OK) {
    tly_forecast_setup_free(su);
    return rc;
  }
  const char *file = polls != NULL ? polls : argv[optind];
  /* Named as the library names it in messages and results. */
  const char *shown = strcmp(file, "-") == 0 ? "<stdin>" : file;
  const char *regions = tly_forecast_setup_get(su, "regions");
  const char *corr = tly_forecast_setup_get(su, "corr");
  const char *outs[3] = {out, draws, svg};
  const char *out_flags[3] = {"--out", "--draws", "--svg"};
  const char *ins[3] = {file, regions, corr};
  int prc = cli_paths_check("forecast", outs, out_flags, 3, ins, 3);
  if (prc != CLI_OK) {
    tly_forecast_setup_free(su);
    return prc;
  }
  /* With --polls, the model is tally polls --model's CSV, and the
   * national sd the one its error model recommends unless given. */
  char *model_csv = NULL;
  size_t model_len = 0;
  if (polls != NULL) {
    double nsd = 0.0;
    prc = cli_polls_model_csv(polls, &model_csv, &model_len, &nsd);
    if (prc == CLI_OK && tly_forecast_setup_get(su, "national_sd") == NULL) {
      char v[40];
      snprintf(v, sizeof v, "%.17f", nsd);
      if (tly_forecast_setup_set(su, "national_sd", v, &err) != TLY_OK)
        prc = cli_report(&err);
    }
    if (prc != CLI_OK) {
      free(model_csv);
      tly_forecast_setup_free(su);
      return prc;
    }
  }
  tly_forecast_model *m = NULL;
  tly_forecast_opts fo;
  double moved = 0.0;
  tly_status bs = tly_forecast_setup_build(su, file, model_csv, model_len, &m,
                                           &fo, &moved, &err);
  free(model_csv);
  if (bs != TLY_OK) {
    tly_forecast_setup_free(su);
    return setup_fail(&err);
  }
  cli_out dout;
  bool have_draws = false;
  if (draws != NULL) {
    if (!cli_out_open(&dout, draws)) {
      tly_forecast_model_free(m);
      tly_forecast_setup_free(su);
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
    tly_forecast_model_free(m);
    tly_forecast_setup_free(su);
    return cli_report(&err);
  }
  if (have_draws && cli_out_close(&dout) != CLI_OK) {
    tly_forecast_free(f);
    tly_forecast_model_free(m);
    tly_forecast_setup_free(su);
    return CLI_EINPUT;
  }
  cli_out o;
  if (svg != NULL) {
    /* The histogram picture, written atomically before the report. */
    size_t len = 0;
    const double *h = tly_forecast_ev_histogram(f, &len);
    char title[300];
    snprintf(title, sizeof title, "Forecast: %s", shown);
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
    else {
      if (polls != NULL) /* the data's source and licence (CC BY 4.0) */
        fprintf(o.fp, "Polls: FiveThirtyEight poll data (CC BY 4.0), "
                      "averaged as tally polls does; error model from "
                      "538's raw-polls\n");
      human(o.fp, shown, m, f, &fo, regions, corr, moved);
    }
    if (s != TLY_OK) {
      cli_out_abort(&o);
      rc = cli_report(&err);
    } else {
      rc = cli_out_close(&o);
    }
  }
  tly_forecast_free(f);
  tly_forecast_model_free(m);
  tly_forecast_setup_free(su);
  return rc;
}
