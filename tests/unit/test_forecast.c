/*
 * test_forecast.c -- the forecast engine (src/forecast.c): the exact
 * method against an independent Princeton-Election-Consortium-style
 * convolution, Monte Carlo against the exact method, reproducibility
 * across thread counts, decided units, conditioning, and the errors.
 */
#include "forecast.h"
#include "tally.h"

#include <criterion/criterion.h>
#include <limits.h>
#include <stdatomic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F2024 "tests/data/forecast_2024.csv"

static tly_forecast_model *load(const char *path)
{
  tly_forecast_model *m = NULL;
  tly_error err;
  tly_status s = tly_forecast_model_load(path, NULL, &m, &err);
  cr_assert_eq(s, TLY_OK, "%s: %s", path, err.msg);
  return m;
}

static tly_forecast *run(const tly_forecast_model *m,
                         const tly_forecast_opts *o)
{
  tly_forecast *f = NULL;
  tly_error err;
  tly_status s = tly_forecast_run(m, o, &f, &err);
  cr_assert_eq(s, TLY_OK, "run: %s", err.msg);
  return f;
}

/* The 56 units of the 2024 College (50 states, DC, ME-1, ME-2, NE-1..3,
 * ME and NE at large) with the file's means, electors and turnout, and
 * an sd that differs from unit to unit. */
static tly_forecast_model *units56(double *mean, double *sd, int *ev)
{
  tly_forecast_model *file = load(F2024);
  size_t n = tly_forecast_model_n_units(file);
  cr_assert_eq(n, 56);
  tly_forecast_unit u[56];
  for (size_t i = 0; i < n; i++) {
    u[i] = *tly_forecast_model_unit(file, i);
    u[i].sd = 0.015 + 0.001 * (double)i;
    mean[i] = u[i].mean;
    sd[i] = u[i].sd;
    ev[i] = u[i].electors;
  }
  tly_forecast_model_free(file);
  tly_forecast_model *m = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_model_new(u, n, NULL, &m, &err), TLY_OK, "%s",
               err.msg);
  return m;
}

/* The PEC convolution, written apart from the library: with independent
 * units the Democrat's electoral votes are a sum of independent
 * Bernoulli(p_i) * ev_i, p_i = P(N(mean, sd) > 1/2). */
static void pec(const double *mean, const double *sd, const int *ev,
                size_t n, double *out, int total)
{
  double *cur = calloc((size_t)total + 1, sizeof *cur);
  double *nxt = calloc((size_t)total + 1, sizeof *nxt);
  cur[0] = 1.0;
  int reach = 0;
  for (size_t i = 0; i < n; i++) {
    double p = 0.5 * erfc((0.5 - mean[i]) / (sd[i] * sqrt(2.0)));
    for (int k = 0; k <= total; k++)
      nxt[k] = 0.0;
    for (int k = 0; k <= reach; k++) {
      nxt[k] += cur[k] * (1.0 - p);
      nxt[k + ev[i]] += cur[k] * p;
    }
    reach += ev[i];
    double *t = cur;
    cur = nxt;
    nxt = t;
  }
  memcpy(out, cur, ((size_t)total + 1) * sizeof *out);
  free(cur);
  free(nxt);
}

Test(forecast, exact_matches_independent_convolution)
{
  double mean[56], sd[56];
  int ev[56];
  tly_forecast_model *m = units56(mean, sd, ev);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 0;
  tly_forecast *f = run(m, &o);
  cr_assert_eq(tly_forecast_method_used(f), TLY_FORECAST_EXACT);
  cr_assert_eq(tly_forecast_electors(f), 538);
  cr_assert_eq(tly_forecast_majority(f), 270);
  double want[539];
  pec(mean, sd, ev, 56, want, 538);
  size_t len;
  const double *h = tly_forecast_ev_histogram(f, &len);
  cr_assert_eq(len, 539);
  double pd = 0, pr = 0, tie = want[269];
  for (int k = 0; k <= 538; k++) {
    cr_assert(fabs(h[k] - want[k]) <= 1e-12, "P(EV = %d): %.17g vs %.17g",
              k, h[k], want[k]);
    if (k >= 270)
      pd += want[k];
    if (k <= 268)
      pr += want[k];
  }
  cr_assert(fabs(tly_forecast_p_win(f, 'D') - pd) <= 1e-12);
  cr_assert(fabs(tly_forecast_p_win(f, 'R') - pr) <= 1e-12);
  cr_assert(fabs(tly_forecast_p_no_majority(f) - tie) <= 1e-12);
  for (size_t i = 0; i < 56; i++) {
    double p = 0.5 * erfc((0.5 - mean[i]) / (sd[i] * sqrt(2.0)));
    cr_assert(fabs(tly_forecast_unit_p_win(f, i) - p) <= 1e-12);
  }
  tly_forecast_free(f);
  tly_forecast_model_free(m);
}

Test(forecast, exact_given_is_conditioning)
{
  /* With independent units, given PA = D the rest convolve as before and
   * PA adds its 19 electors for certain. */
  double mean[56], sd[56];
  int ev[56];
  tly_forecast_model *m = units56(mean, sd, ev);
  int8_t given[56];
  tly_error err;
  cr_assert_eq(tly_forecast_parse_given(m, "pa=D,WI=r", given, &err),
               TLY_OK);
  int32_t pa = tly_forecast_model_find_unit(m, "PA");
  int32_t wi = tly_forecast_model_find_unit(m, "WI");
  cr_assert_eq(given[pa], 1);
  cr_assert_eq(given[wi], -1);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 0;
  o.given = given;
  tly_forecast *f = run(m, &o);
  double mean2[54], sd2[54];
  int ev2[54];
  size_t k2 = 0;
  for (size_t i = 0; i < 56; i++) {
    if ((int32_t)i == pa || (int32_t)i == wi)
      continue;
    mean2[k2] = mean[i];
    sd2[k2] = sd[i];
    ev2[k2++] = ev[i];
  }
  double want[539];
  pec(mean2, sd2, ev2, 54, want, 538 - 19 - 10);
  const double *h = tly_forecast_ev_histogram(f, &(size_t){0});
  for (int k = 0; k <= 538; k++) {
    double w = k >= 19 && k - 19 <= 538 - 29 ? want[k - 19] : 0.0;
    cr_assert(fabs(h[k] - w) <= 1e-12, "k %d: %.17g vs %.17g", k, h[k], w);
  }
  cr_assert_eq(tly_forecast_unit_p_win(f, (size_t)pa), 1.0);
  cr_assert_eq(tly_forecast_unit_p_win(f, (size_t)wi), 0.0);
  tly_forecast_free(f);
  tly_forecast_model_free(m);
}

