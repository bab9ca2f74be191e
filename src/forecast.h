/*
 * forecast.h -- internals of forecast.c shared with its tests: running a
 * forecast on the portable kernel even where the AVX-512 one would be
 * chosen, so that tests can check that both give the same bytes.
 */
#ifndef TLY_FORECAST_H
#define TLY_FORECAST_H

#include "internal.h"

/* As tly_forecast_run; with `baseline`, Monte Carlo uses the portable
 * kernel whatever the processor offers. */
tly_status tly__forecast_run_isa(const tly_forecast_model *m,
                                 const tly_forecast_opts *o, bool baseline,
                                 tly_forecast **out, tly_error *err);

#endif
