/*
 * forecast_exact.c -- the exact method: given the shared factors the units
 * are independent, so their electoral votes convolve (as the Princeton
 * Election Consortium does for independent states), and the factors are
 * integrated by Gauss quadrature (Golub and Welsch 1969).
 */
#include "forecast.h"
#include "linalg.h"

#include <math.h>
#include "thread.h"
#include <string.h>

/* P(the Democrat wins) and P(the Republican wins) for margin mean x and
 * standard deviation s: Phi(x / s) and Phi(-x / s) each from erfc, so that
 * both keep full relative accuracy in the tails; s = 0 is a step (a tie
 * at exactly 0 splits evenly, which happens on a set of measure 0). */
static inline void win_probs(double x, double s, double *pd, double *pr)
{
  if (s > 0.0) {
    double t = x / s * M_SQRT1_2;
    *pd = 0.5 * erfc(-t);
    *pr = 0.5 * erfc(t);
  } else {
    *pd = x > 0.0 ? 1.0 : x < 0.0 ? 0.0 : 0.5;
    *pr = 1.0 - *pd;
  }
}

/*---- Exact method ------------------------------------------------------*/

typedef struct rule {
  size_t n;
  double *x, *w;
  size_t cap; /* allocated entries (n may shrink: rule_prune) */
} rule;

static void rule_free(const tly_allocator *al, rule *r)
{
  tly__free(al, r->x, r->cap * sizeof(double));
  tly__free(al, r->w, r->cap * sizeof(double));
  r->x = r->w = NULL;
  r->n = 0;
  r->cap = 0;
}

/* Drops nodes from the ends of r (Gauss-Hermite weights fall off
 * monotonically towards both ends) while their weights sum to at most
 * budget; returns the sum dropped. Probabilities are at most 1, so a
 * dropped node moves a weighted sum by at most its weight. */
static double rule_prune(rule *r, double budget)
{
  size_t lo = 0, hi = r->n;
  double dropped = 0.0;
  while (hi - lo > 1) {
    bool left = r->w[lo] <= r->w[hi - 1];
    double w = left ? r->w[lo] : r->w[hi - 1];
    if (dropped + w > budget)
      break;
    dropped += w;
    if (left)
      lo++;
    else
      hi--;
  }
  if (lo > 0) {
    memmove(r->x, r->x + lo, (hi - lo) * sizeof(double));
    memmove(r->w, r->w + lo, (hi - lo) * sizeof(double));
  }
  r->n = hi - lo;
  return dropped;
}

/* The n-point rule of kind; n = 0 gives the one-point rule at 0 (for a
 * factor that is absent). */
static tly_status rule_make(const tly_allocator *al, tly__quad_kind kind,
                            size_t n, double alpha, rule *r, tly_error *err)
{
  size_t m = n == 0 ? 1 : n;
  r->n = m;
  r->cap = m;
  r->x = tly__calloc(al, m, sizeof(double));
  r->w = tly__calloc(al, m, sizeof(double));
  double *work = tly__calloc(al, 2 * m, sizeof(double));
  tly_status s = TLY_OK;
  if (r->x == NULL || r->w == NULL || work == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  } else if (n == 0) {
    r->x[0] = kind == TLY__QUAD_LAGUERRE ? alpha + 1.0 : 0.0;
    r->w[0] = 1.0;
  } else if (!tly__gauss_rule(kind, n, alpha, r->x, r->w, work)) {
    s = tly__fail(err, TLY_ERANGE, "quadrature rule did not converge");
  }
  tly__free(al, work, 2 * m * sizeof(double));
  if (s != TLY_OK)
    rule_free(al, r);
  return s;
}

/* The rule for s = 1/g = sqrt(W / (df - 2)), W ~ chi-square(df): the
 * trapezoid rule in t = log s with step h. Results depend smoothly on s
 * but have features at every scale near s = 0 (a unit far from 1/2 turns
 * over there), which a Laguerre rule in W resolves only with hundreds of
 * nodes; in t those features are evenly spread, and the trapezoid rule on
 * the whole line converges geometrically for such analytic integrands.
 * The density of t is f_W(w) 2w with w = (df - 2) e^(2t); nodes run out
 * to where it falls below e^-46 (1e-20) of its peak (at w = df), and the
 * weights are normalised to sum to 1. */
/* The nodes of mix_rule (step h): their number, and the first in *tlo_out. */
static size_t mix_span(double h, double df, double *tlo_out)
{
  double k = df / 2.0;
  double tpeak = 0.5 * log(df / (df - 2.0));
  double lpeak = k * log(df) - df / 2.0;
  double tlo = tpeak, thi = tpeak;
  for (;;) { /* log density up to constants: k log w - w / 2 */
    double w = (df - 2.0) * exp(2.0 * tlo);
    if (k * log(w) - w / 2.0 < lpeak - 46.0)
      break;
    tlo -= h;
  }
  for (;;) {
    double w = (df - 2.0) * exp(2.0 * thi);
    if (k * log(w) - w / 2.0 < lpeak - 46.0)
      break;
    thi += h;
  }
  *tlo_out = tlo;
  return (size_t)((thi - tlo) / h + 0.5) + 1;
}

