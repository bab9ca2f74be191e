/*
 * forecast_out.c -- a forecast's results: the getters of tally.h, the
 * JSON object (README, "Forecast") and the histogram as CSV.
 */
#include "forecast.h"
#include "buf.h"
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/*---- Results -----------------------------------------------------------*/

tly_forecast_method tly_forecast_method_used(const tly_forecast *f)
{
  return f->method;
}

uint64_t tly_forecast_simulations(const tly_forecast *f)
{
  return f->sims;
}

uint64_t tly_forecast_kept(const tly_forecast *f)
{
  return f->kept;
}

size_t tly_forecast_nodes(const tly_forecast *f)
{
  return f->nodes;
}

double tly_forecast_quadrature_error(const tly_forecast *f)
{
  return f->quad_error;
}

int64_t tly_forecast_electors(const tly_forecast *f)
{
  return f->electors;
}

int64_t tly_forecast_majority(const tly_forecast *f)
{
  return f->majority;
}

double tly_forecast_p_win(const tly_forecast *f, char party)
{
  /* Monte Carlo sums counts (exact), then divides once. */
  int64_t lo = party == 'D' ? f->majority : 0;
  int64_t hi = party == 'D' ? f->electors : f->electors - f->majority;
  if (f->hist_n != NULL) {
    uint64_t c = 0;
    for (int64_t k = lo; k <= hi; k++)
      c += f->hist_n[k];
    return (double)c / (double)f->kept;
  }
  double s = 0.0;
  for (int64_t k = lo; k <= hi; k++)
    s += f->hist[k];
  return s;
}

double tly_forecast_p_no_majority(const tly_forecast *f)
{
  int64_t lo = f->electors - f->majority + 1;
  if (f->hist_n != NULL) {
    uint64_t c = 0;
    for (int64_t k = lo; k < f->majority; k++)
      c += f->hist_n[k];
    return (double)c / (double)f->kept;
  }
  double s = 0.0;
  for (int64_t k = lo; k < f->majority; k++)
    s += f->hist[k];
  return s;
}

double tly_forecast_ev_mean(const tly_forecast *f)
{
  double s = 0.0;
  for (int64_t k = 0; k <= f->electors; k++)
    s += (double)k * f->hist[k];
  return s;
}

int64_t tly_forecast_ev_quantile(const tly_forecast *f, int percent)
{
  if (f->hist_n != NULL) {
    /* Smallest k with 100 * count(EV <= k) >= percent * kept, in integers
     * (kept < 2^48, so neither product overflows 64 bits). */
    uint64_t c = 0;
    for (int64_t k = 0; k <= f->electors; k++) {
      c += f->hist_n[k];
      if (100 * c >= (uint64_t)percent * f->kept)
        return k;
    }
    return f->electors;
  }
  double q = percent / 100.0;
  double c = 0.0;
  for (int64_t k = 0; k <= f->electors; k++) {
    c += f->hist[k];
    if (c >= q)
      return k;
  }
  return f->electors;
}

const double *tly_forecast_ev_histogram(const tly_forecast *f, size_t *len)
{
  *len = (size_t)f->electors + 1;
  return f->hist;
}

double tly_forecast_unit_p_win(const tly_forecast *f, size_t i)
{
  return i < f->n ? f->unit_p[i] : NAN;
}

double tly_forecast_unit_p_tipping(const tly_forecast *f, size_t i)
{
  return i < f->n ? f->unit_tip[i] : NAN;
}

double tly_forecast_p_popular_winner_loses(const tly_forecast *f)
{
  return f->p_pv_loses;
}

/*---- Writers -----------------------------------------------------------*/

static json_t *real_or_null(double v)
{
  return isnan(v) ? json_null() : json_real(v);
}

static void jput(json_t *o, const char *k, json_t *v, bool *ok)
{
  if (v == NULL || json_object_set_new(o, k, v) != 0)
    *ok = false;
}