/* Monte Carlo within 4 standard errors of the exact answer: P(win) for
 * both, every unit's P(win), and each quantile (the exact CDF at the MC
 * quantile brackets the level within 4 standard errors). */
static void check_mc_vs_exact(const tly_forecast *mc, const tly_forecast *ex)
{
  double n = (double)tly_forecast_kept(mc);
  for (int c = 0; c < 2; c++) {
    char party = c ? 'R' : 'D';
    double p = tly_forecast_p_win(ex, party);
    double se = sqrt(p * (1 - p) / n);
    cr_assert(fabs(tly_forecast_p_win(mc, party) - p) <= 4 * se,
              "P(%c) mc %.6f exact %.6f se %.6f", party,
              tly_forecast_p_win(mc, party), p, se);
  }
  size_t len;
  const double *h = tly_forecast_ev_histogram(ex, &len);
  static const int q[5] = {5, 25, 50, 75, 95};
  for (int j = 0; j < 5; j++) {
    double lev = q[j] / 100.0;
    double se = sqrt(lev * (1 - lev) / n);
    int64_t k = tly_forecast_ev_quantile(mc, q[j]);
    double below = 0, upto = 0;
    for (int64_t i = 0; i <= k; i++)
      upto += h[i];
    below = upto - h[k];
    cr_assert(upto >= lev - 4 * se && below <= lev + 4 * se,
              "quantile %d: mc %lld, exact CDF %.6f..%.6f", q[j],
              (long long)k, below, upto);
  }
}

Test(forecast, mc_agrees_with_exact_national_and_regions, .timeout = 120)
{
  tly_forecast_model *m = load(F2024);
  tly_error err;
  cr_assert_eq(tly_forecast_model_regions_builtin(m, "census4", &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_forecast_model_n_regions(m), 4);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = 0.03;
  o.region_sd = 0.02;
  o.sims = 0;
  tly_forecast *ex = run(m, &o);
  cr_assert(tly_forecast_quadrature_error(ex) < 1e-9);
  o.method = TLY_FORECAST_MC;
  o.sims = 1000000;
  o.threads = 2;
  o.seed = 5;
  tly_forecast *mc = run(m, &o);
  cr_assert_eq(tly_forecast_kept(mc), 1000000);
  check_mc_vs_exact(mc, ex);
  for (size_t i = 0; i < tly_forecast_model_n_units(m); i++) {
    double p = tly_forecast_unit_p_win(ex, i);
    double se = sqrt(p * (1 - p) / 1e6);
    cr_assert(fabs(tly_forecast_unit_p_win(mc, i) - p) <= 4 * se + 1e-12,
              "unit %zu", i);
  }
  tly_forecast_free(ex);
  tly_forecast_free(mc);
  tly_forecast_model_free(m);
}

Test(forecast, mc_agrees_with_exact_student_t, .timeout = 120)
{
  tly_forecast_model *m = load(F2024);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = 0.03;
  o.df = 5;
  o.sims = 0;
  tly_forecast *ex = run(m, &o);
  o.method = TLY_FORECAST_MC;
  o.sims = 1000000;
  o.threads = 2;
  tly_forecast *mc = run(m, &o);
  check_mc_vs_exact(mc, ex);
  tly_forecast_free(ex);
  tly_forecast_free(mc);
  tly_forecast_model_free(m);
}

Test(forecast, mc_given_filters)
{
  tly_forecast_model *m = load(F2024);
  int8_t given[56];
  tly_error err;
  cr_assert_eq(tly_forecast_parse_given(m, "PA=D", given, &err), TLY_OK);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = 0.03;
  o.given = given;
  o.sims = 0;
  tly_forecast *ex = run(m, &o);
  o.method = TLY_FORECAST_MC;
  o.sims = 400000;
  tly_forecast *mc = run(m, &o);
  /* Kept draws: about P(PA = D) of them. */
  int32_t pa = tly_forecast_model_find_unit(m, "PA");
  o.given = NULL;
  o.sims = 0;
  o.method = TLY_FORECAST_EXACT;
  tly_forecast *un = run(m, &o);
  double ppa = tly_forecast_unit_p_win(un, (size_t)pa);
  double kept = (double)tly_forecast_kept(mc);
  cr_assert(fabs(kept - 4e5 * ppa) <= 4 * sqrt(4e5 * ppa * (1 - ppa)));
  cr_assert_eq(tly_forecast_unit_p_win(mc, (size_t)pa), 1.0);
  check_mc_vs_exact(mc, ex);
  tly_forecast_free(ex);
  tly_forecast_free(mc);
  tly_forecast_free(un);
  tly_forecast_model_free(m);
}

/* A tly_writer appending to a growing buffer. */
typedef struct {
  char *p;
  size_t n, cap;
} membuf;

static int mem_writer(void *ud, const char *p, size_t n)
{
  membuf *b = ud;
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->p = realloc(b->p, b->cap);
  }
  memcpy(b->p + b->n, p, n);
  b->n += n;
  b->p[b->n] = '\0';
  return 0;
}

static char *json_of(const tly_forecast_model *m, const tly_forecast *f)
{
  membuf b = {0};
  tly_error err;
  cr_assert_eq(tly_json_forecast(m, f, mem_writer, &b, &err), TLY_OK);
  return b.p;
}