static tly_status mix_rule(const tly_allocator *al, double h, double df,
                           rule *r, tly_error *err)
{
  if (df == 0.0) { /* normal errors: the one node s = 1 */
    tly_status st = rule_make(al, TLY__QUAD_HERMITE, 0, 0.0, r, err);
    if (st == TLY_OK)
      r->x[0] = 1.0;
    return st;
  }
  double k = df / 2.0;
  double lpeak = k * log(df) - df / 2.0;
  double tlo;
  size_t n = mix_span(h, df, &tlo);
  r->n = n;
  r->cap = n;
  r->x = tly__calloc(al, n, sizeof(double));
  r->w = tly__calloc(al, n, sizeof(double));
  if (r->x == NULL || r->w == NULL) {
    rule_free(al, r);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  double sum = 0.0;
  for (size_t j = 0; j < n; j++) {
    double t = tlo + (double)j * h;
    double w = (df - 2.0) * exp(2.0 * t);
    r->x[j] = exp(t);
    r->w[j] = exp(k * log(w) - w / 2.0 - lpeak);
    sum += r->w[j];
  }
  for (size_t j = 0; j < n; j++)
    r->w[j] /= sum;
  return TLY_OK;
}

/*---- Decided units: piecewise rules ----------------------------------*/

/* A unit with sd 0 is decided by the factors alone: it goes to the
 * Democrat where mu s + national + regional > 0, a step in the innermost
 * factor it depends on. Gauss-Hermite rules converge slowly (and wrongly:
 * 68.65 % for the 69.15 % of Phi(0.5)) across a step, so for a factor
 * with steps the domain [-ZMAX, ZMAX] is split at them and each piece
 * gets its own Gauss-Legendre rule, weighted by the normal density: the
 * integrand is smooth on each piece and each rule converges
 * geometrically. Mass beyond +-ZMAX, 2 Phi(-8.3) = 1.0e-16, is left out
 * and counted in the error. */
#define ZMAX 8.3
#define N_LEG 11 /* Legendre rules of 4, 8, ..., 4096 nodes */

typedef struct legs {
  rule r[N_LEG];
} legs;

/* The index of the smallest rule of at least `want` nodes (the largest
 * when none is). */
static size_t leg_index(double want)
{
  size_t li = 0;
  while (li + 1 < N_LEG && (double)((size_t)4 << li) < want)
    li++;
  return li;
}

/* Makes the Legendre rules up to the one of at least `budget` nodes. */
static tly_status legs_need(const tly_allocator *al, legs *lg, size_t budget,
                            tly_error *err)
{
  size_t top = leg_index((double)budget);
  for (size_t li = 0; li <= top; li++) {
    if (lg->r[li].n > 0)
      continue;
    tly_status s = rule_make(al, TLY__QUAD_LEGENDRE, (size_t)4 << li, 0.0,
                             &lg->r[li], err);
    if (s != TLY_OK)
      return s;
  }
  return TLY_OK;
}

static void legs_free(const tly_allocator *al, legs *lg)
{
  for (size_t li = 0; li < N_LEG; li++)
    rule_free(al, &lg->r[li]);
}

/* Nodes of the pieces of a rule with `budget` nodes over [-ZMAX, ZMAX]:
 * at most 4 (k + 1) + 2 budget for k steps. */
static size_t pw_cap(size_t k, size_t budget)
{
  return 4 * (k + 1) + 2 * budget;
}

/* The rule for E[f(Z)], Z standard normal, where f steps at steps[0..k)
 * (ascending; those outside [-ZMAX, ZMAX] change nothing there): each
 * piece between steps gets a Legendre rule of about budget x its share of
 * [-ZMAX, ZMAX] nodes (at least 4; the rules needed must exist, see
 * legs_need), into x and w (pw_cap entries); returns the node count. */
static size_t pw_rule(const legs *lg, const double *steps, size_t k,
                      size_t budget, double *x, double *w)
{
  size_t n = 0;
  double lo = -ZMAX;
  for (size_t j = 0; j <= k; j++) {
    double hi = j < k && steps[j] < ZMAX ? steps[j] : ZMAX;
    if (!(hi > lo))
      continue; /* a step below -ZMAX, or a repeated one */
    double half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
    const rule *r =
        &lg->r[leg_index((double)budget * half / ZMAX)];
    for (size_t q = 0; q < r->n; q++) {
      double z = mid + half * r->x[q];
      x[n] = z;
      w[n] = half * r->w[q] * exp(-0.5 * z * z) * (0.5 * M_2_SQRTPI *
                                                   M_SQRT1_2);
      n++;
    }
    lo = hi;
  }
  return n;
}

/* The mass pw_rule leaves out: 2 Phi(-ZMAX). */
static double pw_tail(void)
{
  return erfc(ZMAX * M_SQRT1_2);
}

/* What the exact method's passes share: the decided units, grouped as
 * the groups are and ordered by mean descending (so that their steps,
 * -(mu s + shift) / sd of the factor, come ascending), and the
 * Legendre rules. */
typedef struct exact_ctx {
  size_t *dec;       /* decided units by group */
  size_t *dec_start; /* n_groups + 1: offsets into dec[] */
  size_t kmax;       /* most decided units in a group with a factor */
  size_t reg_budget; /* regional pieces: 2 x the Hermite rule's nodes */
  legs lg;
  bool (*cancel)(void *ud); /* the caller's hook, or NULL */
  void *cancel_ud;
} exact_ctx;

/* The (mixing node, national node) pairs of a pass, in order. */
typedef struct pairs {
  size_t n, cap;
  double *sc, *z, *w; /* the scale s, the national node, the weight */
} pairs;

typedef struct exact_ws {
  size_t *gstart;   /* n_groups + 1: offsets into order[] */
  size_t *order;    /* units grouped by region */
  int64_t *gev;     /* electors per group */
  size_t *goff;     /* n_groups + 1: offsets into gd[] */
  double *gd;       /* each group's EV distribution */
  double *gmass;    /* each group's P(given outcomes) */
  double *gnum;     /* per unit: E[p_i * P(given in its group)] */
  double *pu;       /* per unit P(D) at the current node */
  double *tmp, *tmp2; /* a group's convolution at one node (two buffers) */
  double *full, *full2; /* the whole convolution (total + 1) */
  double *pre, *suf;    /* products of gmass before / after a group */
  double *hist, *unit;  /* accumulators */
  double mass;
  double trim;          /* mass dropped from hist (exact_range) */
  size_t *glo, *glen;   /* the support of each group's gd at a node */
  double *rx, *rw, *st; /* a piecewise regional rule and its steps */
  size_t rcap, kcap;    /* their capacities */
  bool cancelled;       /* the caller's hook said stop */
} exact_ws;

/* Four doubles in GCC's vector extension (two SSE2 registers on the
 * x86-64 baseline): the same IEEE operations per element as the scalar
 * loops they replace, so results do not change. */
typedef double f64x4e __attribute__((vector_size(32), aligned(8)));

/* Compiled for AVX-512 and the baseline, chosen at load time (the same
 * element operations either way). */
/* Not under ThreadSanitizer: the clones' ifunc selector runs before
 * TSan's runtime is up and crashes it. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&     \
    !defined(__SANITIZE_THREAD__)
#define TLY_CLONES __attribute__((target_clones("avx512f", "default")))
#else
#define TLY_CLONES
#endif

/* dst[k] = x[k] * a + y[k] * b for k < n. */
TLY_CLONES static void lin2(double *restrict dst, const double *restrict x, double a,
                 const double *restrict y, double b, size_t n)
{
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    f64x4e vx, vy;
    memcpy(&vx, x + k, sizeof vx);
    memcpy(&vy, y + k, sizeof vy);
    f64x4e r = vx * a + vy * b;
    memcpy(dst + k, &r, sizeof r);
  }
  for (; k < n; k++)
    dst[k] = x[k] * a + y[k] * b;
}

