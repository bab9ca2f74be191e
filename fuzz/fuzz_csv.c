/*
 * fuzz_csv.c -- libFuzzer harness for the RFC 4180 reader (src/csv.c):
 * every record's fields are checked (terminated, within the caps, UTF-8
 * without NUL, positions in order), an error must repeat unchanged, and a
 * file read without error is written back fully quoted and read again,
 * which must give the same records.
 */
#include "csv.h"
#include "fuzz.h"

/* Fields of record i appended to o, each quoted with "" for a quote; the
 * records joined by LF. */
static void put_record(fz_out *o, const tly__csv_field *f, size_t nf)
{
  for (size_t i = 0; i < nf; i++) {
    FZ_CHECK(fz_out_write(o, i > 0 ? ",\"" : "\"", i > 0 ? 2 : 1) == 0,
             "harness out of memory");
    for (size_t k = 0; k < f[i].n; k++) {
      const char *q = f[i].p[k] == '"' ? "\"\"" : &f[i].p[k];
      FZ_CHECK(fz_out_write(o, q, f[i].p[k] == '"' ? 2 : 1) == 0,
               "harness out of memory");
    }
    FZ_CHECK(fz_out_write(o, "\"", 1) == 0, "harness out of memory");
  }
  FZ_CHECK(fz_out_write(o, "\n", 1) == 0, "harness out of memory");
}

/* Valid UTF-8 (RFC 3629) without NUL: what the reader promises. */
static bool utf8_ok(const unsigned char *s, size_t n)
{
  size_t i = 0;
  while (i < n) {
    unsigned b = s[i];
    if (b == 0)
      return false;
    if (b < 0x80) {
      i++;
      continue;
    }
    size_t k = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (b < 0xC2 || b > 0xF4 || i + k > n)
      return false;
    uint32_t cp = b & (0x7F >> k);
    for (size_t j = 1; j < k; j++) {
      if ((s[i + j] & 0xC0) != 0x80)
        return false;
      cp = cp << 6 | (s[i + j] & 0x3F);
    }
    if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += k;
  }
  return true;
}

/* Reads all of data; writes the records to o (may be NULL). Returns the
 * reader's status. */
static tly_status read_all(const tly_allocator *a, const char *data,
                           size_t len, size_t max_field, size_t max_fields,
                           fz_out *o)
{
  tly__csv *c = NULL;
  tly_error err;
  memset(&err, 0, sizeof err);
  tly_status s =
      tly__csv_open(a, "in.csv", data, len, max_field, max_fields, &c, &err);
  fz_check_error(&err, s);
  if (s != TLY_OK) {
    FZ_CHECK(c == NULL, "a failed open returned a reader");
    return s;
  }
  int64_t last_line = 0;
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    s = tly__csv_next(c, &f, &nf, &eof, &err);
    fz_check_error(&err, s);
    if (s != TLY_OK) {
      if (s != TLY_ENOMEM) {
        FZ_CHECK(strcmp(err.file, "in.csv") == 0, "error in file \"%s\"",
                 err.file);
        FZ_CHECK(err.line >= 1 && err.col >= 1, "error at %lld:%lld",
                 (long long)err.line, (long long)err.col);
      }
      /* The error is sticky and the same each time. */
      tly_error again;
      memset(&again, 0, sizeof again);
      tly_status s2 = tly__csv_next(c, &f, &nf, &eof, &again);
      FZ_CHECK(s2 == s && strcmp(again.msg, err.msg) == 0 &&
                   again.line == err.line && again.col == err.col,
               "the error changed: \"%s\" then \"%s\"", err.msg, again.msg);
      break;
    }
    if (eof)
      break;
    FZ_CHECK(nf >= 1 && nf <= max_fields, "%zu fields (cap %zu)", nf,
             max_fields);
    int64_t rl = tly__csv_line(c);
    FZ_CHECK(rl > last_line, "record line %lld after %lld", (long long)rl,
             (long long)last_line);
    FZ_CHECK(f[0].line == rl, "first field on line %lld, record on %lld",
             (long long)f[0].line, (long long)rl);
    for (size_t i = 0; i < nf; i++) {
      FZ_CHECK(f[i].p != NULL && f[i].p[f[i].n] == '\0',
               "field %zu not terminated", i);
      FZ_CHECK(f[i].n <= max_field, "field of %zu bytes (cap %zu)", f[i].n,
               max_field);
      FZ_CHECK(utf8_ok((const unsigned char *)f[i].p, f[i].n),
               "field %zu is not UTF-8 without NUL", i);
      FZ_CHECK(f[i].col >= 1, "field %zu at column %lld", i,
               (long long)f[i].col);
      if (i > 0)
        FZ_CHECK(f[i].line > f[i - 1].line ||
                     (f[i].line == f[i - 1].line && f[i].col > f[i - 1].col),
                 "field %zu at %lld:%lld before field %zu", i,
                 (long long)f[i].line, (long long)f[i].col, i - 1);
    }
    last_line = rl;
    if (o != NULL)
      put_record(o, f, nf);
  }
  tly__csv_free(c);
  return s;
}

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  /* The caps, chosen by the input: tiny ones reach the cap errors. */
  static const size_t max_field[4] = {1, 7, 64, 4096};
  static const size_t max_fields[4] = {1, 3, 16, 130};
  uint64_t h = fz_hash(d, n);
  size_t mf = max_field[h >> 60 & 3];
  size_t mfs = max_fields[h >> 62 & 3];
  fz_out first = {0};
  tly_status s = read_all(a, (const char *)d, n, mf, mfs, &first);
  if (s == TLY_OK && first.len > 0) {
    /* Written back quoted, the records read the same. */
    fz_out second = {0};
    s = read_all(a, first.p, first.len, mf, mfs, &second);
    if (s == TLY_OK)
      FZ_CHECK(second.len == first.len &&
                   memcmp(second.p, first.p, first.len) == 0,
               "records differ when read back");
    free(second.p);
  }
  free(first.p);
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_run(run, data, size);
  return 0;
}
