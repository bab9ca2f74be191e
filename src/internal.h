/*
 * internal.h -- declarations shared across src/: the allocator wrappers,
 * error filling and assertions. Never included by cli/, server/ or bench/.
 */
#ifndef TLY_INTERNAL_H
#define TLY_INTERNAL_H

#include "tally.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define TLY_UNUSED(x) ((void)(x))

/* Programmer errors only (never bad input): active in test builds. */
#ifdef TLY_DEBUG
#include <stdlib.h>
#define TLY_ASSERT(c) ((c) ? (void)0 : abort())
#else
#define TLY_ASSERT(c) ((void)0)
#endif

/*---- mem.c: every allocation in src/ goes through these ----*/

/* The allocator to use: `a` itself, or the C library's when a is NULL. */
const tly_allocator *tly__alloc_or_default(const tly_allocator *a);
/* Allocates n bytes (n > 0); NULL when out of memory. */
void *tly__malloc(const tly_allocator *a, size_t n);
/* Allocates count * size zeroed bytes; NULL on overflow or out of memory. */
void *tly__calloc(const tly_allocator *a, size_t count, size_t size);
/* Resizes p from old to n bytes; NULL (p untouched) on failure. */
void *tly__realloc(const tly_allocator *a, void *p, size_t old_size,
                   size_t n);
/* Frees p, allocated with size `size`; NULL is a no-op. */
void tly__free(const tly_allocator *a, void *p, size_t size);
/* Copies the NUL-terminated s; NULL on out of memory. Free with
 * tly__free(a, p, strlen(p) + 1). */
char *tly__strdup(const tly_allocator *a, const char *s);

/*---- status.c: filling a tly_error ----*/

/* Sets err (if not NULL) to status s with a printf-style message and no
 * location; returns s so that callers can `return tly__fail(...)`. */
tly_status tly__fail(tly_error *err, tly_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* As tly__fail, with a FILE:LINE:COL location. */
tly_status tly__fail_at(tly_error *err, tly_status s, const char *file,
                        int64_t line, int64_t col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Clears err to TLY_OK (no-op for NULL). */
void tly__error_clear(tly_error *err);

/*---- data.c: the built-in datasets compiled into the library ----*/

/* The bytes of the built-in file `name` (e.g. "results.csv"), NUL-terminated,
 * with its length in *len; NULL when there is no such file. */
const char *tly__data_file(const char *name, size_t *len);

/*---- load.c: the built-in elections ----*/

/* The census whose apportionment set the electors of `year` in the
 * built-in electors.csv (the one add_electors gives the elections it
 * loads), without loading the election: one pass over that table.
 * ENODATA when no apportionment covers the year. */
tly_status tly__electors_census(int year, const tly_allocator *a,
                                int *census, tly_error *err);

#endif