/* dst[k] += a * x[k] for k < n. */
TLY_CLONES static void axpy(double *restrict dst, double a, const double *restrict x,
                 size_t n)
{
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    f64x4e vd, vx;
    memcpy(&vd, dst + k, sizeof vd);
    memcpy(&vx, x + k, sizeof vx);
    vd += a * vx;
    memcpy(dst + k, &vd, sizeof vd);
  }
  for (; k < n; k++)
    dst[k] += a * x[k];
}

/* Adds one unit to the defective EV distribution src[0..len) into dst:
 * dst[k] = src[k] q + src[k - e] p, restricted to the given outcome;
 * returns len + e. Three loops with no branch inside, the middle one
 * (where both terms are present) in lin2's vectors; the arithmetic per
 * element is the same in each. */
static size_t conv_unit(const double *restrict src, double *restrict dst,
                        size_t len, size_t e, double pd, double pr,
                        int8_t given)
{
  if (given > 0)
    pr = 0.0;
  else if (given < 0)
    pd = 0.0;
  size_t nl = len + e;
  size_t a = e < len ? e : len;
  for (size_t k = 0; k < a; k++)
    dst[k] = src[k] * pr;
  if (e <= len) {
    lin2(dst + e, src + e, pr, src, pd, len - e);
    for (size_t k = len; k < nl; k++)
      dst[k] = src[k - e] * pd;
  } else {
    for (size_t k = len; k < e; k++)
      dst[k] = 0.0;
    for (size_t k = e; k < nl; k++)
      dst[k] = src[k - e] * pd;
  }
  return nl;
}

/* win_probs with one erfc: the smaller probability from erfc (full
 * relative accuracy in the tail), the larger as 1 minus it (it is at
 * least 1/2, so the subtraction loses nothing beyond an ulp). */
static inline void win_probs1(double x, double s, double *pd, double *pr)
{
  if (s > 0.0) {
    double t = x / s * M_SQRT1_2;
    if (t >= 0.0) {
      *pr = 0.5 * erfc(t);
      *pd = 1.0 - *pr;
    } else {
      *pd = 0.5 * erfc(-t);
      *pr = 1.0 - *pd;
    }
  } else {
    win_probs(x, s, pd, pr);
  }
}

/* Drops the ends of the defective distribution d[0..*len) whose mass is
 * at most eps on each side (keeping one entry); returns the mass dropped
 * and sets *skip to the entries dropped at the low end. */
static double trim_ends(const double *d, size_t *len, size_t *skip,
                        double eps)
{
  size_t s0 = 0, e0 = *len;
  double lo = 0.0, hi = 0.0;
  while (e0 - s0 > 1 && lo + d[s0] <= eps)
    lo += d[s0++];
  while (e0 - s0 > 1 && hi + d[e0 - 1] <= eps)
    hi += d[--e0];
  *skip = s0;
  *len = e0 - s0;
  return lo + hi;
}

/* The part of one pass of the exact method over the (mixing node,
 * national node) pairs lo..hi-1 of pr, with the rule reg for the
 * regional factors (piecewise in a group with decided units),
 * accumulated from zero into ws. Every distribution is
 * kept on its support (an offset and a length), and after each
 * convolution ends of mass at most eps are dropped (units all but sure
 * of their side only shift it); the dropped mass, weighted as the
 * result is, goes into ws->trim: it bounds the change to every entry of
 * ws->hist (convolving with and mixing sub-probability distributions
 * never increases a total mass), and nothing else is touched. */