tly_status tly_json_forecast(const tly_forecast_model *m,
                             const tly_forecast *f, tly_writer w, void *ud,
                             tly_error *err)
{
  bool ok = true;
  json_t *root = json_object();
  if (root == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  bool mc = f->method == TLY_FORECAST_MC;
  jput(root, "method", json_string(mc ? "mc" : "exact"), &ok);
  jput(root, "simulations", json_integer((json_int_t)f->sims), &ok);
  if (f->sims > 0)
    jput(root, "seed", json_integer((json_int_t)f->seed), &ok);
  if (!mc) {
    jput(root, "quadrature_nodes", json_integer((json_int_t)f->nodes), &ok);
    jput(root, "quadrature_error", json_real(f->quad_error), &ok);
  }
  jput(root, "electors", json_integer(f->electors), &ok);
  jput(root, "majority", json_integer(f->majority), &ok);
  json_t *pw = json_object();
  if (pw != NULL) {
    jput(pw, "D", json_real(tly_forecast_p_win(f, 'D')), &ok);
    jput(pw, "R", json_real(tly_forecast_p_win(f, 'R')), &ok);
  }
  jput(root, "p_win", pw, &ok);
  jput(root, "p_no_majority", json_real(tly_forecast_p_no_majority(f)), &ok);
  jput(root, "ev_mean", json_real(tly_forecast_ev_mean(f)), &ok);
  json_t *q = json_object();
  static const int pct[5] = {5, 25, 50, 75, 95};
  for (int i = 0; i < 5 && q != NULL; i++) {
    char k[8];
    snprintf(k, sizeof k, "%d", pct[i]);
    jput(q, k, json_integer(tly_forecast_ev_quantile(f, pct[i])), &ok);
  }
  jput(root, "ev_quantiles", q, &ok);
  json_t *h = json_array();
  for (int64_t k = 0; k <= f->electors && h != NULL; k++)
    if (json_array_append_new(h, json_real(f->hist[k])) != 0)
      ok = false;
  jput(root, "ev_histogram", h, &ok);
  json_t *units = json_array();
  for (size_t i = 0; i < f->n && units != NULL; i++) {
    json_t *u = json_object();
    if (u == NULL) {
      ok = false;
      break;
    }
    jput(u, "code", json_string(m->u[i].code), &ok);
    jput(u, "electors", json_integer(m->u[i].electors), &ok);
    jput(u, "p_win", json_real(f->unit_p[i]), &ok);
    jput(u, "p_tipping", real_or_null(f->unit_tip[i]), &ok);
    if (json_array_append_new(units, u) != 0)
      ok = false;
  }
  jput(root, "units", units, &ok);
  jput(root, "p_popular_winner_loses", real_or_null(f->p_pv_loses), &ok);
  if (f->has_given) {
    json_t *g = json_object();
    for (size_t i = 0; i < f->n && g != NULL; i++)
      if (f->given[i] != 0)
        jput(g, m->u[i].code, json_string(f->given[i] > 0 ? "D" : "R"), &ok);
    jput(root, "given", g, &ok);
    if (f->sims > 0)
      jput(root, "kept", json_integer((json_int_t)f->kept), &ok);
  }
  if (!ok) {
    json_decref(root);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  return tly__json_write(root, w, ud, err);
}

tly_status tly_forecast_write_histogram(const tly_forecast *f, tly_writer w,
                                        void *ud, tly_error *err)
{
  static const char head[] = "ev_D,probability,cumulative\n";
  if (w(ud, head, sizeof head - 1) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  double cum = 0.0;
  uint64_t cn = 0;
  for (int64_t k = 0; k <= f->electors; k++) {
    char line[96];
    int len;
    if (f->hist_n != NULL) {
      /* Monte Carlo: the cumulative share from the integer counts. */
      cn += f->hist_n[k];
      len = tly__snprintf_c(line, sizeof line, "%lld,%.12g,%.12g\n", (long long)k,
                     f->hist[k], (double)cn / (double)f->kept);
    } else {
      cum += f->hist[k];
      len = tly__snprintf_c(line, sizeof line, "%lld,%.12g,%.12g\n", (long long)k,
                     f->hist[k], cum);
    }
    if (w(ud, line, (size_t)len) != 0)
      return tly__fail(err, TLY_EIO, "write error");
  }
  return TLY_OK;
}
