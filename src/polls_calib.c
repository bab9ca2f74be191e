/*
 * polls_calib.c -- the error model of state polling averages, calibrated
 * on FiveThirtyEight's raw-polls (CC BY 4.0): the polls of the final 21
 * days of each race against the certified result. A state's error is one
 * cycle-wide bias shared by every race of the cycle (estimated from the
 * statewide races of the even years 1998 on: president by state, Senate,
 * governor) plus a state-specific part (presidential state averages about
 * their cycle's bias, 2000 on). The shared part's scale comes from few
 * cycles, so it is a Student-t with df = cycles: the posterior predictive
 * of a zero-mean normal bias with unknown variance (Jeffreys prior; Gelman
 * et al., Bayesian Data Analysis, 3rd ed., section 3.2). Units without
 * polls are calibrated on uniform swing in the built-in results (MEDSL).
 */
#include "csv.h"
#include "polls.h"
#include "scan.h"

#include <math.h>
#include <string.h>

#define FIRST_CYCLE 2000 /* raw-polls starts in 1998: 2000 is its first
                            presidential cycle */
#define MAX_CYCLES 8
#define FIRST_SHARED 1998 /* the first even year of raw-polls */
#define MAX_SHARED 16     /* even years 1998..2028 */

/* Per cycle: sum of errors, sum of squares, sum of the averages' other
 * shares (points for neither major candidate), count (states and DC, or
 * races). */
typedef struct {
  double sum, sum2, osum;
  int32_t n;
} acc;

/* A presidential state average of raw-polls, for the own sd's fit: its
 * error, its cycle (index into cyc), its pollster weight (sum over
 * pollsters of their share of its polls squared), its sampling variance
 * (points^2), its other share (points) and its number of polls. */
typedef struct {
  double e, w, sv, o;
  int32_t cyc, polls;
} avg_row;

#define MAX_ROWS (MAX_CYCLES * 56)


/* Reads data/polls_calib.csv (cycle,race,unit,polls,poll_share,
 * actual_share,pollster_weight,sampling_var,other) into per-cycle sums:
 * cyc for the presidential state averages of [FIRST_CYCLE, before), shr
 * for the statewide races
 * (presidential states and DC, Senate, governor) of the even years of
 * [FIRST_SHARED, before). */
static tly_status read_table(int before, acc *cyc, acc *shr, avg_row *rows,
                             int32_t *n_rows, tly_error *err)
{
  *n_rows = 0;
  size_t len = 0;
  const char *data = tly__data_file("polls_calib.csv", &len);
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA, "no built-in polls_calib.csv");
  tly__csv *c = NULL;
  tly_status s = tly__csv_open(NULL, "polls_calib.csv", data, len, 64, 9,
                               &c, err);
  if (s != TLY_OK)
    return s;
  bool eof = false;
  const tly__csv_field *f = NULL;
  size_t n = 0;
  s = tly__csv_next(c, &f, &n, &eof, err); /* the header */
  while (s == TLY_OK) {
    s = tly__csv_next(c, &f, &n, &eof, err);
    if (s != TLY_OK || eof)
      break;
    int64_t cycle = 0, polls = 0;
    double ps = 0, as = 0, pw = 0, sv = 0, ot = 0;
    if (n != 9 || tly__scan_i64(f[0].p, f[0].n, 1900, 2200, &cycle) != TLY_OK ||
        tly__scan_i64(f[3].p, f[3].n, 1, 100000, &polls) != TLY_OK ||
        tly__scan_double(f[4].p, f[4].n, &ps) != TLY_OK ||
        tly__scan_double(f[5].p, f[5].n, &as) != TLY_OK ||
        tly__scan_double(f[6].p, f[6].n, &pw) != TLY_OK ||
        tly__scan_double(f[7].p, f[7].n, &sv) != TLY_OK ||
        tly__scan_double(f[8].p, f[8].n, &ot) != TLY_OK || !(pw > 0) ||
        pw > 1 || !(sv > 0) || !(ot >= 0) || ot > 100) {
      s = tly__csv_fail(c, NULL, err, TLY_EPARSE, "malformed row");
      break;
    }
    bool pres = f[1].n == 4 && memcmp(f[1].p, "pres", 4) == 0;
    if (pres && memchr(f[2].p, '-', f[2].n) != NULL) /* districts: not in
                                                        the states' figures */
      continue;
    double e = ps - as;
    if (cycle >= FIRST_SHARED && cycle < before && cycle % 2 == 0 &&
        cycle < FIRST_SHARED + 2 * MAX_SHARED) {
      acc *a = &shr[(cycle - FIRST_SHARED) / 2];
      a->sum += e;
      a->sum2 += e * e;
      a->osum += ot;
      a->n++;
    }
    if (!pres || cycle < FIRST_CYCLE || cycle >= before || cycle % 4 != 0)
      continue;
    acc *a = &cyc[(cycle - FIRST_CYCLE) / 4];
    a->sum += e;
    a->sum2 += e * e;
    a->osum += ot;
    a->n++;
    if (*n_rows < MAX_ROWS) /* 296 presidential rows in all */
      rows[(*n_rows)++] =
          (avg_row){e, pw, sv, ot, (int32_t)((cycle - FIRST_CYCLE) / 4),
                    (int32_t)polls};
  }
  tly__csv_free(c);
  return s;
}

