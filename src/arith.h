/*
 * arith.h -- checked 64-bit integer arithmetic and exact comparisons, after
 * SQLite's sqlite3AddInt64/sqlite3MulInt64: an operation that would
 * overflow leaves *r unchanged and reports it, never wraps.
 */
#ifndef TLY_ARITH_H
#define TLY_ARITH_H

#include <stdbool.h>
#include <stdint.h>

/* *r = a + b; false (and *r unchanged) on overflow. */
static inline bool tly__add_i64(int64_t a, int64_t b, int64_t *r)
{
  int64_t t;
  if (__builtin_add_overflow(a, b, &t))
    return false;
  *r = t;
  return true;
}

/* *r = a - b; false (and *r unchanged) on overflow. */
static inline bool tly__sub_i64(int64_t a, int64_t b, int64_t *r)
{
  int64_t t;
  if (__builtin_sub_overflow(a, b, &t))
    return false;
  *r = t;
  return true;
}

/* *r = a * b; false (and *r unchanged) on overflow. */
static inline bool tly__mul_i64(int64_t a, int64_t b, int64_t *r)
{
  int64_t t;
  if (__builtin_mul_overflow(a, b, &t))
    return false;
  *r = t;
  return true;
}

/* Floor division for b > 0 (rounds toward minus infinity, unlike C's `/`
 * which truncates toward zero). */
static inline int64_t tly__floordiv_i64(int64_t a, int64_t b)
{
  int64_t q = a / b;
  if ((a % b != 0) && (a < 0))
    q--;
  return q;
}

/* Ceiling division for a >= 0, b > 0 without overflow. */
static inline int64_t tly__ceildiv_i64(int64_t a, int64_t b)
{
  return a / b + (a % b != 0);
}

#endif