static void exact_range(const prep *p, const exact_ctx *cx,
                        const pairs *pa, const rule *reg, exact_ws *ws,
                        size_t lo, size_t hi, double eps)
{
  size_t total = (size_t)p->total;
  size_t ng = p->n_groups;
  memset(ws->hist, 0, (total + 1) * sizeof(double));
  memset(ws->unit, 0, p->n * sizeof(double));
  ws->mass = 0.0;
  ws->trim = 0.0;
  ws->cancelled = false;
  for (size_t ab = lo; ab < hi; ab++) {
    if (cx->cancel != NULL && cx->cancel(cx->cancel_ud)) {
      ws->cancelled = true;
      return;
    }
    /* With Student-t errors every error is multiplied by g; dividing the
     * margin by g instead, the mean is scaled by s = 1/g (pa->sc). */
    double sc = pa->sc[ab];
    double wab = pa->w[ab];
    double shift_n = p->sn * pa->z[ab];
    double trim = 0.0; /* at this node, before the weight wab */
    for (size_t gi = 0; gi < ng; gi++) {
      bool has_factor = gi < p->n_regions;
      const rule *rr = has_factor ? reg : NULL;
      rule pw;
      size_t n_dec = cx->dec_start[gi + 1] - cx->dec_start[gi];
      if (has_factor && n_dec > 0) { /* steps in this region's factor */
        for (size_t j = 0; j < n_dec; j++) {
          size_t i = cx->dec[cx->dec_start[gi] + j];
          ws->st[j] = -(p->mu[i] * sc + shift_n) / p->sr;
        }
        pw.x = ws->rx;
        pw.w = ws->rw;
        pw.n = pw_rule(&cx->lg, ws->st, n_dec, cx->reg_budget, pw.x, pw.w);
        pw.cap = 0;
        rr = &pw;
        trim += pw_tail();
      }
      size_t nr = has_factor ? rr->n : 1;
      double *gd = ws->gd + ws->goff[gi];
      size_t glen = (size_t)ws->gev[gi] + 1;
      size_t glo = glen, ghi = 0; /* the support of gd */
      memset(gd, 0, glen * sizeof(double));
      ws->gmass[gi] = 0.0;
      for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++)
        ws->gnum[ws->order[q]] = 0.0;
      for (size_t c = 0; c < nr; c++) {
        double wr = has_factor ? rr->w[c] : 1.0;
        double shift = shift_n + (has_factor ? p->sr * rr->x[c] : 0.0);
        size_t len = 1, off = 0;
        double mq = 1.0, cut = 0.0;
        double *cur = ws->tmp, *nxt = ws->tmp2;
        cur[0] = 1.0;
        for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++) {
          size_t i = ws->order[q];
          double pd, pr;
          win_probs1(p->mu[i] * sc + shift, p->sd[i], &pd, &pr);
          int8_t gv = p->given != NULL ? p->given[i] : 0;
          len = conv_unit(cur, nxt, len, (size_t)p->ev[i], pd, pr, gv);
          size_t skip;
          cut += trim_ends(nxt, &len, &skip, eps);
          off += skip;
          cur = nxt + skip;
          nxt = nxt == ws->tmp ? ws->tmp2 : ws->tmp;
          ws->pu[i] = pd;
          if (gv > 0)
            mq *= pd;
          else if (gv < 0)
            mq *= pr;
        }
        for (size_t k = 0; k < len; k++)
          gd[off + k] += wr * cur[k];
        if (off < glo)
          glo = off;
        if (off + len > ghi)
          ghi = off + len;
        trim += wr * cut;
        ws->gmass[gi] += wr * mq;
        for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++) {
          size_t i = ws->order[q];
          ws->gnum[i] += wr * ws->pu[i] * mq;
        }
      }
      size_t gl = ghi - glo, skip;
      trim += trim_ends(gd + glo, &gl, &skip, eps);
      ws->glo[gi] = glo + skip;
      ws->glen[gi] = gl;
    }
    /* Convolve the groups, which are independent given this node. */
    size_t flen = 1, foff = 0;
    double *full = ws->full, *full2 = ws->full2; /* full2: the other base */
    full[0] = 1.0;
    for (size_t gi = 0; gi < ng; gi++) {
      const double *gd = ws->gd + ws->goff[gi] + ws->glo[gi];
      size_t gl = ws->glen[gi];
      foff += ws->glo[gi];
      if (gl == 1) {
        for (size_t k = 0; k < flen; k++)
          full[k] *= gd[0];
        continue;
      }
      size_t nl = flen + gl - 1;
      memset(full2, 0, nl * sizeof(double));
      for (size_t k = 0; k < flen; k++) {
        double fk = full[k];
        if (fk == 0.0)
          continue;
        axpy(full2 + k, fk, gd, gl);
      }
      size_t skip;
      trim += trim_ends(full2, &nl, &skip, eps);
      foff += skip;
      double *nb = full2;
      full = full2 + skip;
      full2 = nb == ws->full ? ws->full2 : ws->full;
      flen = nl;
    }
    for (size_t k = 0; k < flen; k++)
      ws->hist[foff + k] += wab * full[k];
    ws->trim += wab * trim;
    ws->pre[0] = 1.0;
    for (size_t gi = 0; gi < ng; gi++)
      ws->pre[gi + 1] = ws->pre[gi] * ws->gmass[gi];
    ws->suf[ng] = 1.0;
    for (size_t gi = ng; gi-- > 0;)
      ws->suf[gi] = ws->suf[gi + 1] * ws->gmass[gi];
    ws->mass += wab * ws->pre[ng];
    for (size_t gi = 0; gi < ng; gi++) {
      double others = ws->pre[gi] * ws->suf[gi + 1];
      for (size_t q = ws->gstart[gi]; q < ws->gstart[gi + 1]; q++) {
        size_t i = ws->order[q];
        ws->unit[i] += wab * ws->gnum[i] * others;
      }
    }
  }
}