/* The sd of a state's two-party swing about the national two-party swing
 * over the elections y = FIRST_CYCLE .. before - 4 (each from y - 4),
 * states and DC, from the built-in MEDSL results; root mean square. */
static tly_status swing_sd(int before, tly_polls_calib *out, tly_error *err)
{
  double sum2 = 0;
  int32_t n = 0;
  out->swing_first = 0;
  out->swing_last = 0;
  tly_election *e0 = NULL, *e1 = NULL;
  for (int y = FIRST_CYCLE; y + 4 <= before; y += 4) {
    tly_status s = TLY_OK;
    if (e0 == NULL)
      s = tly_election_builtin(y - 4, TLY_SOURCE_MEDSL, NULL, &e0, err);
    if (s == TLY_OK)
      s = tly_election_builtin(y, TLY_SOURCE_MEDSL, NULL, &e1, err);
    if (s != TLY_OK) {
      tly_election_free(e0);
      return s;
    }
    /* National two-party shares: sums of the states' and DC's votes. */
    int64_t d0 = 0, r0 = 0, d1 = 0, r1 = 0;
    double sh0[51], sh1[51];
    int k = 0;
    for (size_t u = 0; u < tly_election_n_units(e1) && k < 51; u++) {
      const tly_unit *un = tly_election_unit(e1, u);
      if (un->parent >= 0)
        continue;
      int32_t u0 = tly_election_find_unit(e0, un->code);
      if (u0 < 0)
        continue;
      int64_t a, b, c2, d2;
      tly__polls_dr_votes(e0, (size_t)u0, &a, &b);
      tly__polls_dr_votes(e1, u, &c2, &d2);
      if (a + b <= 0 || c2 + d2 <= 0)
        continue;
      d0 += a; /* under 2^40 each: no overflow in 51 terms */
      r0 += b;
      d1 += c2;
      r1 += d2;
      sh0[k] = (double)a / (double)(a + b);
      sh1[k] = (double)c2 / (double)(c2 + d2);
      k++;
    }
    double nat = (double)d1 / (double)(d1 + r1) -
                 (double)d0 / (double)(d0 + r0);
    for (int i = 0; i < k; i++) {
      double dev = (sh1[i] - sh0[i]) - nat;
      sum2 += dev * dev;
      n++;
    }
    if (out->swing_first == 0)
      out->swing_first = y;
    out->swing_last = y;
    tly_election_free(e0);
    e0 = e1; /* this election is the next one's last */
    e1 = NULL;
  }
  tly_election_free(e0);
  if (n == 0)
    return tly__fail(err, TLY_ENODATA,
                     "no built-in elections to calibrate uniform swing "
                     "before %d",
                     before);
  out->swing_sd = sqrt(sum2 / n);
  return TLY_OK;
}

/*---- Student-t -----------------------------------------------------------*/