Test(forecast, same_seed_same_bytes_any_thread_count)
{
  tly_forecast_model *m = load(F2024);
  tly_error err;
  cr_assert_eq(tly_forecast_model_regions_builtin(m, "census9", &err),
               TLY_OK);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.method = TLY_FORECAST_MC;
  o.national_sd = 0.025;
  o.region_sd = 0.015;
  o.df = 6;
  o.sims = 100000 + 123; /* a partial last block */
  o.seed = 99;
  char *js[3];
  membuf draws[3] = {{0}};
  for (int t = 1; t <= 3; t++) {
    o.threads = t;
    o.draws = mem_writer;
    o.draws_ud = &draws[t - 1];
    tly_forecast *f = run(m, &o);
    js[t - 1] = json_of(m, f);
    tly_forecast_free(f);
  }
  cr_assert_str_eq(js[0], js[1]);
  cr_assert_str_eq(js[0], js[2]);
  cr_assert_eq(draws[0].n, draws[1].n);
  cr_assert(memcmp(draws[0].p, draws[1].p, draws[0].n) == 0);
  cr_assert(memcmp(draws[0].p, draws[2].p, draws[0].n) == 0);
  /* One header and one line per simulation. */
  size_t lines = 0;
  for (size_t i = 0; i < draws[0].n; i++)
    lines += draws[0].p[i] == '\n';
  cr_assert_eq(lines, 100000 + 123 + 1);
  /* Another seed, another answer. */
  o.seed = 100;
  o.draws = NULL;
  tly_forecast *f = run(m, &o);
  char *other = json_of(m, f);
  cr_assert(strcmp(other, js[0]) != 0);
  free(other);
  tly_forecast_free(f);
  for (int t = 0; t < 3; t++) {
    free(js[t]);
    free(draws[t].p);
  }
  tly_forecast_model_free(m);
}

Test(forecast, sd_zero_is_decided)
{
  /* Made-up electors: 3 units decided for the Democrat (10 + 20 + 5) and
   * 2 for the Republican (30 + 4); total 69, majority 35. */
  tly_forecast_unit u[5] = {
      {"CA", 0.60, 0.0, 10, -1, 0}, {"NY", 0.51, 0.0, 20, -1, 0},
      {"VT", 0.7, 0.0, 5, -1, 0},   {"TX", 0.49, 0.0, 30, -1, 0},
      {"WY", 0.3, 0.0, 4, -1, 0}};
  tly_forecast_model *m = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_model_new(u, 5, NULL, &m, &err), TLY_OK);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 1000;
  for (int meth = 1; meth <= 2; meth++) {
    o.method = (tly_forecast_method)meth;
    tly_forecast *f = run(m, &o);
    size_t len;
    const double *h = tly_forecast_ev_histogram(f, &len);
    cr_assert_eq(len, 70);
    cr_assert_eq(h[35], 1.0);
    cr_assert_eq(tly_forecast_p_win(f, 'D'), 1.0);
    cr_assert_eq(tly_forecast_p_win(f, 'R'), 0.0);
    cr_assert_eq(tly_forecast_ev_quantile(f, 5), 35);
    cr_assert_eq(tly_forecast_ev_quantile(f, 95), 35);
    for (size_t i = 0; i < 5; i++)
      cr_assert_eq(tly_forecast_unit_p_win(f, i), i < 3 ? 1.0 : 0.0);
    /* Ordered by the Democrat's margin VT, CA, NY: NY's 20 take him from
     * 15 to 35 = the majority, every time. */
    cr_assert_eq(tly_forecast_unit_p_tipping(f, 1), 1.0);
    tly_forecast_free(f);
  }
  /* Exactly 1/2 with no uncertainty at all is a tie: refused. */
  u[1].mean = 0.5;
  tly_forecast_model_free(m);
  cr_assert_eq(tly_forecast_model_new(u, 5, NULL, &m, &err), TLY_OK);
  tly_forecast *f = NULL;
  cr_assert_eq(tly_forecast_run(m, &o, &f, &err), TLY_EINVAL);
  cr_assert_null(f);
  cr_assert(strstr(err.msg, "NY") != NULL);
  tly_forecast_model_free(m);
}

/* The t distribution with 5 degrees of freedom: its CDF in closed form,
 * 1/2 + (theta + sin theta cos theta (1 + 2/3 cos^2 theta)) / pi with
 * theta = atan(t / sqrt 5) (Abramowitz and Stegun 26.7.4). */
static double t5_cdf(double t)
{
  double th = atan(t / sqrt(5.0));
  double c = cos(th);
  return 0.5 + (th + sin(th) * c * (1.0 + 2.0 / 3.0 * c * c)) / M_PI;
}

/* A decided unit (sd 0) under shared factors is a step function of them:
 * PA at 0.51 with shared errors of total sd s goes to the Democrat with
 * probability Phi(0.01 / s) (normal) or F_t5(0.01 / s / sqrt(3/5))
 * (Student-t with 5 degrees of freedom, scaled to sd s). Gauss-Hermite
 * across the step gave 68.65 % for Phi(0.5) = 69.146 %, at the node
 * cap (2048). */
