/*
 * fuzz.h -- what the libFuzzer harnesses share: an allocator that fails
 * one chosen allocation and counts what is outstanding, and the two runs
 * every input gets (all allocations succeed; then one of them fails), with
 * a leak check after each. jansson's allocations (the library's JSON
 * writers use it) go to the same allocator once a harness calls
 * fz_json_alloc(). Any broken rule aborts, so that libFuzzer (or the
 * replay driver, fuzz/replay.c) reports the input.
 */
#ifndef TALLY_FUZZ_H
#define TALLY_FUZZ_H

#include "tally.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every harness defines this entry point (libFuzzer's). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run: a broken rule is a finding. */
#define FZ_CHECK(cond, ...)                                                  \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "fuzz: %s:%d: check failed: %s: ", __FILE__,          \
              __LINE__, #cond);                                              \
      fprintf(stderr, __VA_ARGS__);                                          \
      fputc('\n', stderr);                                                   \
      abort();                                                               \
    }                                                                        \
  } while (0)

/* The state behind fz_realloc. Allocations (calls for a new or a resized
 * block, not frees) are numbered 1, 2, ...; the one numbered fail_at fails
 * (0: none does). Each block carries a header with its real size, so the
 * outstanding bytes are exact whatever size the caller passes back; a
 * caller that passes back another size than it was given breaks
 * tly_allocator's contract (tally.h), counted in `wrong_size`. The
 * library calls it from several threads at once (a county or precinct file
 * read by 2 threads), so every field is read and written atomically. */
typedef struct fz_alloc {
  uint64_t count;      /* allocations asked for so far */
  uint64_t fail_at;    /* the one to fail; 0 = none */
  bool failed;         /* fail_at was reached and failed */
  int64_t blocks;      /* blocks outstanding */
  int64_t bytes;       /* bytes outstanding (real sizes) */
  uint64_t wrong_size; /* frees/resizes passing a size other than the real */
} fz_alloc;

/* The header keeps the user block aligned as malloc's would be. */
typedef union fz_head {
  size_t size;
  max_align_t align;
} fz_head;

static inline void *fz_realloc(void *ud, void *p, size_t old_size,
                               size_t new_size)
{
  fz_alloc *st = ud;
  fz_head *h = p != NULL ? (fz_head *)p - 1 : NULL;
  if (h != NULL && h->size != old_size)
    __atomic_fetch_add(&st->wrong_size, 1, __ATOMIC_RELAXED);
  if (new_size == 0) {
    if (h != NULL) {
      __atomic_fetch_sub(&st->blocks, 1, __ATOMIC_RELAXED);
      __atomic_fetch_sub(&st->bytes, (int64_t)h->size, __ATOMIC_RELAXED);
      free(h);
    }
    return NULL;
  }
  uint64_t n = __atomic_add_fetch(&st->count, 1, __ATOMIC_RELAXED);
  if (n == __atomic_load_n(&st->fail_at, __ATOMIC_RELAXED)) {
    __atomic_store_n(&st->failed, true, __ATOMIC_RELAXED);
    return NULL;
  }
  if (new_size > SIZE_MAX - sizeof(fz_head))
    return NULL;
  size_t was = h != NULL ? h->size : 0;
  fz_head *q = realloc(h, sizeof(fz_head) + new_size);
  if (q == NULL)
    return NULL;
  if (h == NULL)
    __atomic_fetch_add(&st->blocks, 1, __ATOMIC_RELAXED);
  __atomic_fetch_add(&st->bytes, (int64_t)new_size - (int64_t)was,
                     __ATOMIC_RELAXED);
  q->size = new_size;
  return q + 1;
}

/* The state allocations go to when they do not come with one: jansson's
 * (json_set_alloc_funcs), and in fuzz_api the server's. fz_run points it
 * at the run's state while the code under test runs; otherwise it is
 * fz_idle, which never fails. */
static fz_alloc fz_idle;
static fz_alloc *fz_cur = &fz_idle;

static inline void *fz_cur_malloc(size_t n)
{
  return fz_realloc(fz_cur, NULL, 0, n > 0 ? n : 1);
}

static inline void fz_cur_free(void *p)
{
  if (p != NULL)
    fz_realloc(fz_cur, p, ((fz_head *)p - 1)->size, 0);
}

/* FNV-1a of the input: picks the allocation to fail and other choices, so
 * that one input always runs the same way. */
static inline uint64_t fz_hash(const uint8_t *d, size_t n)
{
  uint64_t h = 0xcbf29ce484222325u;
  for (size_t i = 0; i < n; i++) {
    h ^= d[i];
    h *= 0x100000001b3u;
  }
  return h;
}

/* Hands jansson's allocations to fz_cur (once, before any run). */
static inline void fz_json_alloc(void)
{
  static bool done;
  if (!done)
    json_set_alloc_funcs(fz_cur_malloc, fz_cur_free);
  done = true;
}

/* The code under test, run once with allocator a over the input: returns
 * its status, having freed whatever it made. */
typedef tly_status (*fz_run_fn)(const tly_allocator *a, const uint8_t *d,
                                size_t n);