/* The continued fraction of the regularized incomplete beta function
 * I_x(a, b), evaluated by the modified Lentz method (Press et al.,
 * Numerical Recipes, 3rd ed., section 6.4); converges fast for
 * x < (a + 1) / (a + b + 2), which the caller ensures. */
static double beta_cf(double a, double b, double x)
{
  const double tiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (fabs(d) < tiny)
    d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 300; m++) {
    double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    for (int k = 0; k < 2; k++) {
      d = 1.0 + aa * d;
      if (fabs(d) < tiny)
        d = tiny;
      c = 1.0 + aa / c;
      if (fabs(c) < tiny)
        c = tiny;
      d = 1.0 / d;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    }
    if (fabs(d * c - 1.0) < 1e-15)
      break;
  }
  return h;
}

/* I_x(a, b) for 0 <= x <= 1, a, b > 0. */
static double beta_reg(double a, double b, double x)
{
  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;
  double lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
               b * log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0))
    return exp(lbt) * beta_cf(a, b, x) / a;
  return 1.0 - exp(lbt) * beta_cf(b, a, 1.0 - x) / b;
}

double tly__polls_t_cdf(double x, double df)
{
  if (df <= 0.0) /* normal */
    return 0.5 * erfc(-x / sqrt(2.0));
  if (isinf(x))
    return x > 0 ? 1.0 : 0.0;
  /* P(T > |x|) = I_{df / (df + x^2)}(df / 2, 1 / 2) / 2. */
  double tail = 0.5 * beta_reg(df / 2.0, 0.5, df / (df + x * x));
  return x >= 0.0 ? 1.0 - tail : tail;
}

