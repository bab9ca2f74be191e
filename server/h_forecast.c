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

/* The most work one forecast may take (tly_forecast_cost): about 100 s
 * of one core; the 2024 map with census4 regions is about 8e9, a heavy
 * exact forecast (51 units of 1,000 electors, census9, df 3) 4e11. */
#define SRV_MAX_FORECAST_COST 1e11

/* The request's keys that are the library's forecast setup keys. */
static const char *const setup_keys[] = {
    "electors", "national_sd", "region_sd", "regions", "df",
    "method",   "sims",        "seed",      "given",   NULL};

/* The text of a JSON value for the setup: a string as it is, an integer
 * in decimal, a real in the shortest form that reads back the same. */
static bool value_text(const json_t *v, char *buf, size_t size,
                       const char **out)
{
  if (json_is_string(v)) {
    *out = json_string_value(v);
  } else if (json_is_integer(v)) {
    snprintf(buf, size, "%lld", (long long)json_integer_value(v));
    *out = buf;
  } else if (json_is_real(v)) {
    double x = json_real_value(v);
    for (int prec = 1; prec <= 17; prec++) {
      snprintf(buf, size, "%.*g", prec, x);
      if (strtod(buf, NULL) == x)
        break;
    }
    *out = buf;
  } else {
    return false;
  }
  return true;
}

static void forecast(const api_ctx *cx, json_t *p, srv_response *rs,
                     fc_out what)
{
  static const char *const keys[] = {
      "model", "electors", "national_sd", "region_sd", "regions", "df",
      "method", "sims", "seed", "given", "title", NULL};
  const char *model = NULL;
  const char *title = NULL;
  if (!api_check_keys(p, keys, rs) ||
      api_get_str(p, "model", &model, rs) < 0 ||
      api_get_str(p, "title", &title, rs) < 0)
    return;
  if (model == NULL) {
    fail(rs, 400, "model is required: CSV text with the header "
                  "code,mean,sd[,electors][,turnout]");
    return;
  }
  tly_error err = {0};
  tly_forecast_setup *su = NULL;
  tly_forecast_model *m = NULL;
  tly_forecast *f = NULL;
  tly_forecast_opts fo;
  srv_buf b = {0};
  char num[64];
  /* The server's own defaults and limits first, then the request's. */
  snprintf(num, sizeof num, "%d", SRV_MAX_SIMS);
  if (tly_forecast_setup_new(NULL, &su, &err) != TLY_OK ||
      tly_forecast_setup_set(su, "max_sims", num, &err) != TLY_OK ||
      tly_forecast_setup_set(su, "sims", "100000", &err) != TLY_OK ||
      tly_forecast_setup_set(su, "threads", "2", &err) != TLY_OK)
    goto lib_fail;
  snprintf(num, sizeof num, "%g", SRV_MAX_FORECAST_COST);
  if (tly_forecast_setup_set(su, "max_cost", num, &err) != TLY_OK)
    goto lib_fail;
  for (size_t k = 0; setup_keys[k] != NULL; k++) {
    const json_t *v = json_object_get(p, setup_keys[k]);
    const char *text = NULL;
    if (v == NULL || json_is_null(v))
      continue;
    if (!value_text(v, num, sizeof num, &text)) {
      fail(rs, 400, "%s must be a number or a string", setup_keys[k]);
      goto done;
    }
    if (tly_forecast_setup_set(su, setup_keys[k], text, &err) != TLY_OK)
      goto lib_fail;
  }
  if (tly_forecast_setup_build(su, "model", model, strlen(model), &m, &fo,
                               NULL, &err) != TLY_OK)
    goto lib_fail;
  /* Stops (TLY_ECANCELED) once the client has gone. */
  fo.cancel = api_cancel;
  fo.cancel_ud = (void *)cx;
  /* Refused before any work when over SRV_MAX_FORECAST_COST. */
  if (tly_forecast_run(m, &fo, &f, &err) != TLY_OK)
    goto lib_fail;
  size_t n = tly_forecast_model_n_units(m);
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
    err.status = TLY_ENOMEM; /* answered 503 if a calloc failed */
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
  if (err.status == TLY_ELIMIT) {
    srv_buf_free(&b);
    api_fail_code(rs, 413, tly_status_name(err.status), "%s", err.msg);
  } else {
    api_fail_buf(rs, &b, &err);
  }
done:
  tly_forecast_free(f);
  tly_forecast_model_free(m);
  tly_forecast_setup_free(su);
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
