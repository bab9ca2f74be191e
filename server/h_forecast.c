/*
 * h_forecast.c -- the forecast endpoints: JSON, the electoral-vote
 * histogram and the probability map.
 */
#include "api.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*---- the forecast ----*/

typedef enum { FC_JSON, FC_HISTOGRAM, FC_MAP } fc_out;

static void forecast(const api_ctx *cx, json_t *p, srv_response *rs,
                     fc_out what)
{
  (void)cx; /* the library's cancellation hook is to take api_gone(cx) */
  static const char *const keys[] = {
      "model", "electors", "national_sd", "region_sd", "regions", "df",
      "method", "sims", "seed", "given", "title", NULL};
  const char *model = NULL, *regions = NULL, *method = NULL, *given = NULL;
  const char *title = NULL;
  long long electors = 0, sims = 100000, seed = 1;
  tly_forecast_opts fo;
  tly_forecast_opts_init(&fo);
  double nsd = 0, rsd = 0, df = 0;
  if (!api_check_keys(p, keys, rs) ||
      api_get_str(p, "model", &model, rs) < 0 ||
      api_get_int(p, "electors", 1, 9999, &electors, rs) < 0 ||
      api_get_num(p, "national_sd", 0, 1, &nsd, rs) < 0 ||
      api_get_num(p, "region_sd", 0, 1, &rsd, rs) < 0 ||
      api_get_num(p, "df", 0, 1000, &df, rs) < 0 ||
      api_get_str(p, "regions", &regions, rs) < 0 ||
      api_get_str(p, "method", &method, rs) < 0 ||
      api_get_int(p, "sims", 0, SRV_MAX_SIMS, &sims, rs) < 0 ||
      api_get_int(p, "seed", 0, INT64_MAX, &seed, rs) < 0 ||
      api_get_str(p, "given", &given, rs) < 0 ||
      api_get_str(p, "title", &title, rs) < 0)
    return;
  if (model == NULL) {
    fail(rs, 400, "model is required: CSV text with the header "
                  "code,mean,sd[,electors][,turnout]");
    return;
  }
  if (method == NULL || strcmp(method, "exact") == 0) {
    fo.method = method == NULL ? TLY_FORECAST_AUTO : TLY_FORECAST_EXACT;
  } else if (strcmp(method, "mc") == 0) {
    fo.method = TLY_FORECAST_MC;
  } else {
    fail(rs, 400, "method must be \"exact\" or \"mc\"");
    return;
  }
  if ((rsd > 0) != (regions != NULL)) {
    fail(rs, 400, "regions and region_sd go together");
    return;
  }
  if (df != 0 && df <= 2) {
    fail(rs, 400, "df must be above 2 (or 0 for normal errors)");
    return;
  }
  fo.national_sd = nsd;
  fo.region_sd = rsd;
  fo.df = df;
  fo.sims = (uint64_t)sims;
  fo.seed = (uint64_t)seed;
  fo.threads = 2;
  tly_error err = {0};
  tly_forecast_model *m = NULL;
  tly_election *e = NULL;
  tly_forecast *f = NULL;
  int8_t *gv = NULL;
  srv_buf b = {0};
  if (tly_forecast_model_parse("model", model, strlen(model), NULL, &m,
                               &err) != TLY_OK)
    goto lib_fail;
  if (electors != 0) {
    if (tly_election_builtin((int)electors, TLY_SOURCE_MEDSL, NULL, &e,
                             &err) != TLY_OK ||
        tly_forecast_model_use_election(m, e, true, &err) != TLY_OK)
      goto lib_fail;
    tly_election_free(e);
    e = NULL;
  }
  /* Turnout a row lacks: the last built-in election's two-party vote, as
   * `tally forecast` does. */
  if (tly_election_builtin(api_latest_year(), TLY_SOURCE_MEDSL, NULL, &e,
                           &err) == TLY_OK)
    (void)tly_forecast_model_use_election(m, e, false, &err);
  tly_election_free(e);
  e = NULL;
  if (regions != NULL &&
      tly_forecast_model_regions_builtin(m, regions, &err) != TLY_OK)
    goto lib_fail;
  size_t n = tly_forecast_model_n_units(m);
  if (given != NULL) {
    gv = calloc(n > 0 ? n : 1, 1);
    if (gv == NULL) {
      err.status = TLY_ENOMEM;
      snprintf(err.msg, sizeof err.msg, "out of memory");
      goto lib_fail;
    }
    if (tly_forecast_parse_given(m, given, gv, &err) != TLY_OK)
      goto lib_fail;
    fo.given = gv;
  }
  if (tly_forecast_run(m, &fo, &f, &err) != TLY_OK)
    goto lib_fail;
  tly_status s;
  if (what == FC_JSON) {
    s = tly_json_forecast(m, f, srv_buf_write, &b, &err);
  } else if (what == FC_HISTOGRAM) {
    size_t len = 0;
    const double *h = tly_forecast_ev_histogram(f, &len);
    tly_svg_opts so = {.title = title};
    s = tly_svg_histogram(h, len, &so, srv_buf_write, &b, &err);
  } else {
    const char **codes = calloc(n > 0 ? n : 1, sizeof *codes);
    int32_t *ev = calloc(n > 0 ? n : 1, sizeof *ev);
    double *pw = calloc(n > 0 ? n : 1, sizeof *pw);
    s = TLY_ENOMEM;
    if (codes != NULL && ev != NULL && pw != NULL) {
      for (size_t i = 0; i < n; i++) {
        const tly_forecast_unit *u = tly_forecast_model_unit(m, i);
        codes[i] = u->code;
        ev[i] = u->electors;
        pw[i] = tly_forecast_unit_p_win(f, i);
      }
      tly_svg_opts so = {.title = title};
      s = tly_svg_prob_map(codes, ev, pw, n, &so, srv_buf_write, &b, &err);
    }
    free(codes);
    free(ev);
    free(pw);
  }
  if (s != TLY_OK)
    goto lib_fail;
  api_ok_buf(rs, &b, what == FC_JSON ? TYPE_JSON : TYPE_SVG);
  goto done;
lib_fail:
  srv_buf_free(&b);
  api_fail_tly(rs, &err);
done:
  free(gv);
  tly_forecast_free(f);
  tly_election_free(e);
  tly_forecast_model_free(m);
}

void api_h_forecast(const api_ctx *cx, json_t *p, srv_response *rs)
{
  forecast(cx, p, rs, FC_JSON);
}

void api_h_forecast_hist(const api_ctx *cx, json_t *p, srv_response *rs)
{
  forecast(cx, p, rs, FC_HISTOGRAM);
}

void api_h_forecast_map(const api_ctx *cx, json_t *p, srv_response *rs)
{
  forecast(cx, p, rs, FC_MAP);
}