/* The pairs are split into EXACT_PARTS fixed contiguous parts, each
 * summed in order into its own workspace and the parts then added in
 * order, whatever the number of threads: the result never depends on
 * it. */
#define EXACT_PARTS 2

typedef struct exact_job {
  const prep *p;
  const exact_ctx *cx;
  const pairs *pr;
  const rule *reg;
  exact_ws *ws;
  size_t lo, hi;
  double eps;
} exact_job;

static void *exact_job_run(void *arg)
{
  exact_job *j = arg;
  exact_range(j->p, j->cx, j->pr, j->reg, j->ws, j->lo, j->hi, j->eps);
  return NULL;
}

/* One pass of the exact method: ws[0] receives the sums. */
static void exact_pass(const prep *p, const exact_ctx *cx, const pairs *pr,
                       const rule *reg, exact_ws *ws, int threads,
                       double eps)
{
  size_t np = pr->n;
  exact_job jobs[EXACT_PARTS];
  tly__thread th[EXACT_PARTS];
  bool live[EXACT_PARTS];
  for (size_t k = 0; k < EXACT_PARTS; k++) {
    jobs[k] = (exact_job){p, cx, pr, reg, &ws[k], np * k / EXACT_PARTS,
                          np * (k + 1) / EXACT_PARTS, eps};
    live[k] = false;
  }
  for (size_t k = 1; k < EXACT_PARTS; k++)
    live[k] = (size_t)threads > k &&
              tly__thread_start(&th[k], exact_job_run, &jobs[k]) == 0;
  exact_job_run(&jobs[0]);
  for (size_t k = 1; k < EXACT_PARTS; k++) {
    if (live[k])
      tly__thread_join(th[k]);
    else
      exact_job_run(&jobs[k]); /* no thread: run it here */
  }
  size_t t1 = (size_t)p->total + 1;
  for (size_t k = 1; k < EXACT_PARTS; k++) {
    for (size_t i = 0; i < t1; i++)
      ws[0].hist[i] += ws[k].hist[i];
    for (size_t i = 0; i < p->n; i++)
      ws[0].unit[i] += ws[k].unit[i];
    ws[0].mass += ws[k].mass;
    ws[0].trim += ws[k].trim;
    ws[0].cancelled |= ws[k].cancelled;
  }
}

static void exact_ws_free(const tly_allocator *al, exact_ws *ws,
                          const prep *p)
{
  size_t ng = p->n_groups;
  size_t t1 = (size_t)p->total + 1;
  tly__free(al, ws->gstart, (ng + 1) * sizeof(size_t));
  tly__free(al, ws->order, p->n * sizeof(size_t));
  tly__free(al, ws->gev, ng * sizeof(int64_t));
  tly__free(al, ws->goff, (ng + 1) * sizeof(size_t));
  tly__free(al, ws->gd, (t1 + ng) * sizeof(double));
  tly__free(al, ws->gmass, ng * sizeof(double));
  tly__free(al, ws->gnum, p->n * sizeof(double));
  tly__free(al, ws->pu, p->n * sizeof(double));
  tly__free(al, ws->tmp, t1 * sizeof(double));
  tly__free(al, ws->tmp2, t1 * sizeof(double));
  tly__free(al, ws->full, t1 * sizeof(double));
  tly__free(al, ws->full2, t1 * sizeof(double));
  tly__free(al, ws->pre, (ng + 1) * sizeof(double));
  tly__free(al, ws->suf, (ng + 1) * sizeof(double));
  tly__free(al, ws->hist, t1 * sizeof(double));
  tly__free(al, ws->unit, p->n * sizeof(double));
  tly__free(al, ws->glo, ng * sizeof(size_t));
  tly__free(al, ws->glen, ng * sizeof(size_t));
  tly__free(al, ws->rx, ws->rcap * sizeof(double));
  tly__free(al, ws->rw, ws->rcap * sizeof(double));
  tly__free(al, ws->st, ws->kcap * sizeof(double));
}

/* Whether unit i is surer of its side than unit j (an sd of 0 is
 * surest; ties go to the smaller index). */
static bool surer(const prep *p, size_t i, size_t j)
{
  double zi = p->sd[i] > 0.0 ? fabs(p->mu[i]) / p->sd[i] : INFINITY;
  double zj = p->sd[j] > 0.0 ? fabs(p->mu[j]) / p->sd[j] : INFINITY;
  if (zi != zj)
    return zi > zj;
  return i < j;
}

/* The most levels a factor's rule is refined by (16 << 7 nodes). */
#define MAX_LEV 7

