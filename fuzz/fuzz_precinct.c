/*
 * fuzz_precinct.c -- libFuzzer harness for MEDSL county and precinct files
 * (precinct.c): an input whose first line lacks "county_fips" is read
 * after the header of MEDSL's 2016 precinct files. The bytes go to a
 * memory file (the reader takes a path), read by 1 or 2 threads, plain;
 * the state result and the county table must be consistent.
 */
#define _GNU_SOURCE
#include "results.h"

#include <sys/mman.h>
#include <unistd.h>

static const char HEADER[] = "state_po,county_fips,county_name,jurisdiction,"
                             "precinct,candidate,party,writein,mode,votes\n";

/* The county table's rows: counts not negative, named columns summing to
 * at most the total (rows of no one are not in it). */
static void check_areas(const tly_areas *t)
{
  for (size_t i = 0; i < tly_areas_n(t); i++) {
    const tly_area *r = tly_areas_row(t, i);
    int64_t sum = 0;
    for (size_t c = 0; c < TLY_AREA_COLS; c++) {
      FZ_CHECK(r->votes[c] >= -1, "column %zu of %s", c, r->code);
      if (r->votes[c] > 0)
        sum += r->votes[c];
    }
    FZ_CHECK(r->total >= 0 && sum == r->total, "%s: columns %lld, total "
             "%lld", r->code, (long long)sum, (long long)r->total);
    FZ_CHECK(strlen(r->code) == 5, "code %s", r->code);
  }
}

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  const uint8_t *eol = memchr(d, '\n', n);
  size_t first = eol != NULL ? (size_t)(eol - d) : n;
  bool has = false;
  for (size_t i = 0; i + 11 <= first && !has; i++)
    has = memcmp(d + i, "county_fips", 11) == 0;
  int fd = memfd_create("precinct", 0);
  FZ_CHECK(fd >= 0, "memfd_create failed");
  if (!has)
    FZ_CHECK(write(fd, HEADER, sizeof HEADER - 1) ==
                 (ssize_t)(sizeof HEADER - 1), "write failed");
  FZ_CHECK(n == 0 || write(fd, d, n) == (ssize_t)n, "write failed");
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  uint64_t h = fz_hash(d, n);
  tly_load_opts o = {.year = (h & 1) ? 2016 : 2020,
                     .threads = 1 + (int)((h >> 1) & 1)};
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_election *e = NULL;
  tly_status s = tly_election_load(path, &o, a, &e, &err);
  fz_check_error(&err, s);
  if (s == TLY_OK) {
    check_election(e);
    tly_election_free(e);
    tly_areas *t = NULL;
    s = tly_areas_load(path, &o, NULL, a, &t, &err);
    fz_check_error(&err, s);
    if (s == TLY_OK)
      check_areas(t);
    else
      FZ_CHECK(t == NULL, "a failed load returned a table");
    tly_areas_free(t);
  } else {
    FZ_CHECK(e == NULL, "a failed load returned an election");
  }
  close(fd);
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  (void)results_with_header; /* results.h's, for the other harnesses */
  fz_json_alloc();
  fz_run(run, data, size);
  return 0;
}
