/*
 * polls_calib.c -- the error model of state polling averages, calibrated
 * on FiveThirtyEight's raw-polls (CC BY 4.0): the polls of the final 21
 * days of each presidential race 2000-2020, averaged per state, against
 * the certified result. The error splits into one bias shared by all
 * states in a cycle and a state-specific remainder; units without polls
 * are calibrated on uniform swing in the built-in results (MEDSL).
 */
#include "csv.h"
#include "polls.h"
#include "scan.h"

#include <math.h>
#include <string.h>

#define FIRST_CYCLE 2000 /* raw-polls starts in 1998: 2000 is its first
                            presidential cycle */
#define MAX_CYCLES 8

/* Per cycle: sum of errors, sum of squares, count (states and DC). */
typedef struct {
  double sum, sum2;
  int32_t n;
} acc;


/* Reads data/polls_calib.csv (cycle,unit,polls,poll_share,actual_share)
 * into per-cycle sums for the cycles [FIRST_CYCLE, before). */
static tly_status read_table(int before, acc *cyc, tly_error *err)
{
  size_t len = 0;
  const char *data = tly__data_file("polls_calib.csv", &len);
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA, "no built-in polls_calib.csv");
  tly__csv *c = NULL;
  tly_status s = tly__csv_open(NULL, "polls_calib.csv", data, len, 64, 8,
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
    double ps = 0, as = 0;
    if (n != 5 || tly__scan_i64(f[0].p, f[0].n, 1900, 2200, &cycle) != TLY_OK ||
        tly__scan_i64(f[2].p, f[2].n, 1, 100000, &polls) != TLY_OK ||
        tly__scan_double(f[3].p, f[3].n, &ps) != TLY_OK ||
        tly__scan_double(f[4].p, f[4].n, &as) != TLY_OK) {
      s = tly__csv_fail(c, NULL, err, TLY_EPARSE, "malformed row");
      break;
    }
    if (memchr(f[1].p, '-', f[1].n) != NULL) /* districts: not in the
                                                 states' figures */
      continue;
    if (cycle < FIRST_CYCLE || cycle >= before || cycle % 4 != 0)
      continue;
    acc *a = &cyc[(cycle - FIRST_CYCLE) / 4];
    double e = ps - as;
    a->sum += e;
    a->sum2 += e * e;
    a->n++;
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

tly_status tly_polls_calibrate(int cycle, tly_polls_calib *out,
                               tly_error *err)
{
  memset(out, 0, sizeof *out);
  acc cyc[MAX_CYCLES];
  memset(cyc, 0, sizeof cyc);
  int before = cycle;
  if (before > FIRST_CYCLE + 4 * MAX_CYCLES)
    before = FIRST_CYCLE + 4 * MAX_CYCLES;
  tly_status s = read_table(before, cyc, err);
  if (s != TLY_OK)
    return s;
  /* bias_c = mean error of cycle c; national sd = RMS of the biases (the
   * next cycle's bias is unknown in sign, so about 0, not their mean);
   * state sd = sqrt(sum of (e - bias_c)^2 / (N - C)), one degree of
   * freedom spent on each cycle's mean. */
  double b2 = 0, within = 0;
  int32_t nc = 0, ns = 0;
  for (int i = 0; i < MAX_CYCLES; i++) {
    if (cyc[i].n == 0)
      continue;
    double b = cyc[i].sum / cyc[i].n;
    if (nc == 0)
      out->first_cycle = FIRST_CYCLE + 4 * i;
    out->last_cycle = FIRST_CYCLE + 4 * i;
    out->bias[nc] = b / 100.0;
    b2 += b * b;
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
  out->national_sd = sqrt(b2 / nc) / 100.0;
  out->state_sd = sqrt(within / (ns - nc)) / 100.0;
  return swing_sd(cycle, out, err);
}
