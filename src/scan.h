/*
 * scan.h -- strict scanning of numbers from (pointer, length) tokens, after
 * redis's string2ll and curl's curlx_str_number: no sign unless allowed, no
 * spaces, no empty token, no trailing junk, overflow reported, never wrapped.
 */
#ifndef TLY_SCAN_H
#define TLY_SCAN_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

/* Parses the n bytes at p as a decimal integer in [min, max]: optional '-'
 * only when min < 0, digits only (no '+', spaces, thousands separators,
 * empty, trailing junk); returns TLY_OK, or TLY_EPARSE ("not an integer")
 * / TLY_ERANGE (out of [min,max], including int64 overflow). Leading zeros
 * are accepted ("007" is 7). On failure *out is unchanged. */
tly_status tly__scan_i64(const char *p, size_t n, int64_t min, int64_t max,
                         int64_t *out);

/* Parses a finite decimal floating-point number (digits, optional '.',
 * optional exponent, optional leading '-'), nothing else; TLY_EPARSE
 * otherwise. At least one mantissa digit is needed ("5.", ".5" are fine;
 * "." is not); the exponent is e or E, an optional sign and digits. A value
 * that overflows to infinity, and a token longer than 400 bytes, are
 * TLY_EPARSE. The result is correctly rounded (the C library's strtod, read
 * in the "C" locale's notation whatever the current locale). On failure
 * *out is unchanged. */
tly_status tly__scan_double(const char *p, size_t n, double *out);

#endif
