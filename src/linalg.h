/*
 * linalg.h -- the small dense linear algebra the forecast needs: Gauss
 * quadrature rules by Golub and Welsch (1969), symmetric eigenvalues by
 * Jacobi rotations, Cholesky factors, and the nearest correlation matrix
 * of Higham (2002).
 */
#ifndef TLY_LINALG_H
#define TLY_LINALG_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum tly__quad_kind {
  TLY__QUAD_HERMITE,  /* E[f(Z)], Z standard normal; weights sum to 1 */
  TLY__QUAD_LAGUERRE, /* E[f(X)], X ~ Gamma(alpha + 1, 1); weights sum 1 */
  TLY__QUAD_LEGENDRE  /* integral of f over [-1, 1]; weights sum to 2 */
} tly__quad_kind;

/* The n-point Gauss rule of `kind` (alpha > -1 is used by Laguerre only)
 * into nodes[n] (ascending) and weights[n], from the eigenvalues and first
 * eigenvector components of the Jacobi matrix (Golub and Welsch 1969).
 * work holds 2n doubles. False when the QL iteration fails to converge
 * (not seen for n <= 2048). n >= 1. */
bool tly__gauss_rule(tly__quad_kind kind, size_t n, double alpha,
                     double *nodes, double *weights, double *work);

/* Eigen-decomposition of the symmetric n x n matrix a (row-major; its
 * upper triangle is destroyed) by cyclic Jacobi rotations: eigenvalues
 * ascending into vals[n] and, when vecs is not NULL, the matching unit
 * eigenvectors as the columns of vecs (n x n, row-major). False when 100
 * sweeps do not converge. */
bool tly__sym_eig(size_t n, double *a, double *vals, double *vecs);

/* The lower Cholesky factor l (n x n, row-major, upper part zeroed) of the
 * symmetric a, so that a = l l^T; false when a is not positive definite
 * (a pivot <= 0). a and l may not alias. */
bool tly__cholesky(size_t n, const double *a, double *l);

/* The nearest correlation matrix to the symmetric a (unit diagonal) in the
 * Frobenius norm, by Higham's alternating projections with Dykstra's
 * correction ("Computing the nearest correlation matrix -- a problem from
 * finance", IMA J. Numer. Anal. 22, 2002), into x (n x n), nudged towards
 * the identity only as far as needed for x to have a Cholesky factor.
 * *moved = ||x - a||_F. TLY_ENOMEM, or TLY_ERANGE when it fails to
 * converge. */
tly_status tly__nearest_corr(const tly_allocator *al, size_t n,
                             const double *a, double *x, double *moved,
                             tly_error *err);

#endif
