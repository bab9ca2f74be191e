/*
 * testutil.h -- what several unit tests share: an allocator for the
 * out-of-memory tests that fails the allocation asked for and counts the
 * blocks and bytes outstanding, and loaders that assert success. Static
 * inline, so that any test file may include it (after Criterion).
 */
#ifndef TALLY_TESTUTIL_H
#define TALLY_TESTUTIL_H

#include "tally.h"

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The state behind tu_realloc (its ud). Allocations are the calls for a
 * new or a resized block (not the frees), counted 1, 2, ... in `count`.
 * The one numbered fail_at fails (0: none does) and, with fail_after,
 * every later one too. A failed call changes nothing outstanding. */
typedef struct tu_alloc {
  long long fail_at;
  bool fail_after;
  long long count;  /* allocations asked for so far */
  long long blocks; /* blocks outstanding */
  long long bytes;  /* bytes outstanding, by the sizes the caller passes */
} tu_alloc;

/* A tly_allocator's realloc over libc's, driven by the tu_alloc ud. */
static inline void *tu_realloc(void *ud, void *p, size_t old_size,
                               size_t new_size)
{
  tu_alloc *a = ud;
  if (new_size == 0) {
    if (p != NULL)
      a->blocks--;
    a->bytes -= (long long)old_size;
    free(p);
    return NULL;
  }
  a->count++;
  if (a->fail_at != 0 &&
      (a->count == a->fail_at || (a->fail_after && a->count > a->fail_at)))
    return NULL;
  void *q = realloc(p, new_size);
  if (q != NULL) {
    if (p == NULL)
      a->blocks++;
    a->bytes += (long long)new_size - (long long)old_size;
  }
  return q;
}

/* From now on the next n allocations succeed and every one after fails
 * (n = 0: all fail). */
static inline void tu_fail_after(tu_alloc *a, long long n)
{
  a->fail_at = a->count + n + 1;
  a->fail_after = true;
}

/* A built-in election (NULL allocator); the test fails if it cannot load. */
static inline tly_election *tu_builtin(int year, tly_source source)
{
  tly_election *e = NULL;
  tly_error err = {0};
  cr_assert_eq(tly_election_builtin(year, source, NULL, &e, &err), TLY_OK,
               "%s", err.msg);
  return e;
}

/* An election from CSV text named "t.csv"; the test fails if it does not
 * parse. */
static inline tly_election *tu_parse(const char *text)
{
  tly_election *e = NULL;
  tly_error err = {0};
  cr_assert_eq(
      tly_election_parse("t.csv", text, strlen(text), NULL, NULL, &e, &err),
      TLY_OK, "%s", err.msg);
  return e;
}

#endif
