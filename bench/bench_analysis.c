/*
 * bench_analysis.c -- times tally's analyses on a 56-unit College (2020:
 * 50 states, DC, ME-1..2, NE-1..3) against naive peers run in the same
 * process, and checks that each pair agrees:
 *   flip     exact knapsack DP  vs  every subset of the 20 cheapest units
 *   tipping  exact order        vs  double margins sorted by qsort
 *   power    deconvolution DP   vs  one forward DP per unit (Banzhaf:
 *            O(n^2 W); Shapley-Shubik: O(n^3 W) in long double)
 * Prints the median of many runs of each and the ratio peer / tally.
 */
#include "tally.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 301

static double now_us(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *t, int n)
{
  qsort(t, (size_t)n, sizeof *t, cmp_double);
  return t[n / 2];
}

/* Runs f(ud) `runs` times; the median time of one run, in microseconds. */
static double timeit(void (*f)(void *), void *ud, int runs)
{
  double t[RUNS];
  for (int i = 0; i < runs; i++) {
    double t0 = now_us();
    f(ud);
    t[i] = now_us() - t0;
  }
  return median(t, runs);
}

static void report(const char *what, const char *peer, double t, double p,
                   int agree)
{
  printf("%-8s tally %9.1f us   peer (%s) %10.1f us   ratio %7.1fx   "
         "agree: %s\n",
         what, t, peer, p, p / t, agree ? "yes" : "NO");
}

/*---- flip ----*/

typedef struct {
  const tly_election *e;
  int64_t voters;
} flip_job;

static void run_flip(void *ud)
{
  flip_job *j = ud;
  tly_flip *f = NULL;
  if (tly_flip_compute(j->e, NULL, &f, NULL) != TLY_OK)
    exit(1);
  j->voters = tly_flip_voters(f);
  tly_flip_free(f);
}

typedef struct {
  const tly_election *e;
  int64_t best;
} brute_job;

typedef struct {
  int64_t cost;
  int32_t electors;
} unit_cost;

static int by_cost(const void *a, const void *b)
{
  const unit_cost *x = a, *y = b;
  return (x->cost > y->cost) - (x->cost < y->cost);
}

/* The naive peer: the College, each unit's two-way cost floor(m/2)+1 for
 * the runner-up, then every subset of the 20 cheapest units (Gray code,
 * one unit in or out per step: 2^20 steps). */
static void run_brute(void *ud)
{
  brute_job *j = ud;
  tly_outcome *o = NULL;
  if (tly_college(j->e, &o, NULL) != TLY_OK)
    exit(1);
  int32_t w = tly_outcome_winner(o);
  int32_t r = w == 0 ? 1 : 0;
  unit_cost u[64];
  size_t n = 0;
  for (size_t i = 0; i < tly_outcome_n_awards(o) && n < 64; i++) {
    const tly_award *a = tly_outcome_award(o, i);
    if (a->winner != w)
      continue;
    int64_t m = tly_election_votes(j->e, (size_t)a->unit, (size_t)w) -
                tly_election_votes(j->e, (size_t)a->unit, (size_t)r);
    u[n].cost = m / 2 + 1;
    u[n].electors = a->electors;
    n++;
  }
  qsort(u, n, sizeof *u, by_cost);
  int k = n < 20 ? (int)n : 20;
  int64_t need = tly_outcome_majority(o) - tly_outcome_pledged(o, (size_t)r);
  int64_t cost = 0, ev = 0, best = -1;
  unsigned gray = 0;
  for (unsigned long i = 1; i < (1ul << k); i++) {
    int bit = __builtin_ctzl(i);
    gray ^= 1u << bit;
    if (gray & (1u << bit)) {
      cost += u[bit].cost;
      ev += u[bit].electors;
    } else {
      cost -= u[bit].cost;
      ev -= u[bit].electors;
    }
    if (ev >= need && (best < 0 || cost < best))
      best = cost;
  }
  j->best = best;
  tly_outcome_free(o);
}

/*---- tipping ----*/

typedef struct {
  const tly_election *e;
  char code[8];
} tip_job;

static void run_tipping(void *ud)
{
  tip_job *j = ud;
  tly_tipping *t = NULL;
  if (tly_tipping_compute(j->e, &t, NULL) != TLY_OK)
    exit(1);
  memcpy(j->code, tly_tipping_row_at(t, tly_tipping_point(t))->code, 8);
  tly_tipping_free(t);
}

typedef struct {
  double margin;
  int32_t electors;
  const char *code;
} tip_row;

static int by_margin(const void *a, const void *b)
{
  const tip_row *x = a, *y = b;
  return (x->margin < y->margin) - (x->margin > y->margin);
}

/* The naive peer: margins as doubles, qsort, cumulate. */
static void run_tip_peer(void *ud)
{
  tip_job *j = ud;
  tly_outcome *o = NULL;
  if (tly_college(j->e, &o, NULL) != TLY_OK)
    exit(1);
  int32_t w = tly_outcome_winner(o);
  tip_row rows[64];
  size_t n = 0;
  for (size_t i = 0; i < tly_outcome_n_awards(o) && n < 64; i++) {
    const tly_award *a = tly_outcome_award(o, i);
    if (a->winner != w)
      continue;
    rows[n].margin = (double)(a->first_votes - a->second_votes) /
                     (double)a->total_votes;
    rows[n].electors = a->electors;
    rows[n].code = a->code;
    n++;
  }
  qsort(rows, n, sizeof *rows, by_margin);
  int64_t cum = 0;
  for (size_t i = 0; i < n; i++) {
    cum += rows[i].electors;
    if (cum >= tly_outcome_majority(o)) {
      memcpy(j->code, rows[i].code, 8);
      break;
    }
  }
  tly_outcome_free(o);
}

