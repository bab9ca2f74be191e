/*
 * fuzz_forecast.c -- libFuzzer harness for the forecast model reader
 * (tly_forecast_model_parse: code,mean,sd[,electors][,turnout]). A model
 * read without error gets the built-in regions and, when every unit has
 * electors, a short Monte Carlo run and (for at most 600 electors) the
 * exact method, checked by forecast.h. The exact method integrates over
 * the shared factors only when every unit's sd is at least 0.01: a unit
 * with sd 0 (or nearly) and a shared error drives the quadrature to its
 * node cap (issue 10, item 1), and each such input would take a second;
 * Student-t factors only without regions and up to 60 electors (else
 * it takes seconds as well: issue 10, item 16).
 */
#include "forecast.h"

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  tly_forecast_model *m = NULL;
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_status s =
      tly_forecast_model_parse("in.csv", (const char *)d, n, a, &m, &err);
  fz_check_error(&err, s);
  if (s != TLY_OK) {
    FZ_CHECK(m == NULL, "a failed parse returned a model");
    return s;
  }
  size_t nu = tly_forecast_model_n_units(m);
  FZ_CHECK(nu >= 1, "a model without units");
  int64_t electors = 0;
  bool all = true;
  bool spread = true; /* every sd >= 0.01 */
  for (size_t i = 0; i < nu; i++) {
    const tly_forecast_unit *u = tly_forecast_model_unit(m, i);
    FZ_CHECK(memchr(u->code, 0, sizeof u->code) != NULL,
             "unit %zu's code not terminated", i);
    FZ_CHECK(tly_forecast_model_find_unit(m, u->code) == (int32_t)i,
             "unit %s not found by its code", u->code);
    FZ_CHECK(u->mean >= 0 && u->mean <= 1 && u->sd >= 0 && u->sd <= 1,
             "unit %s: mean %g, sd %g", u->code, u->mean, u->sd);
    FZ_CHECK(u->electors >= 0 && u->electors <= 1000, "unit %s: %d electors",
             u->code, (int)u->electors);
    all = all && u->electors > 0;
    spread = spread && u->sd >= 0.01;
    electors += u->electors;
  }
  uint64_t h = fz_hash(d, n);
  tly_forecast_opts o;
  tly_forecast_opts_init(&o);
  o.national_sd = (h & 1) ? 0.03 : 0;
  if (h & 2) {
    s = tly_forecast_model_regions_builtin(m, (h & 4) ? "census9" : "census4",
                                           &err);
    fz_check_error(&err, s);
    if (s == TLY_OK)
      o.region_sd = 0.02;
  }
  o.df = (h & 8) ? 5 : 0;
  if (s == TLY_OK && all) {
    o.method = TLY_FORECAST_MC;
    o.sims = 256;
    o.threads = 1;
    o.seed = h;
    s = forecast_check(m, &o);
    if (s == TLY_OK && electors <= 600) {
      o.method = TLY_FORECAST_EXACT;
      o.sims = 0;
      if (!spread) {
        o.national_sd = 0;
        o.region_sd = 0;
      }
      if (electors > 60 || o.region_sd > 0)
        o.df = 0; /* Student-t factors with regions, or on a large model,
                     take seconds (a timeout on 2 units and 29 electors) */
      s = forecast_check(m, &o);
    }
  }
  tly_forecast_model_free(m);
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_json_alloc();
  fz_run(run, data, size);
  return 0;
}
