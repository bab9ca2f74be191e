/*
 * testutil.h -- what several unit tests share: an allocator for the
 * out-of-memory tests that fails the allocation asked for and counts the
 * blocks and bytes outstanding, a driver that fails every allocation in
 * turn, and loaders that assert success. Static
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

/* A tly_allocator's realloc over libc's, driven by the tu_alloc ud. The
 * counters change atomically: the county and precinct reader calls it
 * from 2 threads at once (tally.h: the allocator must be thread-safe). */
static inline void *tu_realloc(void *ud, void *p, size_t old_size,
                               size_t new_size)
{
  tu_alloc *a = ud;
  if (new_size == 0) {
    if (p != NULL)
      __atomic_fetch_sub(&a->blocks, 1, __ATOMIC_RELAXED);
    __atomic_fetch_sub(&a->bytes, (long long)old_size, __ATOMIC_RELAXED);
    free(p);
    return NULL;
  }
  long long count = __atomic_add_fetch(&a->count, 1, __ATOMIC_RELAXED);
  if (a->fail_at != 0 &&
      (count == a->fail_at || (a->fail_after && count > a->fail_at)))
    return NULL;
  void *q = realloc(p, new_size);
  if (q != NULL) {
    if (p == NULL)
      __atomic_fetch_add(&a->blocks, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&a->bytes, (long long)new_size - (long long)old_size,
                       __ATOMIC_RELAXED);
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

/* The code under test, run once with allocator a: returns its status,
 * having freed whatever it made. */
typedef tly_status (*tu_run_fn)(const tly_allocator *a, void *ud);

/* Out of memory, every allocation failing in turn: runs run(a, ud) with
 * every allocation from the 1st on failing, then from the 2nd on, ...,
 * until it returns TLY_OK (within max runs). Every other status must be
 * TLY_ENOMEM, and no block may be left outstanding by a run; with bytes,
 * no byte either (for code that passes exact sizes when it frees). */
static inline void tu_each_failure(tu_run_fn run, void *ud, long max,
                                   bool bytes)
{
  for (long n = 0; n < max; n++) {
    tu_alloc st = {0};
    tu_fail_after(&st, n);
    tly_allocator a = {tu_realloc, &st};
    tly_status s = run(&a, ud);
    cr_assert(s == TLY_OK || s == TLY_ENOMEM, "failing from allocation "
              "%ld: %s", n + 1, tly_status_name(s));
    cr_assert_eq(st.blocks, 0, "failing from allocation %ld: %lld blocks "
                 "leaked", n + 1, st.blocks);
    if (bytes)
      cr_assert_eq(st.bytes, 0, "failing from allocation %ld: %lld bytes "
                   "leaked", n + 1, st.bytes);
    if (s == TLY_OK)
      return;
  }
  cr_assert_fail("still failing after %ld runs", max);
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