/*---- power ----*/

typedef struct {
  int64_t w[64];
  size_t n;
  int64_t q;
  tly_power_index index;
  double v[64];
} power_job;

static void run_power(void *ud)
{
  power_job *j = ud;
  if (tly_power_game(j->w, j->n, j->q, j->index, NULL, j->v, NULL, NULL) !=
      TLY_OK)
    exit(1);
}

/* The naive peer: for each unit, count the coalitions of the others from
 * scratch (Banzhaf: by weight; Shapley-Shubik: by size and weight, each
 * size weighted by k!(n-1-k)!/n! in long double). */
static void run_power_peer(void *ud)
{
  power_job *j = ud;
  size_t n = j->n;
  size_t q = (size_t)j->q;
  static long double c[65][600];
  long double sum = 0.0L;
  long double raw[64];
  for (size_t i = 0; i < n; i++) {
    size_t kmax = j->index == TLY_POWER_SHAPLEY ? n : 1;
    for (size_t k = 0; k < kmax; k++)
      memset(c[k], 0, q * sizeof c[k][0]);
    c[0][0] = 1.0L;
    size_t seen = 0;
    for (size_t p = 0; p < n; p++) {
      if (p == i)
        continue;
      size_t wp = (size_t)j->w[p];
      seen++;
      if (j->index == TLY_POWER_SHAPLEY) {
        for (size_t k = seen; k >= 1; k--)
          for (size_t s = q; s-- > wp;)
            c[k][s] += c[k - 1][s - wp];
      } else {
        for (size_t s = q; s-- > wp;)
          c[0][s] += c[0][s - wp];
      }
    }
    size_t lo = (size_t)j->w[i] >= q ? 0 : q - (size_t)j->w[i];
    raw[i] = 0.0L;
    if (j->index == TLY_POWER_SHAPLEY) {
      /* weight(k) = k! (n-1-k)! / n! = 1 / (n * C(n-1, k)) */
      long double binom = 1.0L;
      for (size_t k = 0; k < n; k++) {
        long double cnt = 0.0L;
        for (size_t s = lo; s < q; s++)
          cnt += c[k][s];
        raw[i] += cnt / ((long double)n * binom);
        binom = binom * (long double)(n - 1 - k) / (long double)(k + 1);
      }
    } else {
      for (size_t s = lo; s < q; s++)
        raw[i] += c[0][s];
    }
    sum += raw[i];
  }
  for (size_t i = 0; i < n; i++)
    j->v[i] = (double)(j->index == TLY_POWER_SHAPLEY ? raw[i] : raw[i] / sum);
}

int main(void)
{
  tly_election *e = NULL;
  tly_error err = {0};
  if (tly_election_builtin(2020, TLY_SOURCE_MEDSL, NULL, &e, &err) != TLY_OK) {
    fprintf(stderr, "bench_analysis: %s\n", err.msg);
    return 1;
  }
  printf("bench_analysis: 2020 College, %zu units; medians of %d runs\n",
         tly_election_n_units(e), RUNS);

  flip_job fj = {e, 0};
  brute_job bj = {e, 0};
  double t = timeit(run_flip, &fj, RUNS);
  double p = timeit(run_brute, &bj, 31);
  report("flip", "all subsets of 20", t, p, fj.voters == bj.best);

  tip_job tj = {e, ""}, pj = {e, ""};
  t = timeit(run_tipping, &tj, RUNS);
  p = timeit(run_tip_peer, &pj, RUNS);
  report("tipping", "double + qsort", t, p, strcmp(tj.code, pj.code) == 0);

  tly_power *pw = NULL;
  if (tly_power_census(2020, TLY_POWER_BANZHAF, TLY_POWER_DISTRICTS, NULL,
                       &pw, &err) != TLY_OK) {
    fprintf(stderr, "bench_analysis: %s\n", err.msg);
    return 1;
  }
  power_job a = {.n = tly_power_n_rows(pw), .q = tly_power_majority(pw)};
  for (size_t i = 0; i < a.n; i++)
    a.w[i] = tly_power_row_at(pw, i)->electors;
  tly_power_free(pw);
  for (int idx = 0; idx < 2; idx++) {
    a.index = (tly_power_index)idx;
    power_job b = a;
    t = timeit(run_power, &a, RUNS);
    p = timeit(run_power_peer, &b, idx ? 11 : 51);
    int agree = 1;
    for (size_t i = 0; i < a.n; i++)
      agree = agree && fabs(a.v[i] - b.v[i]) < 1e-12;
    report(idx ? "shapley" : "banzhaf",
           idx ? "forward DP per unit" : "forward DP per unit", t, p, agree);
  }
  tly_election_free(e);
  return 0;
}
