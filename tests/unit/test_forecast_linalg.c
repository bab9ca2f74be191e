/*
 * test_forecast_linalg.c -- the forecast's linear algebra (src/linalg.c):
 * Golub-Welsch quadrature rules against their exact moments, Jacobi
 * eigenvalues, Cholesky, and Higham's nearest correlation matrix on the
 * example of his 2002 paper.
 */
#include "linalg.h"

#include <criterion/criterion.h>
#include <math.h>

Test(forecast_linalg, hermite_rule_moments)
{
  /* An n-point Gauss rule integrates polynomials up to degree 2n - 1
   * exactly: E[Z^2k] = (2k - 1)!! for a standard normal Z. */
  double x[64], w[64], work[128];
  for (size_t n = 1; n <= 64; n *= 2) {
    cr_assert(tly__gauss_rule(TLY__QUAD_HERMITE, n, 0, x, w, work));
    double dfact = 1.0;
    for (size_t k = 0; 2 * k <= 2 * n - 1 && k <= 10; k++) {
      double even = 0, odd = 0;
      for (size_t i = 0; i < n; i++) {
        even += w[i] * pow(x[i], (double)(2 * k));
        odd += w[i] * pow(x[i], (double)(2 * k + 1));
      }
      if (2 * k + 1 <= 2 * n - 1)
        cr_assert(fabs(odd) < 1e-9 * dfact, "n %zu odd %zu", n, 2 * k + 1);
      cr_assert(fabs(even - dfact) < 1e-11 * dfact, "n %zu E[Z^%zu] %.15g",
                n, 2 * k, even);
      dfact *= (double)(2 * k + 1);
    }
    for (size_t i = 1; i < n; i++)
      cr_assert(x[i] > x[i - 1]);
  }
  /* The 3-point rule: nodes 0, +-sqrt(3), weights 2/3, 1/6. */
  cr_assert(tly__gauss_rule(TLY__QUAD_HERMITE, 3, 0, x, w, work));
  cr_assert_float_eq(x[2], sqrt(3.0), 1e-14);
  cr_assert_float_eq(w[1], 2.0 / 3.0, 1e-14);
  cr_assert_float_eq(w[0], 1.0 / 6.0, 1e-14);
}

Test(forecast_linalg, laguerre_and_legendre_rule_moments)
{
  /* Gamma(a + 1): E[X^k] = (a + 1)(a + 2)...(a + k). */
  double x[32], w[32], work[64];
  double a = 1.5;
  cr_assert(tly__gauss_rule(TLY__QUAD_LAGUERRE, 20, a, x, w, work));
  double want = 1.0;
  for (int k = 0; k <= 10; k++) {
    double got = 0;
    for (int i = 0; i < 20; i++)
      got += w[i] * pow(x[i], k);
    cr_assert(fabs(got - want) < 1e-10 * want, "k %d %.15g %.15g", k, got,
              want);
    want *= a + k + 1;
  }
  /* Legendre on [-1, 1]: integral of x^2k = 2 / (2k + 1). */
  cr_assert(tly__gauss_rule(TLY__QUAD_LEGENDRE, 10, 0, x, w, work));
  for (int k = 0; k < 10; k++) {
    double got = 0;
    for (int i = 0; i < 10; i++)
      got += w[i] * pow(x[i], 2 * k);
    cr_assert_float_eq(got, 2.0 / (2 * k + 1), 1e-13);
  }
}

Test(forecast_linalg, eigenvalues_and_cholesky)
{
  /* [[2, 1], [1, 2]] has eigenvalues 1 and 3. */
  double a[4] = {2, 1, 1, 2}, v[2], vec[4], l[4];
  cr_assert(tly__cholesky(2, a, l));
  cr_assert_float_eq(l[0], sqrt(2.0), 1e-15);
  cr_assert_float_eq(l[2], 1 / sqrt(2.0), 1e-15);
  cr_assert_float_eq(l[3], sqrt(1.5), 1e-15);
  cr_assert(tly__sym_eig(2, a, v, vec));
  cr_assert_float_eq(v[0], 1.0, 1e-14);
  cr_assert_float_eq(v[1], 3.0, 1e-14);
  cr_assert_float_eq(fabs(vec[0]), 1 / sqrt(2.0), 1e-14);
  double b[4] = {1, 2, 2, 1}; /* eigenvalues -1, 3: not PD */
  cr_assert(!tly__cholesky(2, b, l));
}

Test(forecast_linalg, higham_2002_example)
{
  /* Higham (2002), section 4: the nearest correlation matrix to
   * A = [1 1 0; 1 1 1; 0 1 1] has off-diagonal entries 0.7607 and 0.1573
   * (to 4 digits). A itself has eigenvalues 1 - sqrt(2), 1, 1 + sqrt(2). */
  double a[9] = {1, 1, 0, 1, 1, 1, 0, 1, 1};
  double x[9], moved;
  tly_error err;
  cr_assert_eq(tly__nearest_corr(NULL, 3, a, x, &moved, &err), TLY_OK);
  cr_assert(fabs(x[1] - 0.7607) < 5e-5, "%.6f", x[1]);
  cr_assert(fabs(x[2] - 0.1573) < 5e-5, "%.6f", x[2]);
  cr_assert(fabs(x[5] - 0.7607) < 5e-5);
  for (int i = 0; i < 3; i++)
    cr_assert_eq(x[i * 4], 1.0);
  double l[9];
  cr_assert(tly__cholesky(3, x, l));
  double f = 0;
  for (int i = 0; i < 9; i++)
    f += (x[i] - a[i]) * (x[i] - a[i]);
  cr_assert_float_eq(moved, sqrt(f), 1e-12);
  /* A matrix that already is one does not move. */
  double c[9] = {1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1};
  cr_assert_eq(tly__nearest_corr(NULL, 3, c, x, &moved, &err), TLY_OK);
  cr_assert(moved < 1e-9);
}
