/*
 * forecast.h -- what the forecast's files share (forecast_model.c, the
 * model and its readers; forecast.c, running one; forecast_exact.c and
 * forecast_mc.c, the two methods; forecast_out.c, results and JSON): the
 * fields of the model and of the result, and the model as the kernels
 * read it. Also a test hook: running a forecast on the portable kernel
 * even where the AVX-512 one would be chosen, so that tests can check
 * that both give the same bytes.
 */
#ifndef TLY_FORECAST_H
#define TLY_FORECAST_H

#include "internal.h"

#define MAX_REGIONS 64 /* regions of a model */

struct tly_forecast_model {
  tly_allocator al;
  char name[256];
  size_t n;
  tly_forecast_unit *u;
  int32_t *region; /* n entries, -1 = none */
  size_t n_regions;
  char (*region_name)[48];
  /* Correlation of the units' own errors: the Cholesky factor (k x k) of
   * the matrix over the k states used, and each unit's state row. */
  size_t corr_k;
  double *corr_l;
  int32_t *corr_row;
};

/* A district code "ME-2": its state is the first two letters. */
static inline bool is_district(const char *code)
{
  return code[2] == '-';
}

struct tly_forecast {
  tly_allocator al;
  tly_forecast_method method;
  uint64_t sims, kept, seed;
  size_t nodes;
  double quad_error;
  int64_t electors, majority;
  size_t n;
  double *hist;      /* electors + 1 */
  uint64_t *hist_n;  /* MC counts (electors + 1), NULL for exact */
  double *unit_p;    /* n */
  double *unit_tip;  /* n, NaN when not simulated */
  double p_pv_loses; /* NaN when unknown */
  int8_t *given;     /* n, copy of the condition (zeros when none) */
  bool has_given;
};

/* The model as the kernels read it. */
typedef struct tly__forecast_prep {
  size_t n;
  double *mu;      /* mean - 1/2: the Democrat wins when mu + error > 0 */
  double *sd;
  int32_t *ev;
  double *turn;    /* two-party votes; 0 for districts (counted statewide) */
  int32_t *grp;    /* region, or n_regions for a unit without one */
  const int8_t *given;
  bool any_given;
  size_t n_regions; /* regions with a factor (0 when region_sd is 0) */
  size_t n_groups;  /* n_regions + 1 */
  int64_t total, maj;
  bool has_pv;
  double sn, sr, df;
  size_t corr_k;
  const double *corr_l;
  const int32_t *corr_row;
} prep;

/* The exact method into f's histogram and per-unit probabilities (o:
 * threads and the cancel hook; TLY_ECANCELED when it fires). */
tly_status tly__forecast_exact(const tly_forecast_model *m, const prep *p,
                               const tly_forecast_opts *o, tly_forecast *f,
                               tly_error *err);

/* The exact method's part of tly_forecast_cost. */
double tly__forecast_exact_cost(const tly_forecast_model *m,
                                const tly_forecast_opts *o);

/* Monte Carlo into f's tallies (all of them with `tallies`, else only the
 * tipping points and the popular vote); `baseline` as below. */
tly_status tly__forecast_mc(const tly_forecast_model *m, const prep *p,
                            const tly_forecast_opts *o, tly_forecast *f,
                            bool tallies, bool baseline, tly_error *err);

/* As tly_forecast_run; with `baseline`, Monte Carlo uses the portable
 * kernel whatever the processor offers. */
tly_status tly__forecast_run_isa(const tly_forecast_model *m,
                                 const tly_forecast_opts *o, bool baseline,
                                 tly_forecast **out, tly_error *err);

#endif
