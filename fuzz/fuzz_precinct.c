/*
 * fuzz_precinct.c -- libFuzzer harness for MEDSL county and precinct files
 * (precinct.c): an input whose first line lacks "county_fips" is read
 * after the header of MEDSL's 2016 precinct files. The bytes go to a
 * memory file (the reader takes a path), read by 1 or 2 threads: plain
 * (in parts, each worker's buffer the default or 1-512 bytes, which also
 * cuts the file into parts of 4 buffers) or gzip-compressed here (read as
 * a stream); the state result and the county table must be consistent.
 */
#define _GNU_SOURCE
#include "results.h"

#include "precinct.h"

#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

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
  uint64_t h = fz_hash(d, n);
  /* bits 2-3: 0 and 1 the plain file with the default buffers, 2 with
   * buffers of 1-512 bytes, 3 gzip */
  unsigned how = (unsigned)(h >> 2) & 3;
  size_t block = how == 2 ? 1 + (size_t)((h >> 8) % 512) : 0;
  size_t hn = has ? 0 : sizeof HEADER - 1;
  if (how == 3) {
    z_stream z;
    memset(&z, 0, sizeof z);
    FZ_CHECK(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8,
                          Z_DEFAULT_STRATEGY) == Z_OK, "deflateInit2");
    size_t cap = deflateBound(&z, (uLong)(hn + n)) + 64;
    unsigned char *in = malloc(hn + n + 1), *out = malloc(cap);
    FZ_CHECK(in != NULL && out != NULL, "out of memory");
    memcpy(in, HEADER, hn);
    if (n > 0)
      memcpy(in + hn, d, n);
    z.next_in = in;
    z.avail_in = (uInt)(hn + n);
    z.next_out = out;
    z.avail_out = (uInt)cap;
    FZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate");
    size_t zn = cap - z.avail_out;
    deflateEnd(&z);
    FZ_CHECK(write(fd, out, zn) == (ssize_t)zn, "write failed");
    free(in);
    free(out);
  } else {
    if (!has)
      FZ_CHECK(write(fd, HEADER, sizeof HEADER - 1) ==
                   (ssize_t)(sizeof HEADER - 1), "write failed");
    FZ_CHECK(n == 0 || write(fd, d, n) == (ssize_t)n, "write failed");
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  tly_load_opts o = {.year = (h & 1) ? 2016 : 2020,
                     .threads = 1 + (int)((h >> 1) & 1)};
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_election *e = NULL;
  tly_status s = block > 0 ? tly__precinct_election_block(path, NULL, &o,
                                                          block, a, &e, &err)
                           : tly_election_load(path, &o, a, &e, &err);
  fz_check_error(&err, s);
  if (s == TLY_OK) {
    check_election(e);
    tly_election_free(e);
    tly_areas *t = NULL;
    s = tly__areas_load_block(path, &o, NULL, block, a, &t, &err);
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
