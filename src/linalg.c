/*
 * linalg.c -- Gauss quadrature rules from the Jacobi matrix's eigensystem
 * (Golub and Welsch, "Calculation of Gauss quadrature rules", Math. Comp.
 * 23, 1969) by the implicit QL method, cyclic Jacobi eigenvalues, Cholesky
 * factors, and Higham's nearest correlation matrix (IMA J. Numer. Anal.
 * 22, 2002: alternating projections with Dykstra's correction).
 */
#include "linalg.h"

#include <float.h>
#include <math.h>
#include <string.h>

/*---- Golub-Welsch ------------------------------------------------------*/

/* Eigenvalues of the symmetric tridiagonal matrix (diagonal d[n],
 * off-diagonal e[0..n-2], e[n-1] scratch) into d by the QL method with
 * implicit Wilkinson shifts, applying every rotation to the row vector z
 * (the first row of the eigenvector matrix). False after 100 iterations
 * on one eigenvalue. */
static bool tridiag_ql(size_t n, double *d, double *e, double *z)
{
  e[n - 1] = 0.0;
  for (size_t l = 0; l < n; l++) {
    int iter = 0;
    for (;;) {
      size_t m = l;
      for (; m + 1 < n; m++) {
        double dd = fabs(d[m]) + fabs(d[m + 1]);
        if (fabs(e[m]) <= DBL_EPSILON * dd)
          break;
      }
      if (m == l)
        break;
      if (iter++ == 100)
        return false;
      double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
      double r = hypot(g, 1.0);
      g = d[m] - d[l] + e[l] / (g + copysign(r, g));
      double s = 1.0;
      double c = 1.0;
      double p = 0.0;
      bool deflated = false;
      for (size_t i = m; i-- > l;) {
        double f = s * e[i];
        double b = c * e[i];
        r = hypot(f, g);
        e[i + 1] = r;
        if (r == 0.0) { /* underflow: split the matrix here and retry */
          d[i + 1] -= p;
          e[m] = 0.0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2.0 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        double fz = z[i + 1];
        z[i + 1] = s * z[i] + c * fz;
        z[i] = c * z[i] - s * fz;
      }
      if (deflated)
        continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0.0;
    }
  }
  return true;
}

bool tly__gauss_rule(tly__quad_kind kind, size_t n, double alpha,
                     double *nodes, double *weights, double *work)
{
  double *e = work;
  double *z = work + n;
  double mu0 = 1.0; /* the measure's total mass */
  for (size_t k = 0; k < n; k++) {
    double kk = (double)k;
    z[k] = k == 0 ? 1.0 : 0.0;
    switch (kind) {
    case TLY__QUAD_HERMITE: /* probabilists' He_k: x He_k = He_k+1 + k He_k-1 */
      nodes[k] = 0.0;
      e[k] = sqrt(kk + 1.0);
      break;
    case TLY__QUAD_LAGUERRE: /* generalised Laguerre, normalised */
      nodes[k] = 2.0 * kk + alpha + 1.0;
      e[k] = sqrt((kk + 1.0) * (kk + 1.0 + alpha));
      break;
    case TLY__QUAD_LEGENDRE:
      nodes[k] = 0.0;
      e[k] = (kk + 1.0) / sqrt(4.0 * (kk + 1.0) * (kk + 1.0) - 1.0);
      mu0 = 2.0;
      break;
    }
  }
  if (!tridiag_ql(n, nodes, e, z))
    return false;
  for (size_t k = 0; k < n; k++)
    weights[k] = mu0 * z[k] * z[k];
  /* Insertion sort by node (the QL order is nearly sorted already). */
  for (size_t i = 1; i < n; i++) {
    double x = nodes[i];
    double w = weights[i];
    size_t j = i;
    for (; j > 0 && nodes[j - 1] > x; j--) {
      nodes[j] = nodes[j - 1];
      weights[j] = weights[j - 1];
    }
    nodes[j] = x;
    weights[j] = w;
  }
  return true;
}

/*---- Symmetric eigenvalues, Cholesky -----------------------------------*/

bool tly__sym_eig(size_t n, double *a, double *vals, double *vecs)
{
  if (vecs != NULL) {
    for (size_t i = 0; i < n * n; i++)
      vecs[i] = 0.0;
    for (size_t i = 0; i < n; i++)
      vecs[i * n + i] = 1.0;
  }
  double total = 0.0;
  for (size_t i = 0; i < n * n; i++)
    total += a[i] * a[i];
  bool done = false;
  for (int sweep = 0; sweep < 100 && !done; sweep++) {
    double off = 0.0;
    for (size_t p = 0; p < n; p++)
      for (size_t q = p + 1; q < n; q++)
        off += a[p * n + q] * a[p * n + q];
    if (off <= DBL_EPSILON * DBL_EPSILON * total * 1e-4) {
      done = true;
      break;
    }
    for (size_t p = 0; p < n; p++) {
      for (size_t q = p + 1; q < n; q++) {
        double apq = a[p * n + q];
        if (apq == 0.0)
          continue;
        /* The rotation that zeroes a[p][q]: t = tan, the smaller root. */
        double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
        double t = copysign(1.0, theta) /
                   (fabs(theta) + sqrt(theta * theta + 1.0));
        double c = 1.0 / sqrt(t * t + 1.0);
        double s = t * c;
        for (size_t k = 0; k < n; k++) {
          double akp = a[k * n + p];
          double akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (size_t k = 0; k < n; k++) {
          double apk = a[p * n + k];
          double aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        if (vecs != NULL) {
          for (size_t k = 0; k < n; k++) {
            double vkp = vecs[k * n + p];
            double vkq = vecs[k * n + q];
            vecs[k * n + p] = c * vkp - s * vkq;
            vecs[k * n + q] = s * vkp + c * vkq;
          }
        }
      }
    }
  }
  if (!done)
    return false;
  for (size_t i = 0; i < n; i++)
    vals[i] = a[i * n + i];
  /* Selection sort of the pairs, ascending (n is small). */
  for (size_t i = 0; i < n; i++) {
    size_t m = i;
    for (size_t j = i + 1; j < n; j++)
      if (vals[j] < vals[m])
        m = j;
    if (m == i)
      continue;
    double t = vals[i];
    vals[i] = vals[m];
    vals[m] = t;
    if (vecs != NULL) {
      for (size_t k = 0; k < n; k++) {
        double u = vecs[k * n + i];
        vecs[k * n + i] = vecs[k * n + m];
        vecs[k * n + m] = u;
      }
    }
  }
  return true;
}

bool tly__cholesky(size_t n, const double *a, double *l)
{
  for (size_t i = 0; i < n * n; i++)
    l[i] = 0.0;
  for (size_t j = 0; j < n; j++) {
    double s = a[j * n + j];
    for (size_t k = 0; k < j; k++)
      s -= l[j * n + k] * l[j * n + k];
    if (!(s > 0.0))
      return false;
    double d = sqrt(s);
    l[j * n + j] = d;
    for (size_t i = j + 1; i < n; i++) {
      double t = a[i * n + j];
      for (size_t k = 0; k < j; k++)
        t -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = t / d;
    }
  }
  return true;
}

/*---- Higham's nearest correlation matrix -------------------------------*/

/* x = V diag(max(vals, 0)) V^T: the projection onto the PSD cone. */
static void psd_project(size_t n, const double *vals, const double *v,
                        double *x)
{
  for (size_t i = 0; i < n; i++) {
    for (size_t j = i; j < n; j++) {
      double s = 0.0;
      for (size_t k = 0; k < n; k++)
        if (vals[k] > 0.0)
          s += v[i * n + k] * vals[k] * v[j * n + k];
      x[i * n + j] = s;
      x[j * n + i] = s;
    }
  }
}

tly_status tly__nearest_corr(const tly_allocator *al, size_t n,
                             const double *a, double *x, double *moved,
                             tly_error *err)
{
  size_t nn = n * n;
  if (n != 0 && nn / n != n)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  double *buf = tly__calloc(al, 5 * nn + n, sizeof(double));
  if (buf == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  double *y = buf;         /* the iterate with unit diagonal */
  double *ds = buf + nn;   /* Dykstra's correction */
  double *r = buf + 2 * nn;
  double *v = buf + 3 * nn;
  double *l = buf + 4 * nn;
  double *vals = buf + 5 * nn;
  memcpy(y, a, nn * sizeof(double));
  tly_status st = TLY_OK;
  bool converged = false;
  for (int it = 0; it < 20000 && !converged; it++) {
    for (size_t i = 0; i < nn; i++)
      r[i] = y[i] - ds[i];
    memcpy(x, r, nn * sizeof(double));
    if (!tly__sym_eig(n, x, vals, v)) {
      st = tly__fail(err, TLY_ERANGE, "eigenvalues did not converge");
      goto fail;
    }
    psd_project(n, vals, v, x);
    double diff = 0.0;
    double norm = 0.0;
    for (size_t i = 0; i < nn; i++) {
      ds[i] = x[i] - r[i];
      double yn = x[i];
      if (i % (n + 1) == 0)
        yn = 1.0;
      diff += (yn - y[i]) * (yn - y[i]);
      norm += yn * yn;
      y[i] = yn;
    }
    converged = diff <= 1e-24 * norm;
  }
  if (!converged) {
    st = tly__fail(err, TLY_ERANGE, "the nearest correlation matrix did "
                                    "not converge");
    goto fail;
  }
  /* The limit lies on the boundary of the PSD cone: blend in as little of
   * the identity as it takes for a Cholesky factor to exist. */
  double t = 0.0;
  for (;;) {
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < n; j++)
        x[i * n + j] = i == j ? 1.0 : (1.0 - t) * y[i * n + j];
    if (tly__cholesky(n, x, l))
      break;
    t = t == 0.0 ? 1e-12 : t * 4.0;
    if (t > 0.5) {
      st = tly__fail(err, TLY_ERANGE, "no positive definite correlation "
                                      "matrix found near the input");
      goto fail;
    }
  }
  double f = 0.0;
  for (size_t i = 0; i < nn; i++)
    f += (x[i] - a[i]) * (x[i] - a[i]);
  *moved = sqrt(f);
fail:
  tly__free(al, buf, (5 * nn + n) * sizeof(double));
  return st;
}