double tly__polls_t_quantile(double p, double df)
{
  /* Bisection on the increasing cdf: 200 halvings of [-1e4, 1e4] reach
   * the spacing of doubles; p outside (0, 1) gives the ends. */
  double lo = -1e4, hi = 1e4;
  for (int i = 0; i < 200 && hi - lo > 0.0; i++) {
    double mid = 0.5 * (lo + hi);
    if (mid == lo || mid == hi)
      break;
    if (tly__polls_t_cdf(mid, df) < p)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

/*---- Calibration ---------------------------------------------------------*/

/* The shared part from the cycle biases shr (each the mean error of its
 * statewide races): RMS about 0 and df = number of cycles; and the
 * leave-future-out record: each cycle with at least 3 before it against
 * the predictive interval those give. */
static void shared_part(const acc *shr, tly_polls_calib *out)
{
  double b2 = 0;
  int32_t k = 0;
  for (int i = 0; i < MAX_SHARED; i++) {
    if (shr[i].n == 0)
      continue;
    double b = shr[i].sum / shr[i].n / 100.0;
    if (k >= 3) { /* predicted from the k cycles before it */
      double scale = sqrt(b2 / k);
      out->shared_checked++;
      out->shared_held80 +=
          fabs(b) <= tly__polls_t_quantile(0.90, k) * scale;
      out->shared_held95 +=
          fabs(b) <= tly__polls_t_quantile(0.975, k) * scale;
    }
    if (k == 0)
      out->shared_first = FIRST_SHARED + 2 * i;
    out->shared_last = FIRST_SHARED + 2 * i;
    out->shared_bias[k] = b;
    out->n_races += shr[i].n;
    b2 += b * b;
    k++;
  }
  out->n_shared_cycles = k;
  out->df = k;
  out->national_scale = k > 0 ? sqrt(b2 / k) : 0.0;
  /* The sd of the predictive t_k: scale * sqrt(k / (k - 2)). */
  out->national_sd =
      k > 2 ? out->national_scale * sqrt((double)k / (k - 2)) : 0.0;
  out->shared_half80 = tly__polls_t_quantile(0.90, k) * out->national_scale;
  out->shared_half95 = tly__polls_t_quantile(0.975, k) * out->national_scale;
}

/* The own sd's terms, by the method of moments on raw-polls' presidential
 * state averages: an average of m polls errs about its cycle's bias by
 *   common + (1/m) sum over its polls of (pollster_p + sampling_i),
 * independent parts: common (shared by all its polls: late movement,
 * turnout), pollster_p (one per pollster, shared by its polls: house and
 * method) and sampling_i (p (1 - p) / n2, known from the sample size). So
 * its variance is common^2 + pollster^2 * w + sv, w = sum over pollsters of
 * (their share of the polls)^2 and sv the average's sampling variance.
 * Each squared residual about the cycle's mean, times k / (k - 1) for the
 * k averages of its cycle, less sv, is regressed on w by least squares
 * (intercept common^2, slope pollster^2), both kept >= 0: a negative
 * intercept is refitted through the origin, a negative slope as a mean.
 * Fitted on the rows of the cycles [0, upto) (indices into cyc); also the
 * pooled variance (the state_sd model) on the same rows. Points^2. */
typedef struct {
  double a, b;      /* common^2, pollster^2 */
  double pooled;    /* sum of squares about the cycle means / (N - C) */
  double sv_mean;   /* mean sv of the averages */
  double sv_poll;   /* mean sampling variance of one poll */
  int32_t n;
} own_model;

/* The least-squares line y = a + b x of n points from their sums, with a
 * and b kept >= 0 (a term that comes out negative is dropped and the
 * other refitted alone). */
static void line_fit(double n, double sx, double sy, double sxx, double sxy,
                     double *a, double *b)
{
  double det = n * sxx - sx * sx;
  *b = det > 0 ? (n * sxy - sx * sy) / det : 0.0;
  *a = (sy - *b * sx) / n;
  if (*a < 0) {
    *a = 0;
    *b = sxx > 0 ? sxy / sxx : 0.0;
  }
  if (*b < 0) {
    *b = 0;
    *a = fmax(sy / n, 0.0);
  }
}

static own_model own_fit(const acc *cyc, const avg_row *rows,
                         int32_t n_rows, int32_t upto)
{
  own_model m = {0, 0, 0, 0, 0, 0};
  double sx = 0, sy = 0, sxx = 0, sxy = 0, svm = 0, sv = 0, ss = 0;
  int32_t polls = 0, nc = 0;
  for (int32_t c = 0; c < upto; c++)
    nc += cyc[c].n >= 2;
  for (int32_t i = 0; i < n_rows; i++) {
    const acc *a = &cyc[rows[i].cyc];
    if (rows[i].cyc >= upto || a->n < 2)
      continue;
    double r = rows[i].e - a->sum / a->n;
    double y = r * r * a->n / (a->n - 1.0) - rows[i].sv;
    double x = rows[i].w;
    ss += r * r;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    sv += rows[i].sv;
    svm += rows[i].sv * rows[i].polls * rows[i].polls;
    polls += rows[i].polls;
    m.n++;
  }
  if (m.n <= nc) { /* no residual left: no model */
    m.n = 0;
    return m;
  }
  double n = m.n;
  line_fit(n, sx, sy, sxx, sxy, &m.a, &m.b);
  m.pooled = ss / (m.n - nc);
  m.sv_mean = sv / n;
  m.sv_poll = svm / polls;
  return m;
}

/* The national sd the shared part would have had for presidential
 * cycle index c: from the even years' biases in shr before that year
 * (points; 0 with fewer than 3 years). */
static double shared_sd_before(const acc *shr, int32_t c)
{
  int year = FIRST_CYCLE + 4 * c;
  double b2 = 0;
  int k = 0;
  for (int i = 0; i < MAX_SHARED && FIRST_SHARED + 2 * i < year; i++) {
    if (shr[i].n == 0)
      continue;
    double b = shr[i].sum / shr[i].n;
    b2 += b * b;
    k++;
  }
  return k > 2 ? sqrt(b2 / k) * sqrt((double)k / (k - 2)) : 0.0;
}

/* Leave-future-out: each presidential cycle of [2, upto) predicted by
 * both own-sd models fitted on the cycles before it, and the shared part
 * from the even years before it; how many of its averages' errors about
 * its bias fell inside the normal 80 % / 95 % intervals of the own sd
 * (the state part), and the mean negative log density; and how many of
 * their errors fell inside the whole intervals, sd = sqrt(own^2 +
 * national sd^2), as a forecast made then would have stated them. */
static void own_check(const acc *cyc, const acc *shr, const avg_row *rows,
                      int32_t n_rows, int32_t upto, tly_polls_calib *out)
{
  const double q80 = 1.2815515655446004, q95 = 1.9599639845400540;
  const double ln2pi = 1.8378770664093453;
  double nll_pooled = 0, nll_polls = 0;
  for (int32_t c = 2; c < upto; c++) {
    if (cyc[c].n < 2)
      continue;
    own_model m = own_fit(cyc, rows, n_rows, c);
    double nat = shared_sd_before(shr, c);
    if (m.n == 0 || nat == 0.0)
      continue;
    if (out->own_check_first == 0)
      out->own_check_first = FIRST_CYCLE + 4 * c;
    out->own_check_last = FIRST_CYCLE + 4 * c;
    for (int32_t i = 0; i < n_rows; i++) {
      if (rows[i].cyc != c)
        continue;
      double r = rows[i].e - cyc[c].sum / cyc[c].n;
      double v0 = m.pooled, v1 = m.a + m.b * rows[i].w + rows[i].sv;
      out->own_checked++;
      out->pooled_held80 += fabs(r) <= q80 * sqrt(v0);
      out->pooled_held95 += fabs(r) <= q95 * sqrt(v0);
      out->by_polls_held80 += fabs(r) <= q80 * sqrt(v1);
      out->by_polls_held95 += fabs(r) <= q95 * sqrt(v1);
      double t0 = sqrt(v0 + nat * nat), t1 = sqrt(v1 + nat * nat);
      out->pooled_total80 += fabs(rows[i].e) <= q80 * t0;
      out->pooled_total95 += fabs(rows[i].e) <= q95 * t0;
      out->by_polls_total80 += fabs(rows[i].e) <= q80 * t1;
      out->by_polls_total95 += fabs(rows[i].e) <= q95 * t1;
      /* In share units (points / 100): log density + log 100. */
      nll_pooled += 0.5 * (ln2pi + log(v0) + r * r / v0) - log(100.0);
      nll_polls += 0.5 * (ln2pi + log(v1) + r * r / v1) - log(100.0);
    }
  }
  if (out->own_checked > 0) {
    out->pooled_nll = nll_pooled / out->own_checked;
    out->by_polls_nll = nll_polls / out->own_checked;
  }
}

/* read_table for the cycles before `cycle` (at most the table's last):
 * *before is the first cycle left out. */
static tly_status read_before(int cycle, acc *cyc, acc *shr, avg_row *rows,
                               int32_t *n_rows, int *before, tly_error *err)
{
  memset(cyc, 0, MAX_CYCLES * sizeof *cyc);
  memset(shr, 0, MAX_SHARED * sizeof *shr);
  *before = cycle;
  if (*before > FIRST_CYCLE + 4 * MAX_CYCLES)
    *before = FIRST_CYCLE + 4 * MAX_CYCLES;
  return read_table(*before, cyc, shr, rows, n_rows, err);
}

double tly__polls_own_sd(const tly_polls_calib *c, double w, double sv)
{
  return sqrt(c->common_sd * c->common_sd +
              c->pollster_sd * c->pollster_sd * w + sv);
}

tly_status tly_polls_calibrate(int cycle, tly_polls_calib *out,
                               tly_error *err)
{
  memset(out, 0, sizeof *out);
  acc cyc[MAX_CYCLES], shr[MAX_SHARED];
  avg_row rows[MAX_ROWS];
  int32_t n_rows = 0;
  int before = 0;
  tly_status s = read_before(cycle, cyc, shr, rows, &n_rows, &before, err);
  if (s != TLY_OK)
    return s;
  /* bias_c = mean error of cycle c's presidential state averages; state
   * sd = sqrt(sum of (e - bias_c)^2 / (N - C)), one degree of freedom
   * spent on each cycle's mean. */
  double within = 0;
  int32_t nc = 0, ns = 0;
  for (int i = 0; i < MAX_CYCLES; i++) {
    if (cyc[i].n == 0)
      continue;
    double b = cyc[i].sum / cyc[i].n;
    if (nc == 0)
      out->first_cycle = FIRST_CYCLE + 4 * i;
    out->last_cycle = FIRST_CYCLE + 4 * i;
    out->bias[nc] = b / 100.0;
    within += cyc[i].sum2 - cyc[i].n * b * b;
    nc++;
    ns += cyc[i].n;
  }
  if (nc < 2)
    return tly__fail(err, TLY_ENODATA,
                     "the error model needs at least 2 presidential cycles "
                     "of raw-polls before %d (it has %d from %d)",
                     cycle, (int)nc, FIRST_CYCLE);
  out->n_cycles = nc;
  out->n_state_cycles = ns;
  out->state_sd = sqrt(within / (ns - nc)) / 100.0;
  int32_t upto = (int32_t)((before - FIRST_CYCLE + 3) / 4);
  own_model om = own_fit(cyc, rows, n_rows, upto);
  out->n_own_fit = om.n;
  out->common_sd = sqrt(om.a) / 100.0;
  out->pollster_sd = sqrt(om.b) / 100.0;
  out->raw_sampling_sd = sqrt(om.sv_mean) / 100.0;
  out->poll_sampling_var = om.sv_poll / 1e4;
  own_check(cyc, shr, rows, n_rows, upto, out);
  shared_part(shr, out);
  if (out->n_shared_cycles < 3) /* not reached: 2000 needs 1998 too */
    return tly__fail(err, TLY_ENODATA,
                     "the error model needs at least 3 cycles of raw-polls "
                     "before %d",
                     cycle);
  return swing_sd(cycle, out, err);
}

/*---- The other share as a driver (checked, not used) --------------------*/

/* log of the density at x of a t with df degrees of freedom and scale s. */
static double t_logpdf(double x, double df, double s)
{
  double z = x / s;
  return lgamma((df + 1.0) / 2.0) - lgamma(df / 2.0) -
         0.5 * log(df * 3.14159265358979323846) - log(s) -
         (df + 1.0) / 2.0 * log1p(z * z / df);
}

/* The state part by other share, sd^2 = a + b * other^2 (points^2), fitted
 * like own_fit: least squares of each squared residual about its cycle's
 * mean, times k / (k - 1), on other^2, over the cycles [0, upto); both
 * kept >= 0. n = 0 when no residual is left. */
static own_model other_fit(const acc *cyc, const avg_row *rows,
                           int32_t n_rows, int32_t upto)
{
  own_model m = {0, 0, 0, 0, 0, 0};
  double sx = 0, sy = 0, sxx = 0, sxy = 0, so = 0;
  int32_t nc = 0;
  for (int32_t c = 0; c < upto; c++)
    nc += cyc[c].n >= 2;
  for (int32_t i = 0; i < n_rows; i++) {
    const acc *a = &cyc[rows[i].cyc];
    if (rows[i].cyc >= upto || a->n < 2)
      continue;
    double r = rows[i].e - a->sum / a->n;
    double y = r * r * a->n / (a->n - 1.0), x = rows[i].o * rows[i].o;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    so += rows[i].o;
    m.n++;
  }
  if (m.n <= nc) {
    m.n = 0;
    return m;
  }
  double n = m.n;
  line_fit(n, sx, sy, sxx, sxy, &m.a, &m.b);
  m.sv_mean = so / n; /* here: the mean other share */
  return m;
}

tly_status tly_polls_other_check_run(int cycle,
                                     tly_polls_other_check *out,
                                     tly_error *err)
{
  memset(out, 0, sizeof *out);
  acc cyc[MAX_CYCLES], shr[MAX_SHARED];
  avg_row rows[MAX_ROWS];
  int32_t n_rows = 0;
  int before = 0;
  tly_status s = read_before(cycle, cyc, shr, rows, &n_rows, &before, err);
  if (s != TLY_OK)
    return s;
  int32_t upto = (int32_t)((before - FIRST_CYCLE + 3) / 4), nc = 0;
  for (int32_t c = 0; c < upto; c++)
    nc += cyc[c].n > 0;
  own_model m = other_fit(cyc, rows, n_rows, upto);
  if (m.n == 0 || nc < 2)
    return tly__fail(err, TLY_ENODATA,
                     "the other-share check needs at least 2 presidential "
                     "cycles of raw-polls before %d",
                     cycle);
  out->base_sd = sqrt(m.a) / 100.0;
  out->per_other = sqrt(m.b);
  out->n_fit = m.n;
  out->mean_other = m.sv_mean / 100.0;
  /* The state part, leave-future-out, as own_check scores the others. */
  const double q80 = 1.2815515655446004, q95 = 1.9599639845400540;
  const double ln2pi = 1.8378770664093453;
  double nll = 0;
  for (int32_t c = 2; c < upto; c++) {
    if (cyc[c].n < 2)
      continue;
    own_model f = other_fit(cyc, rows, n_rows, c);
    double nat = shared_sd_before(shr, c);
    if (f.n == 0 || nat == 0.0)
      continue;
    for (int32_t i = 0; i < n_rows; i++) {
      if (rows[i].cyc != c)
        continue;
      double r = rows[i].e - cyc[c].sum / cyc[c].n;
      double v = f.a + f.b * rows[i].o * rows[i].o;
      double t = sqrt(v + nat * nat);
      out->checked++;
      out->held80 += fabs(r) <= q80 * sqrt(v);
      out->held95 += fabs(r) <= q95 * sqrt(v);
      out->total80 += fabs(rows[i].e) <= q80 * t;
      out->total95 += fabs(rows[i].e) <= q95 * t;
      nll += 0.5 * (ln2pi + log(v) + r * r / v) - log(100.0);
    }
  }
  if (out->checked > 0)
    out->nll = nll / out->checked;
  /* The shared part: bias_y ~ t_k(scale = rms(bias / other) * other_y)
   * against the model's t_k(scale = rms(bias)), k the even years before
   * y; and the presidential years against a t of the presidential years
   * before them only. Densities in share units (points / 100). */
  double r2 = 0, b2 = 0, p2 = 0;
  int32_t k = 0, kp = 0;
  double nll_o = 0, nll_c = 0, nll_p = 0, nll_pa = 0;
  for (int i = 0; i < MAX_SHARED; i++) {
    if (shr[i].n == 0)
      continue;
    int year = FIRST_SHARED + 2 * i;
    double b = shr[i].sum / shr[i].n, o = shr[i].osum / shr[i].n;
    bool pres = year % 4 == 0;
    if (!(o > 0))
      return tly__fail(err, TLY_ENODATA,
                       "raw-polls' races of %d have no other share", year);
    if (k >= 3) {
      double sc = sqrt(b2 / k), so = sqrt(r2 / k) * o;
      out->shared_checked++;
      out->shared_held80 +=
          fabs(b) <= tly__polls_t_quantile(0.90, k) * so;
      out->shared_held95 +=
          fabs(b) <= tly__polls_t_quantile(0.975, k) * so;
      nll_o -= t_logpdf(b / 100.0, k, so / 100.0);
      nll_c -= t_logpdf(b / 100.0, k, sc / 100.0);
    }
    if (pres && kp >= 2) {
      out->pres_checked++;
      nll_p -= t_logpdf(b / 100.0, kp, sqrt(p2 / kp) / 100.0);
      nll_pa -= t_logpdf(b / 100.0, k, sqrt(b2 / k) / 100.0);
    }
    r2 += (b / o) * (b / o);
    b2 += b * b;
    k++;
    if (pres) {
      p2 += b * b;
      kp++;
    }
  }
  if (k == 0)
    return tly__fail(err, TLY_ENODATA, "no raw-polls races before %d",
                     cycle);
  out->shared_per_other = sqrt(r2 / k);
  if (out->shared_checked > 0) {
    out->shared_nll = nll_o / out->shared_checked;
    out->shared_nll_const = nll_c / out->shared_checked;
  }
  if (out->pres_checked > 0) {
    out->pres_nll = nll_p / out->pres_checked;
    out->pres_nll_all = nll_pa / out->pres_checked;
  }
  return TLY_OK;
}