/* Runs run() twice: with every allocation succeeding, then (when it
 * allocated at all) with allocation N failing, N in 1..count chosen by the
 * input's hash. Both must leave nothing outstanding; the second must
 * return TLY_ENOMEM, which also proves the failure was not ignored. With
 * FZ_EACH_FAILURE set in the environment, every N is tried in turn (the
 * replay driver's thorough mode; FZ_EACH_FAILURE=M > 1: about M of them,
 * evenly spaced from the first); with FZ_FAIL_AT=N, just that one. */
static inline void fz_run(fz_run_fn run, const uint8_t *d, size_t n)
{
  fz_alloc st = {0};
  tly_allocator a = {fz_realloc, &st};
  fz_cur = &st;
  tly_status s = run(&a, d, n);
  fz_cur = &fz_idle;
  FZ_CHECK(st.blocks == 0 && st.bytes == 0,
           "%lld blocks, %lld bytes leaked (status %s)",
           (long long)st.blocks, (long long)st.bytes, tly_status_name(s));
  FZ_CHECK(st.wrong_size == 0,
           "%llu frees or resizes passed a wrong old size (status %s)",
           (unsigned long long)st.wrong_size, tly_status_name(s));
  FZ_CHECK(s != TLY_ENOMEM, "out of memory with no allocation failing");
  uint64_t total = st.count;
  if (total == 0)
    return;
  uint64_t first = 1 + fz_hash(d, n) % total;
  uint64_t last = first;
  uint64_t step = 1;
  const char *each = getenv("FZ_EACH_FAILURE");
  if (each != NULL) {
    first = 1;
    last = total;
    uint64_t most = strtoull(each, NULL, 10); /* 0 (or not a number): all */
    if (most > 1 && total > most)
      step = (total - 1) / (most - 1); /* about `most`, from the first */
  }
  const char *at = getenv("FZ_FAIL_AT"); /* to debug one failure */
  if (at != NULL && strtoull(at, NULL, 10) >= 1 &&
      strtoull(at, NULL, 10) <= total)
    first = last = strtoull(at, NULL, 10);
  for (uint64_t k = first; k <= last; k += step) {
    fz_alloc f = {.fail_at = k};
    a.ud = &f;
    fz_cur = &f;
    tly_status s2 = run(&a, d, n);
    fz_cur = &fz_idle;
    FZ_CHECK(f.blocks == 0 && f.bytes == 0,
             "allocation %llu of %llu failing: %lld blocks, %lld bytes "
             "leaked (status %s)",
             (unsigned long long)k, (unsigned long long)total,
             (long long)f.blocks, (long long)f.bytes, tly_status_name(s2));
    FZ_CHECK(f.wrong_size == 0,
             "allocation %llu of %llu failing: %llu frees or resizes "
             "passed a wrong old size",
             (unsigned long long)k, (unsigned long long)total,
             (unsigned long long)f.wrong_size);
    FZ_CHECK(f.failed, "allocation %llu of %llu was never asked for: the "
             "run is not deterministic", (unsigned long long)k,
             (unsigned long long)total);
    FZ_CHECK(s2 == TLY_ENOMEM, "allocation %llu of %llu failing: status "
             "%s, want TLY_ENOMEM", (unsigned long long)k,
             (unsigned long long)total, tly_status_name(s2));
  }
}

/* A tly_writer into a growing malloc'd buffer (the harness's own memory,
 * not counted), for checking what the library writes. */
typedef struct fz_out {
  char *p;
  size_t len, cap;
} fz_out;

static inline int fz_out_write(void *ud, const char *p, size_t n)
{
  fz_out *o = ud;
  if (n > SIZE_MAX / 2 - o->len)
    return 1;
  if (o->len + n + 1 > o->cap) {
    size_t cap = o->cap ? o->cap : 256;
    while (cap < o->len + n + 1)
      cap *= 2;
    char *q = realloc(o->p, cap);
    if (q == NULL)
      return 1;
    o->p = q;
    o->cap = cap;
  }
  memcpy(o->p + o->len, p, n);
  o->len += n;
  o->p[o->len] = '\0';
  return 0;
}

/* Whether n bytes at p are one JSON text (jansson's allocations here are
 * the harness's: they neither fail nor count). */
static inline bool fz_json_ok(const char *p, size_t n, char *why,
                              size_t why_size)
{
  fz_alloc *was = fz_cur;
  fz_cur = &fz_idle;
  json_error_t jerr;
  json_t *j = json_loadb(p != NULL ? p : "", n, 0, &jerr);
  if (j == NULL)
    snprintf(why, why_size, "%s (line %d, column %d)", jerr.text, jerr.line,
             jerr.column);
  json_decref(j);
  fz_cur = was;
  return j != NULL;
}

/* tly_error's text fields must be NUL-terminated, and a failure must say
 * something. */
static inline void fz_check_error(const tly_error *err, tly_status s)
{
  FZ_CHECK(memchr(err->msg, 0, sizeof err->msg) != NULL,
           "error message not terminated");
  FZ_CHECK(memchr(err->file, 0, sizeof err->file) != NULL,
           "error file not terminated");
  if (s != TLY_OK) {
    FZ_CHECK(err->status == s, "err.status %s, returned %s",
             tly_status_name(err->status), tly_status_name(s));
    FZ_CHECK(err->msg[0] != '\0', "status %s with an empty message",
             tly_status_name(s));
    FZ_CHECK(err->line >= 0 && err->col >= 0, "negative position %lld:%lld",
             (long long)err->line, (long long)err->col);
  }
}

#endif