Test(forecast, sd_zero_with_shared_factors_is_exact)
{
  tly_forecast_unit u[2] = {{"PA", 0.51, 0.0, 19, -1, 0},
                            {"OH", 0.47, 0.03, 17, -1, 0}};
  static const char regions[] = "unit,region\nPA,East\nOH,West\n";
  struct {
    size_t n;
    double sn, sr, df, want;
  } cases[] = {
      {1, 0.02, 0.0, 0.0, 0.5 * erfc(-0.5 * M_SQRT1_2)},
      {1, 0.02, 0.0, 5.0, t5_cdf(0.5 / sqrt(0.6))},
      {1, 0.02, 0.015, 0.0, 0.5 * erfc(-0.4 * M_SQRT1_2)},
      {1, 0.02, 0.015, 5.0, t5_cdf(0.4 / sqrt(0.6))},
      {1, 0.0, 0.015, 5.0, t5_cdf(0.01 / 0.015 / sqrt(0.6))},
      {2, 0.02, 0.015, 5.0, t5_cdf(0.4 / sqrt(0.6))},
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    tly_forecast_model *m = NULL;
    tly_error err;
    cr_assert_eq(tly_forecast_model_new(u, cases[c].n, NULL, &m, &err),
                 TLY_OK);
    if (cases[c].sr > 0.0)
      cr_assert_eq(tly_forecast_model_regions_parse(
                       m, "regions", regions, sizeof regions - 1, &err),
                   TLY_OK, "%s", err.msg);
    tly_forecast_opts o;
    tly_forecast_opts_init(&o);
    o.method = TLY_FORECAST_EXACT;
    o.sims = 0;
    o.national_sd = cases[c].sn;
    o.region_sd = cases[c].sr;
    o.df = cases[c].df;
    tly_forecast *f = run(m, &o);
    /* With two units (36 electors, majority 19) PA's 19 decide. */
    double got = cases[c].n == 1 ? tly_forecast_p_win(f, 'D')
                                 : tly_forecast_unit_p_win(f, 0);
    cr_assert(fabs(got - cases[c].want) < 1e-10,
              "case %zu: %.15f, want %.15f", c, got, cases[c].want);
    cr_assert(tly_forecast_quadrature_error(f) < 1e-9);
    cr_assert(tly_forecast_nodes(f) < 2048, "case %zu: %zu nodes", c,
              tly_forecast_nodes(f));
    tly_forecast_free(f);
    tly_forecast_model_free(m);
  }
  /* A decided unit beside an ordinary one, national factor only:
   * P(EV = 36) = integral over z > -0.5 of phi(z) Phi((-0.03 + 0.02 z) /
   * 0.03), by the trapezoid rule on a fine grid here. */
  tly_forecast_model *m = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_model_new(u, 2, NULL, &m, &err), TLY_OK);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 0;
  o.national_sd = 0.02;
  tly_forecast *f = run(m, &o);
  double want = 0.0, h = 1e-4;
  for (int k = 0; k <= 120000; k++) {
    double z = -0.5 + h * k;
    double v = exp(-0.5 * z * z) / sqrt(2.0 * M_PI) * 0.5 *
               erfc(-(-0.03 + 0.02 * z) / 0.03 * M_SQRT1_2);
    want += (k == 0 || k == 120000 ? 0.5 : 1.0) * h * v;
  }
  size_t len;
  const double *hist = tly_forecast_ev_histogram(f, &len);
  cr_assert_eq(len, 37);
  cr_assert(fabs(hist[36] - want) < 1e-9, "%.15f, want %.15f", hist[36],
            want);
  cr_assert(fabs(hist[19] + hist[36] - 0.5 * erfc(-0.5 * M_SQRT1_2)) <
            1e-10);
  tly_forecast_free(f);
  tly_forecast_model_free(m);
}

Test(forecast, tie_is_no_majority)
{
  /* Two decided units of 3 and a coin flip between them: 3-3 is a tie. */
  tly_forecast_unit u[3] = {{"CA", 0.6, 0.0, 3, -1, 0},
                            {"TX", 0.4, 0.0, 2, -1, 0},
                            {"PA", 0.5, 0.1, 1, -1, 0}};
  tly_forecast_model *m = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_model_new(u, 3, NULL, &m, &err), TLY_OK);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 0;
  tly_forecast *f = run(m, &o);
  cr_assert_eq(tly_forecast_majority(f), 4);
  cr_assert_float_eq(tly_forecast_p_win(f, 'D'), 0.5, 1e-15);
  cr_assert_float_eq(tly_forecast_p_no_majority(f), 0.5, 1e-15);
  cr_assert_float_eq(tly_forecast_p_win(f, 'R'), 0.0, 1e-15);
  tly_forecast_free(f);
  tly_forecast_model_free(m);
}

