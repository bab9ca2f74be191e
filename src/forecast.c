/*
 * forecast.c -- win probabilities from state estimates and correlated
 * errors. The exact method uses the conditional independence of the units
 * given the shared factors: their electoral votes convolve (as the
 * Princeton Election Consortium does for independent states), and the
 * factors are integrated by Gauss quadrature (Golub and Welsch 1969).
 * Monte Carlo draws xoshiro256++ streams seeded per block of simulations,
 * so the thread count never changes a result, and tallies only integers.
 */
#include "forecast.h"

#include <math.h>
#include <string.h>

/*==== The engine ==========================================================*/

static void prep_free(const tly_allocator *al, prep *p)
{
  tly__free(al, p->mu, p->n * sizeof(double));
  tly__free(al, p->sd, p->n * sizeof(double));
  tly__free(al, p->ev, p->n * sizeof(int32_t));
  tly__free(al, p->turn, p->n * sizeof(double));
  tly__free(al, p->grp, p->n * sizeof(int32_t));
}

static tly_status prep_make(const tly_forecast_model *m,
                            const tly_forecast_opts *o, prep *p,
                            tly_error *err)
{
  const tly_allocator *al = &m->al;
  memset(p, 0, sizeof *p);
  size_t n = m->n;
  p->n = n;
  p->mu = tly__calloc(al, n, sizeof(double));
  p->sd = tly__calloc(al, n, sizeof(double));
  p->ev = tly__calloc(al, n, sizeof(int32_t));
  p->turn = tly__calloc(al, n, sizeof(double));
  p->grp = tly__calloc(al, n, sizeof(int32_t));
  if (!p->mu || !p->sd || !p->ev || !p->turn || !p->grp) {
    prep_free(al, p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  p->sn = o->national_sd;
  p->sr = o->region_sd;
  p->df = o->df;
  p->n_regions = o->region_sd > 0.0 ? m->n_regions : 0;
  p->n_groups = p->n_regions + 1;
  p->has_pv = true;
  p->given = o->given;
  for (size_t i = 0; i < n; i++) {
    const tly_forecast_unit *u = &m->u[i];
    if (u->electors <= 0) {
      prep_free(al, p);
      return tly__fail_at(err, TLY_ENODATA, m->name, u->line, 0,
                          "%s has no electors (add an electors column or "
                          "take them from an election)",
                          u->code);
    }
    p->mu[i] = u->mean - 0.5;
    p->sd[i] = u->sd;
    p->ev[i] = u->electors;
    p->total += u->electors; /* <= 1000 units of <= 1000: no overflow */
    p->grp[i] = p->n_regions > 0 ? m->region[i] : 0;
    if (!is_district(u->code)) {
      if (u->turnout < 0)
        p->has_pv = false;
      else
        p->turn[i] = (double)u->turnout;
    }
    if (o->given != NULL && o->given[i] != 0)
      p->any_given = true;
    /* A unit no error can move, sitting exactly on 1/2, is a tie only a
     * lot could settle: refuse it rather than pick a side. */
    if (u->sd == 0.0 && p->sn == 0.0 &&
        (p->sr == 0.0 || p->n_regions == 0) && m->corr_l == NULL &&
        u->mean == 0.5) {
      prep_free(al, p);
      return tly__fail_at(err, TLY_EINVAL, m->name, u->line, 0,
                          "%s: share 0.5 with no uncertainty is a tie; "
                          "give it a side or an sd",
                          u->code);
    }
  }
  if (p->n_regions == 0)
    for (size_t i = 0; i < n; i++)
      p->grp[i] = 0;
  p->maj = p->total / 2 + 1; /* floor(total / 2) + 1 */
  p->corr_k = m->corr_k;
  p->corr_l = m->corr_l;
  p->corr_row = m->corr_row;
  return TLY_OK;
}

/*---- Running a forecast ------------------------------------------------*/

void tly_forecast_opts_init(tly_forecast_opts *o)
{
  memset(o, 0, sizeof *o);
  o->method = TLY_FORECAST_AUTO;
  o->sims = 1000000;
  o->seed = 1;
  o->threads = 1;
}

void tly_forecast_free(tly_forecast *f)
{
  if (f == NULL)
    return;
  tly_allocator al = f->al;
  size_t t1 = (size_t)f->electors + 1;
  tly__free(&al, f->hist, t1 * sizeof(double));
  tly__free(&al, f->hist_n, t1 * sizeof(uint64_t));
  tly__free(&al, f->unit_p, f->n * sizeof(double));
  tly__free(&al, f->unit_tip, f->n * sizeof(double));
  tly__free(&al, f->given, f->n * sizeof(int8_t));
  tly__free(&al, f, sizeof *f);
}

static tly_status check_opts(const tly_forecast_model *m,
                             const tly_forecast_opts *o, tly_error *err)
{
  if (!(o->national_sd >= 0.0 && o->national_sd <= 1.0))
    return tly__fail(err, TLY_EINVAL, "national sd %g is outside [0, 1]",
                     o->national_sd);
  if (!(o->region_sd >= 0.0 && o->region_sd <= 1.0))
    return tly__fail(err, TLY_EINVAL, "regional sd %g is outside [0, 1]",
                     o->region_sd);
  if (o->region_sd > 0.0 && m->n_regions == 0)
    return tly__fail(err, TLY_EINVAL,
                     "a regional sd needs regions (census4, census9 or a "
                     "file)");
  if (!(o->df == 0.0 || (o->df > 2.0 && o->df <= 1e6)))
    return tly__fail(err, TLY_EINVAL,
                     "degrees of freedom %g: use 0 (normal) or more than 2 "
                     "(so the sd exists)",
                     o->df);
  if (o->threads < 1 || o->threads > 256)
    return tly__fail(err, TLY_EINVAL, "threads %d outside 1..256",
                     o->threads);
  if (o->method != TLY_FORECAST_AUTO && o->method != TLY_FORECAST_EXACT &&
      o->method != TLY_FORECAST_MC)
    return tly__fail(err, TLY_EINVAL, "unknown method");
  if (o->method == TLY_FORECAST_EXACT && m->corr_l != NULL)
    return tly__fail(err, TLY_EUNSUPPORTED,
                     "the exact method needs units independent given a few "
                     "factors; a correlation matrix needs Monte Carlo");
  if (o->method == TLY_FORECAST_MC && o->sims == 0)
    return tly__fail(err, TLY_EINVAL, "Monte Carlo needs at least one "
                                      "simulation");
  if (o->sims > (UINT64_MAX >> 16))
    return tly__fail(err, TLY_EINVAL, "too many simulations");
  return TLY_OK;
}

double tly_forecast_cost(const tly_forecast_model *m,
                         const tly_forecast_opts *o_in)
{
  tly_forecast_opts o;
  if (o_in != NULL)
    o = *o_in;
  else
    tly_forecast_opts_init(&o);
  bool mc = o.method == TLY_FORECAST_MC ||
            (o.method == TLY_FORECAST_AUTO && m->corr_l != NULL);
  double cost = (double)o.sims * (double)m->n;
  if (!mc)
    cost += tly__forecast_exact_cost(m, &o);
  return cost;
}

tly_status tly_forecast_run(const tly_forecast_model *m,
                            const tly_forecast_opts *o_in, tly_forecast **out,
                            tly_error *err)
{
  return tly__forecast_run_isa(m, o_in, false, out, err);
}

tly_status tly__forecast_run_isa(const tly_forecast_model *m,
                                 const tly_forecast_opts *o_in, bool baseline,
                                 tly_forecast **out, tly_error *err)
{
  *out = NULL;
  tly_forecast_opts o;
  if (o_in != NULL)
    o = *o_in;
  else
    tly_forecast_opts_init(&o);
  tly_status s = check_opts(m, &o, err);
  if (s != TLY_OK)
    return s;
  if (o.max_cost > 0.0) {
    double cost = tly_forecast_cost(m, &o);
    if (cost > o.max_cost)
      return tly__fail(err, TLY_ELIMIT,
                       "this forecast may take up to %.2g operations, over "
                       "the limit of %.2g",
                       cost, o.max_cost);
  }
  prep p;
  s = prep_make(m, &o, &p, err);
  if (s != TLY_OK)
    return s;
  const tly_allocator *al = &m->al;
  tly_forecast *f = tly__calloc(al, 1, sizeof *f);
  if (f == NULL) {
    prep_free(al, &p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  f->al = m->al;
  f->n = p.n;
  f->electors = p.total;
  f->majority = p.maj;
  f->seed = o.seed;
  size_t t1 = (size_t)p.total + 1;
  f->hist = tly__calloc(al, t1, sizeof(double));
  f->unit_p = tly__calloc(al, p.n, sizeof(double));
  f->unit_tip = tly__calloc(al, p.n, sizeof(double));
  f->given = tly__calloc(al, p.n, sizeof(int8_t));
  bool mc = o.method == TLY_FORECAST_MC ||
            (o.method == TLY_FORECAST_AUTO && m->corr_l != NULL);
  if (mc)
    f->hist_n = tly__calloc(al, t1, sizeof(uint64_t));
  if (!f->hist || !f->unit_p || !f->unit_tip || !f->given ||
      (mc && !f->hist_n)) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto fail;
  }
  if (o.given != NULL) {
    memcpy(f->given, o.given, p.n);
    f->has_given = p.any_given;
  }
  f->p_pv_loses = NAN;
  for (size_t i = 0; i < p.n; i++)
    f->unit_tip[i] = NAN;
  if (mc) {
    f->method = TLY_FORECAST_MC;
    s = tly__forecast_mc(m, &p, &o, f, true, baseline, err);
    if (s == TLY_OK && f->kept == 0)
      s = tly__fail(err, TLY_ENODATA,
                    "none of %llu simulations satisfied the given outcomes",
                    (unsigned long long)o.sims);
  } else {
    f->method = TLY_FORECAST_EXACT;
    s = tly__forecast_exact(m, &p, &o, f, err);
    /* Tipping points and the popular vote depend on the order and size of
     * margins, not only on who wins where: they are simulated. */
    if (s == TLY_OK && o.sims > 0)
      s = tly__forecast_mc(m, &p, &o, f, false, baseline, err);
  }
  if (s != TLY_OK)
    goto fail;
  prep_free(al, &p);
  *out = f;
  return TLY_OK;
fail:
  prep_free(al, &p);
  tly_forecast_free(f);
  return s;
}