static tly_status exact_ws_make(const tly_allocator *al, const prep *p,
                                const exact_ctx *cx, exact_ws *ws,
                                tly_error *err)
{
  memset(ws, 0, sizeof *ws);
  size_t ng = p->n_groups;
  size_t t1 = (size_t)p->total + 1;
  ws->gstart = tly__calloc(al, ng + 1, sizeof(size_t));
  ws->order = tly__calloc(al, p->n, sizeof(size_t));
  ws->gev = tly__calloc(al, ng, sizeof(int64_t));
  ws->goff = tly__calloc(al, ng + 1, sizeof(size_t));
  ws->gd = tly__calloc(al, t1 + ng, sizeof(double));
  ws->gmass = tly__calloc(al, ng, sizeof(double));
  ws->gnum = tly__calloc(al, p->n, sizeof(double));
  ws->pu = tly__calloc(al, p->n, sizeof(double));
  ws->tmp = tly__calloc(al, t1, sizeof(double));
  ws->tmp2 = tly__calloc(al, t1, sizeof(double));
  ws->full = tly__calloc(al, t1, sizeof(double));
  ws->full2 = tly__calloc(al, t1, sizeof(double));
  ws->pre = tly__calloc(al, ng + 1, sizeof(double));
  ws->suf = tly__calloc(al, ng + 1, sizeof(double));
  ws->hist = tly__calloc(al, t1, sizeof(double));
  ws->unit = tly__calloc(al, p->n, sizeof(double));
  ws->glo = tly__calloc(al, ng, sizeof(size_t));
  ws->glen = tly__calloc(al, ng, sizeof(size_t));
  if (cx->kmax > 0) {
    ws->rcap = pw_cap(cx->kmax, (size_t)32 << MAX_LEV);
    ws->kcap = cx->kmax;
    ws->rx = tly__calloc(al, ws->rcap, sizeof(double));
    ws->rw = tly__calloc(al, ws->rcap, sizeof(double));
    ws->st = tly__calloc(al, ws->kcap, sizeof(double));
    if (!ws->rx || !ws->rw || !ws->st) {
      exact_ws_free(al, ws, p);
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    }
  }
  if (!ws->glo || !ws->glen ||
      !ws->gstart || !ws->order || !ws->gev || !ws->goff || !ws->gd ||
      !ws->gmass || !ws->gnum || !ws->pu || !ws->tmp || !ws->tmp2 ||
      !ws->full ||
      !ws->full2 || !ws->pre || !ws->suf || !ws->hist || !ws->unit) {
    exact_ws_free(al, ws, p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  size_t q = 0;
  for (size_t gi = 0; gi < ng; gi++) {
    ws->gstart[gi] = q;
    for (size_t i = 0; i < p->n; i++) {
      if ((size_t)p->grp[i] == gi || (gi == ng - 1 && p->grp[i] < 0)) {
        ws->order[q++] = i;
        ws->gev[gi] += p->ev[i];
      }
    }
  }
  ws->gstart[ng] = q;
  /* Within a group the surest units come first (largest |mean| / sd,
   * ties by index): they mostly shift the distribution, whose ends are
   * then trimmed, so it widens only with the close units, at the end. */
  for (size_t gi = 0; gi < ng; gi++) {
    for (size_t x = ws->gstart[gi] + 1; x < ws->gstart[gi + 1]; x++) {
      size_t u = ws->order[x];
      size_t y = x;
      while (y > ws->gstart[gi] && surer(p, u, ws->order[y - 1])) {
        ws->order[y] = ws->order[y - 1];
        y--;
      }
      ws->order[y] = u;
    }
  }
  ws->goff[0] = 0;
  for (size_t gi = 0; gi < ng; gi++)
    ws->goff[gi + 1] = ws->goff[gi] + (size_t)ws->gev[gi] + 1;
  return TLY_OK;
}

/* The tolerance on every probability the exact method reports: more nodes
 * change nothing printed (percentages to 2 decimals, JSON to 12 digits of
 * anything above 1e-10). */
#define EXACT_TOL 1e-11

static void ctx_free(const tly_allocator *al, exact_ctx *cx, const prep *p)
{
  tly__free(al, cx->dec, (p->n + 1) * sizeof(size_t));
  tly__free(al, cx->dec_start, (p->n_groups + 1) * sizeof(size_t));
  legs_free(al, &cx->lg);
}

/* The decided units (sd 0) of each group, by mean descending (ties by
 * index). */
static tly_status ctx_make(const tly_allocator *al, const prep *p,
                           exact_ctx *cx, tly_error *err)
{
  memset(cx, 0, sizeof *cx);
  size_t ng = p->n_groups;
  cx->dec = tly__calloc(al, p->n + 1, sizeof(size_t));
  cx->dec_start = tly__calloc(al, ng + 1, sizeof(size_t));
  if (cx->dec == NULL || cx->dec_start == NULL) {
    ctx_free(al, cx, p);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  size_t q = 0;
  for (size_t gi = 0; gi < ng; gi++) {
    cx->dec_start[gi] = q;
    for (size_t i = 0; i < p->n; i++) {
      bool in = (size_t)p->grp[i] == gi || (gi == ng - 1 && p->grp[i] < 0);
      if (!in || p->sd[i] > 0.0)
        continue;
      size_t y = q++;
      while (y > cx->dec_start[gi] && p->mu[cx->dec[y - 1]] < p->mu[i]) {
        cx->dec[y] = cx->dec[y - 1];
        y--;
      }
      cx->dec[y] = i;
    }
    size_t k = q - cx->dec_start[gi];
    if (gi < p->n_regions && k > cx->kmax)
      cx->kmax = k;
  }
  cx->dec_start[ng] = q;
  return TLY_OK;
}

static void pairs_free(const tly_allocator *al, pairs *pr)
{
  tly__free(al, pr->sc, pr->cap * sizeof(double));
  tly__free(al, pr->z, pr->cap * sizeof(double));
  tly__free(al, pr->w, pr->cap * sizeof(double));
  memset(pr, 0, sizeof *pr);
}

/* The pairs of a pass: each mixing node with the national rule nat, or,
 * when units without a regional factor are decided, with the piecewise
 * rule of `budget` nodes at their steps -mu s / sn for that node's s. */
static tly_status pairs_make(const tly_allocator *al, const prep *p,
                             const exact_ctx *cx, const rule *mix,
                             const rule *nat, size_t budget, pairs *pr,
                             tly_error *err)
{
  size_t g = p->n_groups - 1; /* the group without a factor */
  size_t k = cx->dec_start[g + 1] - cx->dec_start[g];
  bool pw = p->sn > 0.0 && k > 0;
  size_t per = pw ? pw_cap(k, budget) : nat->n;
  double *x = NULL, *w = NULL, *st = NULL;
  pairs_free(al, pr);
  pr->cap = mix->n * per;
  pr->sc = tly__calloc(al, pr->cap, sizeof(double));
  pr->z = tly__calloc(al, pr->cap, sizeof(double));
  pr->w = tly__calloc(al, pr->cap, sizeof(double));
  if (pw) {
    x = tly__calloc(al, per, sizeof(double));
    w = tly__calloc(al, per, sizeof(double));
    st = tly__calloc(al, k, sizeof(double));
  }
  tly_status s = TLY_OK;
  if (!pr->sc || !pr->z || !pr->w || (pw && (!x || !w || !st))) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (size_t a = 0; a < mix->n; a++) {
    const double *nx = nat->x, *nw = nat->w;
    size_t nn = nat->n;
    if (pw) {
      for (size_t j = 0; j < k; j++)
        st[j] = -(p->mu[cx->dec[cx->dec_start[g] + j]] * mix->x[a]) / p->sn;
      nn = pw_rule(&cx->lg, st, k, budget, x, w);
      nx = x;
      nw = w;
    }
    for (size_t b = 0; b < nn; b++) {
      pr->sc[pr->n] = mix->x[a];
      pr->z[pr->n] = nx[b];
      pr->w[pr->n] = mix->w[a] * nw[b];
      pr->n++;
    }
  }
done:
  tly__free(al, x, per * sizeof(double));
  tly__free(al, w, per * sizeof(double));
  tly__free(al, st, k * sizeof(double));
  if (s != TLY_OK)
    pairs_free(al, pr);
  return s;
}

tly_status tly__forecast_exact(const tly_forecast_model *m, const prep *p,
                               const tly_forecast_opts *o, tly_forecast *f,
                               tly_error *err)
{
  int threads = o->threads;
  const tly_allocator *al = &m->al;
  exact_ws wss[EXACT_PARTS];
  size_t made = 0;
  exact_ctx cx;
  pairs pr = {0};
  tly_status s = ctx_make(al, p, &cx, err);
  if (s != TLY_OK)
    return s;
  cx.cancel = o->cancel;
  cx.cancel_ud = o->cancel_ud;
  size_t g_nat = p->n_groups - 1;
  bool pw_nat = p->sn > 0.0 && cx.dec_start[g_nat + 1] > cx.dec_start[g_nat];
  for (; made < EXACT_PARTS; made++) {
    s = exact_ws_make(al, p, &cx, &wss[made], err);
    if (s != TLY_OK)
      break;
  }
  exact_ws *wsp = wss;
  size_t t1 = (size_t)p->total + 1;
  double *prev = NULL;
  rule mix = {0}, nat = {0}, reg = {0};
  if (s != TLY_OK)
    goto done;
  prev = tly__calloc(al, t1 + p->n, sizeof(double));
  if (prev == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  /* Each factor's rule is refined on its own (national, regional, then
   * the Student-t scale, in turn), doubling its nodes until doing so
   * moves no probability by more than the tolerance; the error reported
   * is the largest last change. A work bound keeps nested rules
   * affordable. */
  bool active[3] = {p->sn > 0.0, p->n_regions > 0, p->df > 0.0};
  bool done_d[3] = {!active[0], !active[1], !active[2]};
  double last[3] = {0.0, 0.0, 0.0};
  int lev[3] = {0, 0, 0};
  bool first = true;
  int d = 0;
  double prune_err = 0.0, mass_prev = 0.0;
  for (;;) {
    size_t nh = (size_t)16 << lev[0];
    size_t nr = (size_t)16 << lev[1];
    double h = 0.8 / (double)(1 << lev[2]);
    rule_free(al, &mix);
    rule_free(al, &nat);
    rule_free(al, &reg);
    s = mix_rule(al, h, p->df, &mix, err);
    if (s == TLY_OK)
      s = rule_make(al, TLY__QUAD_HERMITE, active[0] ? nh : 0, 0.0, &nat,
                    err);
    if (s == TLY_OK)
      s = rule_make(al, TLY__QUAD_HERMITE, active[1] ? nr : 0, 0.0, &reg,
                    err);
    if (s != TLY_OK)
      goto done;
    /* Nodes whose weights are negligible are left out: the joint weight
     * left out is at most S = dropped national + regions x dropped
     * regional, and it moves each reported probability (a ratio of sums
     * over the nodes, numerator at most the denominator) by at most S
     * over the mass kept, which is added to the error reported. The
     * budget uses the mass of the previous pass (none on the first). */
    double budget = 1e-3 * EXACT_TOL * mass_prev /
                    (double)(1 + p->n_regions);
    double dropped = pw_nat ? pw_tail() : rule_prune(&nat, budget);
    dropped += (double)p->n_regions * rule_prune(&reg, budget);
    /* Piecewise rules for the factors with steps (decided units). */
    cx.reg_budget = 2 * nr;
    if (pw_nat || cx.kmax > 0) /* only decided units need them */
      s = legs_need(al, &cx.lg, 2 * (nh > nr ? nh : nr), err);
    if (s == TLY_OK)
      s = pairs_make(al, p, &cx, &mix, &nat, 2 * nh, &pr, err);
    if (s != TLY_OK)
      goto done;
    /* Likewise the ends of distributions dropped in the pass (their
     * total, ws.trim, bounds the change to any entry of the histogram). */
    exact_pass(p, &cx, &pr, &reg, wsp, threads, 1e-17 * mass_prev);
    exact_ws ws = wsp[0];
    if (ws.cancelled) {
      s = tly__fail(err, TLY_ECANCELED, "the forecast was cancelled");
      goto done;
    }
    if (!(ws.mass > 1e-300)) {
      s = tly__fail(err, TLY_ERANGE,
                    "the given outcomes have probability 0");
      goto done;
    }
    double diff = 0.0;
    for (size_t k = 0; k < t1; k++) {
      double v = ws.hist[k] / ws.mass;
      diff = fmax(diff, fabs(v - prev[k]));
      prev[k] = v;
    }
    for (size_t i = 0; i < p->n; i++) {
      double v = ws.unit[i] / ws.mass;
      diff = fmax(diff, fabs(v - prev[t1 + i]));
      prev[t1 + i] = v;
    }
    prune_err = (dropped + ws.trim) / ws.mass;
    mass_prev = ws.mass;
    f->nodes = active[0] ? (pw_nat ? pr.n / mix.n : nh)
               : active[1] ? nr : mix.n;
    if (!first) {
      last[d] = diff;
      if (diff <= EXACT_TOL)
        done_d[d] = true;
    }
    first = false;
    /* The next factor to refine, and whether it is affordable. */
    int next = -1;
    for (int j = 1; j <= 3 && next < 0; j++)
      if (!done_d[(d + j) % 3])
        next = (d + j) % 3;
    if (next < 0)
      break;
    double work = (double)nat.n * (double)reg.n * (double)mix.n * 2.0 *
                  (double)p->n;
    if (work > 3e7 || lev[next] >= MAX_LEV) {
      done_d[next] = true; /* give up on it; its last change stands */
      if (lev[next] == 0)
        last[next] = INFINITY;
      continue;
    }
    d = next;
    lev[d]++;
  }
  double best_err = fmax(last[0], fmax(last[1], last[2])) + prune_err;
  memcpy(f->hist, prev, t1 * sizeof(double));
  for (size_t i = 0; i < p->n; i++) {
    double v = prev[t1 + i];
    if (p->given != NULL && p->given[i] != 0)
      v = p->given[i] > 0 ? 1.0 : 0.0;
    f->unit_p[i] = v;
  }
  f->quad_error = best_err;
done:
  rule_free(al, &mix);
  rule_free(al, &nat);
  rule_free(al, &reg);
  tly__free(al, prev, (t1 + p->n) * sizeof(double));
  for (size_t k = 0; k < made; k++)
    exact_ws_free(al, &wss[k], p);
  pairs_free(al, &pr);
  ctx_free(al, &cx, p);
  return s;
}

/*---- The cost bound ----------------------------------------------------*/

/* The bound of tly_forecast_cost for the exact method, from the limits of
 * tly__forecast_exact's refinement: each factor's rule has at most
 * 16 << MAX_LEV nodes (a piecewise one pw_cap of twice that), the
 * Student-t rule the nodes of step 0.8 / 2^MAX_LEV, and a pass runs only
 * when the one before had at most 3e7 / 2 / n node tuples, so at most
 * about 3e7 / n (the first pass whatever its size). A pass costs, per node
 * tuple, each unit's convolution: at most its group's electors + 1
 * multiply-adds; the passes double, so all of them cost at most twice
 * the last. */
double tly__forecast_exact_cost(const tly_forecast_model *m,
                                const tly_forecast_opts *o)
{
  size_t n = m->n;
  if (n == 0)
    return 0.0;
  size_t nreg = o->region_sd > 0.0 ? m->n_regions : 0;
  double group_ev[MAX_REGIONS + 1] = {0};
  size_t group_dec[MAX_REGIONS + 1] = {0};
  for (size_t i = 0; i < n; i++) {
    int32_t r = m->region[i];
    size_t g = nreg > 0 && r >= 0 && (size_t)r < nreg ? (size_t)r : nreg;
    group_ev[g] += (double)m->u[i].electors;
    if (m->u[i].sd == 0.0)
      group_dec[g]++;
  }
  double width = 0.0; /* sum over units of their group's electors + 1 */
  size_t kmax = 0;
  for (size_t i = 0; i < n; i++) {
    int32_t r = m->region[i];
    size_t g = nreg > 0 && r >= 0 && (size_t)r < nreg ? (size_t)r : nreg;
    width += group_ev[g] + 1.0;
  }
  for (size_t g = 0; g < nreg; g++)
    if (group_dec[g] > kmax)
      kmax = group_dec[g];
  size_t top = (size_t)16 << MAX_LEV;
  double cn = 1.0, cn0 = 1.0, cr = 1.0, cr0 = 1.0, cm = 1.0, cm0 = 1.0;
  if (o->national_sd > 0.0) {
    size_t k = group_dec[nreg];
    cn = (double)(k > 0 ? pw_cap(k, 2 * top) : top);
    cn0 = (double)(k > 0 ? pw_cap(k, 32) : 16);
  }
  if (nreg > 0) {
    cr = (double)(kmax > 0 ? pw_cap(kmax, 2 * top) : top);
    cr0 = (double)(kmax > 0 ? pw_cap(kmax, 32) : 16);
  }
  if (o->df > 0.0) {
    double tlo;
    cm = (double)mix_span(0.8 / (double)(1 << MAX_LEV), o->df, &tlo);
    cm0 = (double)mix_span(0.8, o->df, &tlo);
  }
  double tuples = fmin(cn * cr * cm, fmax(cn0 * cr0 * cm0, 3e7 / (double)n));
  return 2.0 * tuples * width;
}
