/*
 * polls.h -- what polls.c (readers, averages, backtest) and polls_calib.c
 * (the error model from 538's raw-polls) share inside the library.
 */
#ifndef TLY_POLLS_H
#define TLY_POLLS_H

#include "internal.h"

/* Day number (days since 1970-01-01) of a presidential election day:
 * the Tuesday after the first Monday of November (3 U.S.C. §1, as
 * amended 1845), i.e. the first Tuesday on or after November 2. */
int64_t tly__polls_election_day(int cycle);

/* The Democrat's and the Republican's votes in unit u of e: the
 * candidates whose party is "Democratic" / "Republican" with the most
 * votes nationally (0 when absent). */
void tly__polls_dr_votes(const tly_election *e, size_t u, int64_t *dem,
                         int64_t *rep);

/* The Democrat's two-party share in unit u of e, or NaN when the two
 * have no votes there. */
double tly__polls_two_party(const tly_election *e, size_t u);

/* The cdf of Student's t with df degrees of freedom at x (df <= 0: the
 * standard normal), from the regularized incomplete beta function. */
double tly__polls_t_cdf(double x, double df);

/* The p quantile of Student's t with df degrees of freedom (df <= 0: the
 * standard normal), by bisection on tly__polls_t_cdf; about 1e-12. */
double tly__polls_t_quantile(double p, double df);

/* The own sd of an average whose pollster weight (sum over its pollsters
 * of their share of its polls, squared) is w and whose sampling variance
 * is sv (share^2): sqrt(common_sd^2 + pollster_sd^2 * w + sv). */
double tly__polls_own_sd(const tly_polls_calib *c, double w, double sv);

#endif
