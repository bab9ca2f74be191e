/*
 * forecast.h -- what the forecast harnesses (fuzz_forecast.c, fuzz_corr.c)
 * share: a small run of a parsed model, whose figures must be
 * probabilities that add up, and whose JSON must parse.
 */
#ifndef TALLY_FUZZ_FORECAST_H
#define TALLY_FUZZ_FORECAST_H

#include "fuzz.h"

#include <math.h>

/* A probability, allowing for rounding. */
static bool prob(double p)
{
  return p >= -1e-12 && p <= 1 + 1e-12;
}

/* Runs m with o; on success checks the outcome and its JSON. */
static tly_status forecast_check(const tly_forecast_model *m,
                                 const tly_forecast_opts *o)
{
  tly_forecast *f = NULL;
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_status s = tly_forecast_run(m, o, &f, &err);
  fz_check_error(&err, s);
  if (s != TLY_OK) {
    FZ_CHECK(f == NULL, "a failed run returned a forecast");
    return s;
  }
  double pd = tly_forecast_p_win(f, 'D');
  double pr = tly_forecast_p_win(f, 'R');
  double pt = tly_forecast_p_no_majority(f);
  FZ_CHECK(prob(pd) && prob(pr) && prob(pt), "P(D) %g, P(R) %g, P(tie) %g",
           pd, pr, pt);
  FZ_CHECK(fabs(pd + pr + pt - 1) < 1e-6, "P(D) %.17g + P(R) %.17g + "
           "P(tie) %.17g != 1", pd, pr, pt);
  size_t len = 0;
  const double *hist = tly_forecast_ev_histogram(f, &len);
  FZ_CHECK(len == (size_t)tly_forecast_electors(f) + 1,
           "histogram of %zu for %lld electors", len,
           (long long)tly_forecast_electors(f));
  double sum = 0;
  for (size_t k = 0; k < len; k++) {
    FZ_CHECK(prob(hist[k]), "P(EV = %zu) = %g", k, hist[k]);
    sum += hist[k];
  }
  FZ_CHECK(fabs(sum - 1) < 1e-6, "histogram sums to %.17g", sum);
  for (size_t i = 0; i < tly_forecast_model_n_units(m); i++) {
    double pu = tly_forecast_unit_p_win(f, i);
    FZ_CHECK(prob(pu), "P(unit %zu) = %g", i, pu);
  }
  fz_out out = {0};
  s = tly_json_forecast(m, f, fz_out_write, &out, &err);
  fz_check_error(&err, s);
  char why[300];
  if (s == TLY_OK)
    FZ_CHECK(fz_json_ok(out.p, out.len, why, sizeof why),
             "the forecast's JSON does not parse: %s", why);
  free(out.p);
  tly_forecast_free(f);
  return s;
}

#endif
