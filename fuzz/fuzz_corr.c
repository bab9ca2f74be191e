/*
 * fuzz_corr.c -- libFuzzer harness for the correlation matrix reader
 * (tly_forecast_model_corr_parse, The Economist's 2020 layout), against a
 * fixed model of five units (PA, WI, MI and Maine's two districts, which
 * take ME's row); with or without repair (Higham 2002), as the input's
 * hash says. A matrix read without error gets a short Monte Carlo run,
 * checked by forecast.h.
 */
#include "forecast.h"

static const char model_csv[] = "code,mean,sd,electors\n"
                                "PA,0.51,0.03,19\n"
                                "WI,0.50,0.03,10\n"
                                "MI,0.52,0.03,15\n"
                                "ME-1,0.60,0.04,1\n"
                                "ME-2,0.46,0.04,1\n";

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  tly_forecast_model *m = NULL;
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_status s = tly_forecast_model_parse("model.csv", model_csv,
                                          sizeof model_csv - 1, a, &m, &err);
  if (s != TLY_OK) {
    FZ_CHECK(s == TLY_ENOMEM, "the fixed model: %s", err.msg);
    return s;
  }
  uint64_t h = fz_hash(d, n);
  bool repair = h & 1;
  double moved = -1;
  s = tly_forecast_model_corr_parse(m, "in.csv", (const char *)d, n, repair,
                                    &moved, &err);
  fz_check_error(&err, s);
  if (s == TLY_OK) {
    FZ_CHECK(moved >= 0 && (repair || moved == 0) && isfinite(moved),
             "moved %g (repair %d)", moved, (int)repair);
    tly_forecast_opts o;
    tly_forecast_opts_init(&o);
    o.method = TLY_FORECAST_MC;
    o.sims = 256;
    o.threads = 1;
    o.seed = h;
    o.national_sd = (h & 2) ? 0.02 : 0;
    s = forecast_check(m, &o);
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