Test(forecast, corr_matrix_equals_a_national_factor)
{
  /* Equal sd s and a national sd sn are, for the errors, the correlation
   * matrix with rho = sn^2 / (sn^2 + s^2) off the diagonal and total sd
   * sqrt(sn^2 + s^2): Monte Carlo with the matrix must agree with the
   * exact national-factor answer. States and DC only. */
  const double s = 0.04, sn = 0.03;
  tly_forecast_model *file = load(F2024);
  tly_forecast_unit u[51], w[51];
  size_t k = 0;
  char hdr[51 * 3 + 1] = "";
  for (size_t i = 0; i < tly_forecast_model_n_units(file); i++) {
    const tly_forecast_unit *x = tly_forecast_model_unit(file, i);
    if (strchr(x->code, '-') != NULL || strcmp(x->code, "ME") == 0 ||
        strcmp(x->code, "NE") == 0)
      continue;
    u[k] = *x;
    u[k].sd = s;
    w[k] = u[k];
    w[k].sd = sqrt(s * s + sn * sn);
    strcat(hdr, k ? "," : "");
    strcat(hdr, x->code);
    k++;
  }
  tly_forecast_model_free(file);
  cr_assert_eq(k, 49);
  /* A matrix file for these 49 units (The Economist's layout). */
  static char csv[49 * 49 * 8 + 256];
  size_t n = (size_t)snprintf(csv, sizeof csv, "%s\n", hdr);
  double rho = sn * sn / (sn * sn + s * s);
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j < k; j++)
      n += (size_t)snprintf(csv + n, sizeof csv - n, "%s%s",
                            i == j ? "1" : "0.36", j + 1 < k ? "," : "\n");
  cr_assert_float_eq(rho, 0.36, 1e-15);
  tly_forecast_model *a = NULL, *b = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_model_new(u, k, NULL, &a, &err), TLY_OK);
  cr_assert_eq(tly_forecast_model_new(w, k, NULL, &b, &err), TLY_OK);
  double moved = -1;
  cr_assert_eq(tly_forecast_model_corr_parse(b, "m.csv", csv, n, false,
                                             &moved, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(moved, 0.0);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = sn;
  o.sims = 0;
  tly_forecast *ex = run(a, &o);
  tly_forecast_opts_init(&o);
  o.sims = 1000000;
  o.threads = 2;
  tly_forecast *mc = run(b, &o); /* AUTO: Monte Carlo for a matrix */
  cr_assert_eq(tly_forecast_method_used(mc), TLY_FORECAST_MC);
  check_mc_vs_exact(mc, ex);
  o.method = TLY_FORECAST_EXACT;
  tly_forecast *f = NULL;
  cr_assert_eq(tly_forecast_run(b, &o, &f, &err), TLY_EUNSUPPORTED);
  tly_forecast_free(ex);
  tly_forecast_free(mc);
  tly_forecast_model_free(a);
  tly_forecast_model_free(b);
}

Test(forecast, economist_matrix_not_positive_definite)
{
  /* The Economist's 2020 matrix (data/corr_economist_2020.csv, verbatim)
   * has smallest eigenvalue -1.267 (data/README.md). */
  tly_forecast_model *m = load(F2024);
  tly_error err;
  double moved = -1;
  cr_assert_eq(tly_forecast_model_corr_load(
                   m, "data/corr_economist_2020.csv", false, &moved, &err),
               TLY_ERANGE);
  cr_assert_str_eq(err.msg, "correlation matrix is not positive definite "
                            "(smallest eigenvalue -1.267)");
  cr_assert_str_eq(err.file, "data/corr_economist_2020.csv");
  cr_assert_eq(tly_forecast_model_corr_load(
                   m, "data/corr_economist_2020.csv", true, &moved, &err),
               TLY_OK, "%s", err.msg);
  cr_assert(moved > 0.5 && moved < 10, "moved %g", moved);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 20000;
  tly_forecast *f = run(m, &o);
  cr_assert_eq(tly_forecast_method_used(f), TLY_FORECAST_MC);
  tly_forecast_free(f);
  tly_forecast_model_free(m);
}

/* Parses a model from a string, expecting failure; returns the error. */
static tly_error bad(const char *text)
{
  tly_forecast_model *m = NULL;
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_status s = tly_forecast_model_parse("in.csv", text, strlen(text),
                                          NULL, &m, &err);
  cr_assert_neq(s, TLY_OK, "accepted: %s", text);
  cr_assert_null(m);
  return err;
}

Test(forecast, input_errors_have_locations)
{
  tly_error e = bad("code,mean,sd,electors\nPA,0.51,0.03,19\nWI,1.2,0.03,"
                    "10\n");
  cr_assert_eq(e.status, TLY_ERANGE);
  cr_assert_eq(e.line, 3);
  cr_assert_eq(e.col, 4);
  cr_assert_str_eq(e.msg, "share 1.2 is outside [0, 1] (the Democrat's "
                          "share of the two-party vote)");
  e = bad("code,mean,sd\nPA,0.51,0.03\nWI,0.5,0.03\npa,0.4,0.1\n");
  cr_assert_eq(e.line, 4);
  cr_assert_eq(e.col, 1);
  cr_assert_str_eq(e.msg, "duplicate unit \"PA\" (first on line 2)");
  e = bad("code,mean,sd\nPA,0.5x,0.03\n");
  cr_assert_eq(e.status, TLY_EPARSE);
  cr_assert_str_eq(e.msg, "mean \"0.5x\" is not a number");
  e = bad("code,mean,sd\nPA,0.5,-0.03\n");
  cr_assert_str_eq(e.msg, "sd -0.03 is outside [0, 1]");
  e = bad("code,mean,sd\nXX,0.5,0.03\n");
  cr_assert_eq(e.col, 1);
  e = bad("code,mean\nPA,0.5\n");
  cr_assert_str_eq(e.msg, "missing column \"sd\" (the header needs code, "
                          "mean, sd)");
  e = bad("code,mean,sd,votes\nPA,0.5,0.1,3\n");
  cr_assert_eq(e.col, 14);
  e = bad("code,mean,sd\nPA,0.5\n");
  cr_assert_str_eq(e.msg, "expected 3 fields, found 2");
  e = bad("code,mean,sd,electors\nPA,0.5,0.1,0\n");
  cr_assert_str_eq(e.msg, "electors 0 outside 1..1000");
}

Test(forecast, electors_from_the_2024_college)
{
  /* Electors for 2024 (2020 census): CA 54, TX 40; Maine's 4 are 2 at
   * large + ME-1 + ME-2, Nebraska's 5 are 2 + 3 districts (3 U.S.C. and
   * the states' district laws; electors.csv in data/). */
  const char *text = NULL;
  FILE *fp = fopen(F2024, "rb");
  cr_assert_not_null(fp);
  static char buf[1 << 16];
  size_t len = fread(buf, 1, sizeof buf - 1, fp);
  fclose(fp);
  buf[len] = '\0';
  /* Drop the electors column: code,mean,sd,electors,turnout. */
  static char noev[1 << 16];
  size_t o = 0;
  for (const char *p = buf; *p;) {
    const char *eol = strchr(p, '\n');
    const char *c3 = p;
    for (int k = 0; k < 3; k++)
      c3 = strchr(c3, ',') + 1;
    const char *c4 = strchr(c3, ',');
    memcpy(noev + o, p, (size_t)(c3 - p));
    o += (size_t)(c3 - p);
    memcpy(noev + o, c4 + 1, (size_t)(eol - c4));
    o += (size_t)(eol - c4);
    p = eol + 1;
  }
  noev[o] = '\0';
  text = noev;
  tly_forecast_model *m = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_model_parse("f.csv", text, o, NULL, &m, &err),
               TLY_OK, "%s", err.msg);
  tly_election *e = NULL;
  cr_assert_eq(tly_election_builtin(2024, TLY_SOURCE_MEDSL, NULL, &e, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(tly_forecast_model_use_election(m, e, true, &err), TLY_OK,
               "%s", err.msg);
  int total = 0;
  for (size_t i = 0; i < tly_forecast_model_n_units(m); i++)
    total += tly_forecast_model_unit(m, i)->electors;
  cr_assert_eq(total, 538);
  struct {
    const char *code;
    int ev;
  } want[] = {{"CA", 54}, {"TX", 40}, {"ME", 2},   {"ME-1", 1},
              {"ME-2", 1}, {"NE", 2}, {"NE-3", 1}, {"DC", 3}};
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
    int32_t i = tly_forecast_model_find_unit(m, want[k].code);
    cr_assert_geq(i, 0);
    cr_assert_eq(tly_forecast_model_unit(m, (size_t)i)->electors,
                 want[k].ev, "%s", want[k].code);
  }
  tly_forecast_model_free(m);
  /* Without Texas's row: one clear error naming it. */
  char *tx = strstr(noev, "\nTX,");
  char *end = strchr(tx + 1, '\n');
  memmove(tx, end, strlen(end) + 1);
  cr_assert_eq(tly_forecast_model_parse("f.csv", noev, strlen(noev), NULL,
                                        &m, &err),
               TLY_OK);
  cr_assert_eq(tly_forecast_model_use_election(m, e, true, &err),
               TLY_ENOTFOUND);
  cr_assert_str_eq(err.msg, "unit \"TX\" is missing (every unit of the "
                            "2024 College needs a row)");
  cr_assert_eq(tly_forecast_model_unit(m, 0)->electors, 0); /* unchanged */
  tly_forecast_model_free(m);
  tly_election_free(e);
}

/*---- Out of memory: every allocation may fail, cleanly --------------*/

typedef struct {
  long n, fail_at;
  long live;
} oom_state;

static void *oom_realloc(void *ud, void *p, size_t old, size_t n)
{
  oom_state *s = ud;
  (void)old;
  if (n == 0) {
    if (p != NULL)
      s->live--;
    free(p);
    return NULL;
  }
  if (++s->n == s->fail_at)
    return NULL;
  void *q = realloc(p, n);
  if (q != NULL && p == NULL)
    s->live++;
  return q;
}

Test(forecast, out_of_memory_everywhere)
{
  static const char text[] =
      "code,mean,sd,electors,turnout\nPA,0.51,0.03,19,6000000\n"
      "WI,0.5,0.03,10,3000000\nGA,0.49,0.02,16,5000000\n";
  for (int meth = 1; meth <= 2; meth++) {
    bool ok = false;
    for (long k = 1; k < 10000 && !ok; k++) {
      oom_state st = {0, k, 0};
      tly_allocator a = {oom_realloc, &st};
      tly_forecast_model *m = NULL;
      tly_forecast *f = NULL;
      tly_error err;
      tly_status s = tly_forecast_model_parse("t.csv", text,
                                              sizeof text - 1, &a, &m, &err);
      if (s == TLY_OK)
        s = tly_forecast_model_regions_builtin(m, "census4", &err);
      if (s == TLY_OK) {
        tly_forecast_opts o;
        tly_forecast_opts_init(&o);
        o.method = (tly_forecast_method)meth;
        o.national_sd = 0.02;
        o.region_sd = 0.01;
        o.sims = 5000;
        s = tly_forecast_run(m, &o, &f, &err);
      }
      if (s == TLY_OK) {
        ok = true;
      } else {
        cr_assert_eq(s, TLY_ENOMEM, "fail at %ld: %s", k, err.msg);
        cr_assert_null(f);
      }
      tly_forecast_free(f);
      tly_forecast_model_free(m);
      cr_assert_eq(st.live, 0, "leak after failing allocation %ld", k);
    }
    cr_assert(ok);
  }
}

Test(forecast, portable_kernel_gives_the_same_bytes)
{
  /* The AVX-512 kernel (where the processor has it) and the portable one
   * must agree to the last bit: same draws, same IEEE operations. */
  tly_forecast_model *m = load(F2024);
  tly_error err;
  cr_assert_eq(tly_forecast_model_regions_builtin(m, "census4", &err),
               TLY_OK);
  int8_t given[56];
  cr_assert_eq(tly_forecast_parse_given(m, "FL=R", given, &err), TLY_OK);
  for (int c = 0; c < 3; c++) {
    tly_forecast_opts o;
    tly_forecast_opts_init(&o);
    o.method = TLY_FORECAST_MC;
    o.national_sd = 0.03;
    o.sims = 50000 + 17;
    o.threads = 2;
    if (c >= 1) {
      o.region_sd = 0.02;
      o.df = 7;
    }
    if (c == 2)
      o.given = given;
    char *js[2];
    membuf draws[2] = {{0}};
    for (int b = 0; b < 2; b++) {
      o.draws = mem_writer;
      o.draws_ud = &draws[b];
      tly_forecast *f = NULL;
      cr_assert_eq(tly__forecast_run_isa(m, &o, b == 1, &f, &err), TLY_OK,
                   "%s", err.msg);
      js[b] = json_of(m, f);
      tly_forecast_free(f);
    }
    cr_assert_str_eq(js[0], js[1], "case %d", c);
    cr_assert_eq(draws[0].n, draws[1].n);
    cr_assert(memcmp(draws[0].p, draws[1].p, draws[0].n) == 0);
    for (int b = 0; b < 2; b++) {
      free(js[b]);
      free(draws[b].p);
    }
  }
  tly_forecast_model_free(m);
}

Test(forecast, mc_tipping_matches_sorting_the_draws)
{
  /* An independent check of the tipping search (vector and portable):
   * from the draws file, order each simulation's winning units by margin
   * (strongest first) and take the one that carries the winner to the
   * majority. The file rounds shares to 6 decimals, so a simulation where
   * the tipping unit's margin is within 2e-6 of another winning unit's (or
   * any margin is within 2e-6 of 0) may legitimately differ; every unit's
   * count must agree up to the number of such simulations. */
  tly_forecast_model *m = load(F2024);
  tly_error err;
  cr_assert_eq(tly_forecast_model_regions_builtin(m, "census4", &err),
               TLY_OK);
  size_t n = tly_forecast_model_n_units(m);
  cr_assert_eq(n, 56);
  int ev[56];
  for (size_t i = 0; i < n; i++)
    ev[i] = (int)tly_forecast_model_unit(m, i)->electors;
  for (int b = 0; b < 2; b++) {
    tly_forecast_opts o;
    tly_forecast_opts_init(&o);
    o.method = TLY_FORECAST_MC;
    o.national_sd = 0.03;
    o.region_sd = 0.02;
    o.sims = 40000;
    o.seed = 11;
    o.threads = 2;
    membuf d = {0};
    o.draws = mem_writer;
    o.draws_ud = &d;
    tly_forecast *f = NULL;
    cr_assert_eq(tly__forecast_run_isa(m, &o, b == 1, &f, &err), TLY_OK,
                 "%s", err.msg);
    int64_t maj = tly_forecast_majority(f);
    uint64_t brute[56] = {0}, amb = 0, lines = 0;
    char *p = strchr(d.p, '\n') + 1;
    while (*p != '\0') {
      char *e;
      (void)strtoull(p, &e, 10);
      long long evd = strtoll(e + 1, &e, 10);
      (void)strtod(e + 1, &e);
      double s[56];
      for (size_t i = 0; i < n; i++)
        s[i] = strtod(e + 1, &e) - 0.5;
      cr_assert_eq(*e, '\n');
      p = e + 1;
      lines++;
      int dw = evd >= maj, rw = 538 - evd >= maj;
      if (!dw && !rw)
        continue;
      bool unsure = false;
      double key[56];
      for (size_t i = 0; i < n; i++) {
        if (fabs(s[i]) < 2e-6)
          unsure = true;
        key[i] = (dw ? s[i] > 0 : s[i] <= 0) ? fabs(s[i]) : -1.0;
      }
      /* Strongest first: repeatedly take the largest key. */
      int64_t cum = 0;
      int tip = -1;
      bool used[56] = {false};
      while (tip < 0) {
        int best = -1;
        for (size_t i = 0; i < n; i++)
          if (!used[i] && key[i] >= 0 && (best < 0 || key[i] > key[best]))
            best = (int)i;
        cr_assert(best >= 0);
        used[best] = true;
        cum += ev[best];
        if (cum >= maj)
          tip = best;
      }
      for (size_t i = 0; i < n; i++)
        if ((int)i != tip && key[i] >= 0 && fabs(key[i] - key[tip]) < 2e-6)
          unsure = true;
      brute[tip]++;
      amb += unsure;
    }
    cr_assert_eq(lines, o.sims);
    cr_assert(amb < o.sims / 100, "%llu unsure draws",
              (unsigned long long)amb);
    for (size_t i = 0; i < n; i++) {
      double lib = tly_forecast_unit_p_tipping(f, i) *
                   (double)tly_forecast_kept(f);
      double diff = fabs(lib - (double)brute[i]);
      cr_assert(diff <= (double)amb + 1e-6,
                "isa %d unit %zu: %.0f against %llu (%llu unsure)", b, i,
                lib, (unsigned long long)brute[i], (unsigned long long)amb);
    }
    tly_forecast_free(f);
    free(d.p);
  }
  tly_forecast_model_free(m);
}

/* The exact method with national and regional factors, Student-t errors
 * and a given outcome splits its nodes into fixed parts: one thread or
 * two give the same bits, and the error it reports (quadrature, plus
 * the nodes and distribution ends it leaves out) is within the 1e-11
 * it promises on every probability. */
Test(forecast, exact_regions_same_for_any_thread_count)
{
  tly_forecast_model *m = load(F2024);
  tly_error err;
  cr_assert_eq(tly_forecast_model_regions_builtin(m, "census4", &err),
               TLY_OK, "%s", err.msg);
  int8_t given[56];
  cr_assert_eq(tly_forecast_parse_given(m, "GA=R", given, &err), TLY_OK);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = 0.03;
  o.region_sd = 0.02;
  o.df = 7;
  o.sims = 0;
  o.given = given;
  o.threads = 1;
  tly_forecast *f1 = run(m, &o);
  o.threads = 2;
  tly_forecast *f2 = run(m, &o);
  cr_assert(tly_forecast_quadrature_error(f1) <= 1e-11, "error %g",
            tly_forecast_quadrature_error(f1));
  cr_assert_eq(tly_forecast_nodes(f1), tly_forecast_nodes(f2));
  size_t l1 = 0, l2 = 0;
  const double *h1 = tly_forecast_ev_histogram(f1, &l1);
  const double *h2 = tly_forecast_ev_histogram(f2, &l2);
  cr_assert_eq(l1, l2);
  cr_assert_eq(memcmp(h1, h2, l1 * sizeof(double)), 0);
  double sum = 0.0;
  for (size_t k = 0; k < l1; k++) {
    cr_assert(h1[k] >= 0.0, "k %zu: %g", k, h1[k]);
    sum += h1[k];
  }
  cr_assert(fabs(sum - 1.0) <= 1e-11, "sum %.17g", sum);
  for (size_t i = 0; i < tly_forecast_model_n_units(m); i++)
    cr_assert_eq(tly_forecast_unit_p_win(f1, i),
                 tly_forecast_unit_p_win(f2, i), "unit %zu", i);
  size_t ga = (size_t)tly_forecast_model_find_unit(m, "GA");
  cr_assert_eq(tly_forecast_unit_p_win(f1, ga), 0.0);
  tly_forecast_free(f1);
  tly_forecast_free(f2);
  tly_forecast_model_free(m);
}

/*---- The setup, the cost bound and the cancel hook --------------------*/

Test(forecast, setup_checks_each_key_once)
{
  tly_forecast_setup *su = NULL;
  tly_error err;
  cr_assert_eq(tly_forecast_setup_new(NULL, &su, &err), TLY_OK);
  struct {
    const char *key, *value, *msg;
  } bad[] = {
      {"national_sd", "2", "national_sd \"2\" is not a number in [0, 1]"},
      {"national_sd", "0x1p-3",
       "national_sd \"0x1p-3\" is not a number in [0, 1]"},
      {"region_sd", "-0.1", "region_sd \"-0.1\" is not a number in [0, 1]"},
      {"df", "2", "df \"2\": use 0 (normal) or more than 2 (so the sd "
                  "exists)"},
      {"method", "fast", "method \"fast\" is not exact or mc"},
      {"sims", "-1", "sims \"-1\" is not an integer in 0..70368744177664"},
      {"threads", "0", "threads \"0\" is not an integer in 1..256"},
      {"electors", "1788", "electors \"1788\" is not an integer in "
                           "1789..9999"},
      {"corr_repair", "maybe", "corr_repair \"maybe\" is not yes or no"},
      {"colour", "red", "unknown forecast key \"colour\""},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    cr_assert_eq(tly_forecast_setup_set(su, bad[i].key, bad[i].value, &err),
                 TLY_EINVAL, "%s", bad[i].key);
    cr_assert_str_eq(err.msg, bad[i].msg);
    cr_assert_null(tly_forecast_setup_get(su, bad[i].key)); /* unchanged */
  }
  /* Combinations, checked when the model is built. */
  static const char model[] = "code,mean,sd,electors\nPA,0.51,0.02,19\n"
                              "OH,0.47,0.03,17\n";
  struct {
    const char *key, *value, *msg;
  } combo[] = {
      {"region_sd", "0.02", "region_sd needs regions"},
      {"regions", "census4", "regions needs region_sd"},
      {"corr_repair", "yes", "corr_repair needs corr"},
      {"method", "mc", "method mc needs sims of at least 1"},
  };
  for (size_t i = 0; i < sizeof combo / sizeof combo[0]; i++) {
    tly_forecast_setup *s2 = NULL;
    cr_assert_eq(tly_forecast_setup_new(NULL, &s2, &err), TLY_OK);
    cr_assert_eq(tly_forecast_setup_set(s2, combo[i].key, combo[i].value,
                                        &err),
                 TLY_OK);
    if (strcmp(combo[i].key, "method") == 0)
      cr_assert_eq(tly_forecast_setup_set(s2, "sims", "0", &err), TLY_OK);
    tly_forecast_model *m = NULL;
    tly_forecast_opts o;
    cr_assert_eq(tly_forecast_setup_build(s2, "model", model,
                                          sizeof model - 1, &m, &o, NULL,
                                          &err),
                 TLY_EINVAL);
    cr_assert_null(m);
    cr_assert_str_eq(err.msg, combo[i].msg);
    tly_forecast_setup_free(s2);
  }
  /* Files only where the front end allows them. */
  cr_assert_eq(tly_forecast_setup_set(su, "regions", "regions.csv", &err),
               TLY_OK);
  cr_assert_eq(tly_forecast_setup_set(su, "region_sd", "0.02", &err),
               TLY_OK);
  tly_forecast_model *m = NULL;
  tly_forecast_opts o;
  cr_assert_eq(tly_forecast_setup_build(su, "model", model, sizeof model - 1,
                                        &m, &o, NULL, &err),
               TLY_EINVAL);
  cr_assert_str_eq(err.msg, "regions \"regions.csv\" is not census4 or "
                            "census9");
  /* A good setup gives the options and the model. */
  cr_assert_eq(tly_forecast_setup_set(su, "regions", "census4", &err),
               TLY_OK);
  cr_assert_eq(tly_forecast_setup_set(su, "national_sd", "0.03", &err),
               TLY_OK);
  cr_assert_eq(tly_forecast_setup_set(su, "given", "PA=D", &err), TLY_OK);
  cr_assert_eq(tly_forecast_setup_set(su, "sims", "1000", &err), TLY_OK);
  cr_assert_eq(tly_forecast_setup_build(su, "model", model, sizeof model - 1,
                                        &m, &o, NULL, &err),
               TLY_OK, "%s", err.msg);
  cr_assert_eq(o.national_sd, 0.03);
  cr_assert_eq(o.region_sd, 0.02);
  cr_assert_eq(o.sims, 1000);
  cr_assert_not_null(o.given);
  cr_assert_eq(o.given[0], 1);
  cr_assert_eq(o.given[1], 0);
  cr_assert_eq(tly_forecast_model_n_regions(m), 2); /* PA, OH: 2 regions */
  /* Turnout from the last built-in election. */
  cr_assert(tly_forecast_model_unit(m, 0)->turnout > 0);
  tly_forecast_model_free(m);
  /* A given unit the model lacks. */
  cr_assert_eq(tly_forecast_setup_set(su, "given", "XX=D", &err), TLY_OK);
  cr_assert_eq(tly_forecast_setup_build(su, "model", model, sizeof model - 1,
                                        &m, &o, NULL, &err),
               TLY_EINVAL);
  cr_assert_null(m);
  cr_assert_str_eq(err.msg, "given: no unit \"XX\" in the forecast");
  tly_forecast_setup_free(su);
}

Test(forecast, cost_is_bounded_before_running)
{
  tly_forecast_model *m = load(F2024);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.sims = 0;
  o.national_sd = 0.03;
  double national = tly_forecast_cost(m, &o);
  tly_error err;
  cr_assert_eq(tly_forecast_model_regions_builtin(m, "census4", &err),
               TLY_OK);
  o.region_sd = 0.02;
  double regions = tly_forecast_cost(m, &o);
  cr_assert(national > 0 && regions > national, "%g %g", national, regions);
  o.sims = 1000;
  cr_assert_eq(tly_forecast_cost(m, &o), regions + 1000.0 * 56.0);
  /* Over the caller's limit: refused before any work, nothing made. */
  o.max_cost = regions / 2;
  tly_forecast *f = NULL;
  cr_assert_eq(tly_forecast_run(m, &o, &f, &err), TLY_ELIMIT);
  cr_assert_null(f);
  cr_assert(strstr(err.msg, "over the limit") != NULL, "%s", err.msg);
  o.max_cost = regions * 2;
  f = run(m, &o);
  tly_forecast_free(f);
  tly_forecast_model_free(m);
}

static bool cancel_after(void *ud)
{
  atomic_int *calls = ud;
  return atomic_fetch_add(calls, 1) >= 3;
}

Test(forecast, cancel_hook_stops_both_methods)
{
  tly_forecast_model *m = load(F2024);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = 0.03;
  o.threads = 2;
  o.sims = 1 << 20;
  o.cancel = cancel_after;
  for (int meth = 1; meth <= 2; meth++) {
    atomic_int calls;
    atomic_init(&calls, 0);
    o.cancel_ud = &calls;
    o.method = (tly_forecast_method)meth;
    tly_forecast *f = NULL;
    tly_error err;
    cr_assert_eq(tly_forecast_run(m, &o, &f, &err), TLY_ECANCELED,
                 "method %d", meth);
    cr_assert_null(f);
    cr_assert_str_eq(err.msg, "the forecast was cancelled");
    cr_assert(atomic_load(&calls) >= 4);
  }
  /* A hook that never fires changes nothing. */
  tly_forecast_opts plain = o;
  plain.cancel = NULL;
  plain.sims = 10000;
  plain.method = TLY_FORECAST_EXACT;
  o.sims = 10000;
  o.method = TLY_FORECAST_EXACT;
  o.cancel = cancel_after;
  atomic_int never;
  atomic_init(&never, INT_MIN);
  o.cancel_ud = &never;
  tly_forecast *a = run(m, &plain), *b = run(m, &o);
  cr_assert_eq(tly_forecast_p_win(a, 'D'), tly_forecast_p_win(b, 'D'));
  tly_forecast_free(a);
  tly_forecast_free(b);
  tly_forecast_model_free(m);
}
