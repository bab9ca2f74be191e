/*
 * test_csv.c -- the RFC 4180 reader (src/csv.c): quoting, line endings,
 * BOM, empty lines and fields, every error with its exact line and column,
 * the caps, and out-of-memory torture with a failing allocator.
 */
#include "csv.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define BIG ((size_t)1 << 20)

/* One record as tly__csv_next gives it. */
typedef struct {
  const tly__csv_field *f;
  size_t nf;
  bool eof;
} rec;

/* A reader over len bytes of data; the test fails if it cannot open. */
static tly__csv *open_csv(const char *name, const char *data, size_t len,
                          size_t max_field, size_t max_fields)
{
  tly__csv *c = NULL;
  cr_assert_eq(tly__csv_open(NULL, name, data, len, max_field, max_fields,
                             &c, NULL),
               TLY_OK);
  return c;
}

/* The next record; the test fails on an error. */
static rec next_ok(tly__csv *c)
{
  rec r;
  cr_assert_eq(tly__csv_next(c, &r.f, &r.nf, &r.eof, NULL), TLY_OK);
  return r;
}

/* Reads all of data (len bytes) into a string: each field as [bytes], a
 * newline after each record. Fails the test on any error. */
static char *dump(const char *data, size_t len, size_t max_field,
                  size_t max_fields)
{
  tly__csv *c = NULL;
  tly_error err = {0};
  cr_assert_eq(tly__csv_open(NULL, "t.csv", data, len, max_field,
                             max_fields, &c, &err),
               TLY_OK);
  size_t cap = 4 * len + 64, n = 0;
  char *s = calloc(1, cap);
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    tly_status st = tly__csv_next(c, &f, &nf, &eof, &err);
    cr_assert_eq(st, TLY_OK, "unexpected error %s at %lld:%lld: %s",
                 tly_status_name(st), (long long)err.line,
                 (long long)err.col, err.msg);
    if (eof)
      break;
    for (size_t i = 0; i < nf; i++) {
      cr_assert_eq(f[i].p[f[i].n], '\0');
      if (n + f[i].n + 3 > cap) {
        cap = 2 * (n + f[i].n + 3);
        s = realloc(s, cap);
      }
      s[n++] = '[';
      memcpy(s + n, f[i].p, f[i].n);
      n += f[i].n;
      s[n++] = ']';
    }
    if (n + 2 > cap) {
      cap = 2 * cap;
      s = realloc(s, cap);
    }
    s[n++] = '\n';
  }
  s[n] = '\0';
  tly__csv_free(c);
  return s;
}

static void expect(const char *data, const char *want)
{
  char *got = dump(data, strlen(data), BIG, 1000);
  cr_assert_str_eq(got, want, "input \"%s\"", data);
  free(got);
}

/* Reads data (len bytes) until an error, which must be (st, line, col,
 * msg), after `good` good records. */
static void expect_err_n(const char *data, size_t len, size_t max_field,
                         size_t max_fields, int good, tly_status st,
                         int64_t line, int64_t col, const char *msg)
{
  tly__csv *c = NULL;
  tly_error err = {0};
  cr_assert_eq(tly__csv_open(NULL, "bad.csv", data, len, max_field,
                             max_fields, &c, &err),
               TLY_OK);
  const tly__csv_field *f;
  size_t nf;
  bool eof;
  for (int i = 0; i < good; i++) {
    cr_assert_eq(tly__csv_next(c, &f, &nf, &eof, &err), TLY_OK,
                 "record %d: %s", i + 1, err.msg);
    cr_assert(!eof);
  }
  cr_assert_eq(tly__csv_next(c, &f, &nf, &eof, &err), st);
  cr_assert_eq(err.status, st);
  cr_assert_str_eq(err.file, "bad.csv");
  cr_assert_eq(err.line, line, "line %lld, want %lld", (long long)err.line,
               (long long)line);
  cr_assert_eq(err.col, col, "col %lld, want %lld", (long long)err.col,
               (long long)col);
  cr_assert_str_eq(err.msg, msg);
  /* The error is sticky. */
  tly_error again = {0};
  cr_assert_eq(tly__csv_next(c, &f, &nf, &eof, &again), st);
  cr_assert_eq(again.line, line);
  cr_assert_eq(again.col, col);
  cr_assert_str_eq(again.msg, msg);
  tly__csv_free(c);
}

static void expect_err(const char *data, int good, int64_t line, int64_t col,
                       const char *msg)
{
  expect_err_n(data, strlen(data), BIG, 1000, good, TLY_EPARSE, line, col,
               msg);
}

/*---- Well-formed input ----*/

Test(csv, simple_records)
{
  expect("a,b\nc,d\n", "[a][b]\n[c][d]\n");
  expect("year,state\n1976,AL\n", "[year][state]\n[1976][AL]\n");
}

Test(csv, quotes_and_doubled_quotes)
{
  expect("\"a\",\"b,c\"\n", "[a][b,c]\n");
  expect("\"a\"\"b\",c\n", "[a\"b][c]\n");
  expect("\"\"\"\"\n", "[\"]\n");
  expect("\"\"\"x\"\"\"\n", "[\"x\"]\n");
}

/* MEDSL "U.S. President 1976-2020" (doi:10.7910/DVN/42MVDX), line 15:
 * embedded quotes doubled twice. */
Test(csv, medsl_doubled_twice)
{
  const char *line = "1976,\"ARIZONA\",\"AZ\",4,86,61,\"US PRESIDENT\","
                     "\"MCCARTHY, EUGENE \"\"\"\"GENE\"\"\"\"\","
                     "\"INDEPENDENT\",FALSE,19229,742719,\"20210113\",NA,"
                     "\"OTHER\"\n";
  tly__csv *c = open_csv("medsl", line, strlen(line), 1024, 64);
  rec r = next_ok(c);
  cr_assert(!r.eof);
  cr_assert_eq(r.nf, 15);
  cr_assert_str_eq(r.f[7].p, "MCCARTHY, EUGENE \"\"GENE\"\"");
  cr_assert_eq(r.f[7].n, strlen("MCCARTHY, EUGENE \"\"GENE\"\""));
  cr_assert_eq(r.f[7].col, 44);
  cr_assert_str_eq(r.f[10].p, "19229");
  r = next_ok(c);
  cr_assert(r.eof);
  tly__csv_free(c);
}

/* MEDSL "U.S. President 2024", California write-in row: a newline inside
 * a quoted candidate name. */
Test(csv, medsl_2024_embedded_newline)
{
  const char *data =
      "2024,\"CALIFORNIA\",\"CA\",\"06\",\"71\",\"US PRESIDENT\",\"PETER\n"
      "SONSKI\",\"(W/I)\",\"OTHER\",TRUE,\"TOTAL\",2939,15865475,\"GEN\","
      "FALSE,FALSE,2025-11-20\n"
      "2024,\"COLORADO\"\n";
  tly__csv *c = open_csv("medsl", data, strlen(data), 1024, 64);
  rec r = next_ok(c);
  cr_assert_eq(r.nf, 17);
  cr_assert_str_eq(r.f[6].p, "PETER\nSONSKI");
  cr_assert_eq(r.f[6].line, 1);
  cr_assert_eq(r.f[7].line, 2); /* fields after the newline are on line 2 */
  cr_assert_eq(r.f[7].col, 9);
  cr_assert_str_eq(r.f[11].p, "2939");
  cr_assert_eq(r.f[11].line, 2);
  cr_assert_eq(r.f[11].col, 38);
  cr_assert_eq(tly__csv_line(c), 1);
  r = next_ok(c);
  cr_assert_eq(r.nf, 2);
  cr_assert_eq(tly__csv_line(c), 3);
  cr_assert_eq(r.f[1].line, 3);
  cr_assert_eq(r.f[1].col, 6);
  tly__csv_free(c);
}

Test(csv, line_endings)
{
  expect("a,b\r\nc,d\r\n", "[a][b]\n[c][d]\n");
  expect("a,b\rc,d\r", "[a][b]\n[c][d]\n"); /* CR only (old Mac files) */
  expect("a\nb\r\nc\rd", "[a]\n[b]\n[c]\n[d]\n");
  /* Inside quotes, line ends are data, kept byte for byte. */
  expect("\"x\r\ny\",z\r\nw\r\n", "[x\r\ny][z]\n[w]\n");
  expect("\"x\ry\"\r\"p\nq\"\n", "[x\ry]\n[p\nq]\n");
}

Test(csv, line_numbers_across_endings)
{
  const char *data = "a\r\n\"b\r\nc\rd\ne\"\r\rf,g\n";
  tly__csv *c = open_csv("x", data, strlen(data), 100, 10);
  rec r = next_ok(c);
  cr_assert_eq(tly__csv_line(c), 1);
  r = next_ok(c);
  cr_assert_eq(tly__csv_line(c), 2);
  cr_assert_str_eq(r.f[0].p, "b\r\nc\rd\ne");
  r = next_ok(c);
  cr_assert_eq(tly__csv_line(c), 7); /* line 6 is empty (CR CR) */
  cr_assert_eq(r.nf, 2);
  cr_assert_eq(r.f[1].line, 7);
  cr_assert_eq(r.f[1].col, 3);
  r = next_ok(c);
  cr_assert(r.eof);
  tly__csv_free(c);
}

Test(csv, bom)
{
  expect("\xEF\xBB\xBF" "a,b\n", "[a][b]\n");
  expect("\xEF\xBB\xBF", "");
  expect("\xEF\xBB\xBF\"q\"\n", "[q]\n");
  /* The BOM is not counted in columns. */
  const char *data = "\xEF\xBB\xBF" "ab,c\n";
  tly__csv *c = open_csv("x", data, strlen(data), 100, 10);
  rec r = next_ok(c);
  cr_assert_eq(r.f[0].col, 1);
  cr_assert_eq(r.f[1].col, 4);
  tly__csv_free(c);
  /* Only at the start: a BOM later is a character of the field. */
  expect("a\n\xEF\xBB\xBF" "b\n", "[a]\n[\xEF\xBB\xBF" "b]\n");
}

Test(csv, empty_fields)
{
  expect(",,\n", "[][][]\n");
  expect("a,,b\n", "[a][][b]\n");
  expect("\"\",x\n", "[][x]\n");
  expect("x,\"\"\n", "[x][]\n");
  expect("a,\n", "[a][]\n");
  expect("a,", "[a][]\n");
  expect(" \n", "[ ]\n"); /* spaces are data, not an empty line */
  expect("\"\"\n", "[]\n");
}

Test(csv, empty_lines_skipped)
{
  expect("a\n\nb\n", "[a]\n[b]\n");
  expect("\n\na\r\n\r\nb\r\r", "[a]\n[b]\n");
  const char *data = "a\n\n\nb\n";
  tly__csv *c = open_csv("x", data, strlen(data), 100, 10);
  rec r = next_ok(c);
  r = next_ok(c);
  cr_assert_eq(tly__csv_line(c), 4);
  cr_assert_eq(r.f[0].line, 4);
  tly__csv_free(c);
}

Test(csv, trailing_newline_or_none)
{
  expect("a,b\nc,d", "[a][b]\n[c][d]\n");
  expect("a,b\nc,d\n", "[a][b]\n[c][d]\n");
  expect("a,b\nc,d\n\n\n", "[a][b]\n[c][d]\n");
  expect("\"a\"", "[a]\n");
  expect("\"a\"\r", "[a]\n");
}

Test(csv, empty_input)
{
  expect("", "");
  expect("\n", "");
  expect("\r\n\r\n\r", "");
  /* NULL data with length 0 is allowed too; eof is sticky. */
  tly__csv *c = NULL;
  cr_assert_eq(tly__csv_open(NULL, "x", NULL, 0, 100, 10, &c, NULL),
               TLY_OK);
  const tly__csv_field *f;
  size_t nf = 7;
  bool eof = false;
  for (int i = 0; i < 2; i++) {
    cr_assert_eq(tly__csv_next(c, &f, &nf, &eof, NULL), TLY_OK);
    cr_assert(eof);
    cr_assert_eq(nf, 0);
  }
  cr_assert_eq(tly__csv_line(c), 0);
  tly__csv_free(c);
}

Test(csv, utf8_text_and_byte_columns)
{
  expect("caf\xC3\xA9,\xE2\x82\xAC,\xF0\x9F\x98\x80\n",
         "[caf\xC3\xA9][\xE2\x82\xAC][\xF0\x9F\x98\x80]\n");
  expect("\"\xC3\xA9,\xED\x9F\xBF\",\xF4\x8F\xBF\xBF\n",
         "[\xC3\xA9,\xED\x9F\xBF][\xF4\x8F\xBF\xBF]\n");
  const char *data = "\xC3\xA9,x\n";
  tly__csv *c = open_csv("x", data, strlen(data), 100, 10);
  rec r = next_ok(c);
  cr_assert_eq(r.f[1].col, 4); /* columns count bytes */
  tly__csv_free(c);
}

Test(csv, name_line_and_fail_helper)
{
  const char *data = "state,votes\nCA,12x\n";
  tly__csv *c = open_csv("results.csv", data, strlen(data), 100, 10);
  cr_assert_str_eq(tly__csv_name(c), "results.csv");
  rec r = next_ok(c);
  r = next_ok(c);
  tly_error err = {0};
  cr_assert_eq(tly__csv_fail(c, &r.f[1], &err, TLY_EPARSE,
                             "count \"%s\" is not an integer", r.f[1].p),
               TLY_EPARSE);
  cr_assert_eq(err.status, TLY_EPARSE);
  cr_assert_str_eq(err.file, "results.csv");
  cr_assert_eq(err.line, 2);
  cr_assert_eq(err.col, 4);
  cr_assert_str_eq(err.msg, "count \"12x\" is not an integer");
  cr_assert_eq(tly__csv_fail(c, NULL, &err, TLY_ERANGE, "short record"),
               TLY_ERANGE);
  cr_assert_eq(err.line, 2);
  cr_assert_eq(err.col, 0);
  cr_assert_eq(tly__csv_fail(c, &r.f[0], NULL, TLY_EPARSE, "x"), TLY_EPARSE);
  tly__csv_free(c);
  tly__csv_free(NULL);
}

/* The name is copied: the caller's string may go away after open. */
Test(csv, name_is_copied)
{
  char name[16] = "first.csv";
  tly__csv *c = NULL;
  cr_assert_eq(tly__csv_open(NULL, name, "\"x", 2, 100, 10, &c, NULL),
               TLY_OK);
  memcpy(name, "other", 6);
  cr_assert_str_eq(tly__csv_name(c), "first.csv");
  tly_error err = {0};
  const tly__csv_field *f;
  size_t nf;
  bool eof;
  cr_assert_eq(tly__csv_next(c, &f, &nf, &eof, &err), TLY_EPARSE);
  cr_assert_str_eq(err.file, "first.csv");
  tly__csv_free(c);
}

/*---- Errors, each at its exact line and column ----*/

Test(csv, err_unterminated_quote)
{
  expect_err("a,b\nc,\"de\nf", 1, 2, 3, "unterminated quoted field");
  expect_err("\"", 0, 1, 1, "unterminated quoted field");
  expect_err("x,\"a\"\"", 0, 1, 3, "unterminated quoted field");
}

Test(csv, err_quote_in_unquoted_field)
{
  expect_err("a,b\nab\"c,d\n", 1, 2, 3, "quote inside an unquoted field");
  expect_err(" \"a\"\n", 0, 1, 2, "quote inside an unquoted field");
}

Test(csv, err_after_closing_quote)
{
  expect_err("\"ab\"x,c\n", 0, 1, 5,
             "unexpected character 'x' after closing quote");
  expect_err("1,2\n3,\"a\" \n", 1, 2, 6,
             "unexpected character ' ' after closing quote");
  expect_err("\"a\"\t", 0, 1, 4, "unexpected byte 0x09 after closing quote");
  expect_err("\"a\"\xC3\xA9", 0, 1, 4,
             "unexpected byte 0xc3 after closing quote");
}

Test(csv, err_binary)
{
  expect_err_n("a,b\nc\0d\n", 8, BIG, 100, 1, TLY_EPARSE, 2, 2,
               "binary data (byte 0x00) is not CSV text");
  expect_err_n("\"a\n\0\"", 5, BIG, 100, 0, TLY_EPARSE, 2, 1,
               "binary data (byte 0x00) is not CSV text");
  expect_err_n("\"a\"\0", 4, BIG, 100, 0, TLY_EPARSE, 1, 4,
               "binary data (byte 0x00) is not CSV text");
  /* A gzip file (magic 1f 8b) given by mistake. */
  expect_err_n("\x1f\x8b\x08", 3, BIG, 100, 0, TLY_EPARSE, 1, 2,
               "invalid UTF-8 (byte 0x8b)");
}

Test(csv, err_invalid_utf8)
{
  expect_err("a,\xff\n", 0, 1, 3, "invalid UTF-8 (byte 0xff)");
  expect_err("ok\nab\xC0\x80\n", 1, 2, 3, "invalid UTF-8 (byte 0xc0)");
  expect_err("\xE0\x80\x80", 0, 1, 1, "invalid UTF-8 (byte 0xe0)");
  expect_err("\xED\xA0\x80", 0, 1, 1, "invalid UTF-8 (byte 0xed)");
  expect_err("\xF4\x90\x80\x80", 0, 1, 1, "invalid UTF-8 (byte 0xf4)");
  expect_err("\xF0\x8F\xBF\xBF", 0, 1, 1, "invalid UTF-8 (byte 0xf0)");
  expect_err("x\xE2\x82", 0, 1, 2, "invalid UTF-8 (byte 0xe2)");
  expect_err("\"\xE2\x82\"", 0, 1, 2, "invalid UTF-8 (byte 0xe2)");
  expect_err("\xC3(", 0, 1, 1, "invalid UTF-8 (byte 0xc3)");
  expect_err("\x80", 0, 1, 1, "invalid UTF-8 (byte 0x80)");
  expect_err("\xF5\x80\x80\x80", 0, 1, 1, "invalid UTF-8 (byte 0xf5)");
}

Test(csv, cap_field_length)
{
  /* Exactly at the cap is fine; one byte more is not. */
  char *got = dump("abc,\"a\"\"b\"\n", 11, 3, 10);
  cr_assert_str_eq(got, "[abc][a\"b]\n");
  free(got);
  expect_err_n("abc,abcd\n", 9, 3, 10, 0, TLY_EPARSE, 1, 5,
               "field longer than 3 bytes");
  expect_err_n("x\n\"ab\ncd\"\n", 10, 3, 10, 1, TLY_EPARSE, 2, 1,
               "field longer than 3 bytes");
  expect_err_n("\"\"\"\"\"\"\"\"\"\"", 10, 3, 10, 0, TLY_EPARSE, 1, 1,
               "field longer than 3 bytes");
}

Test(csv, cap_field_count)
{
  char *got = dump("a,b\n,\n", 6, 10, 2);
  cr_assert_str_eq(got, "[a][b]\n[][]\n");
  free(got);
  expect_err_n("a,b,c\n", 6, 10, 2, 0, TLY_EPARSE, 1, 5,
               "record has more than 2 fields");
  expect_err_n("a,b\n,,\n", 7, 10, 2, 1, TLY_EPARSE, 2, 3,
               "record has more than 2 fields");
}

Test(csv, bad_open_arguments)
{
  tly__csv *c = (tly__csv *)1;
  tly_error err = {0};
  cr_assert_eq(tly__csv_open(NULL, "x", "a", 1, 0, 10, &c, &err),
               TLY_EINVAL);
  cr_assert_null(c);
  cr_assert_eq(tly__csv_open(NULL, "x", "a", 1, 10, 0, &c, &err),
               TLY_EINVAL);
  cr_assert_eq(tly__csv_open(NULL, "x", NULL, 1, 10, 10, &c, &err),
               TLY_EINVAL);
}

/* Many fields and long fields make both buffers grow (and move) inside
 * one record; every field must still point at its own bytes. */
Test(csv, growth_keeps_fields)
{
  size_t n_fields = 3000;
  size_t cap = n_fields * 8 + 200000;
  char *data = malloc(cap);
  size_t n = 0;
  for (size_t i = 0; i < n_fields; i++)
    n += (size_t)snprintf(data + n, cap - n, "%s%zu", i ? "," : "", i);
  data[n++] = ',';
  data[n++] = '"';
  for (int i = 0; i < 100000; i++)
    data[n++] = (char)('a' + i % 26);
  data[n++] = '"';
  data[n++] = '\n';
  tly__csv *c = open_csv("x", data, n, 100000, n_fields + 1);
  rec r = next_ok(c);
  cr_assert_eq(r.nf, n_fields + 1);
  for (size_t i = 0; i < n_fields; i++) {
    char want[32];
    snprintf(want, sizeof want, "%zu", i);
    cr_assert_str_eq(r.f[i].p, want);
  }
  cr_assert_eq(r.f[n_fields].n, 100000);
  cr_assert_eq(r.f[n_fields].p[99999], 'a' + 99999 % 26);
  r = next_ok(c);
  cr_assert(r.eof);
  tly__csv_free(c);
  free(data);
}

/*---- Out of memory ----*/

/* Opens and reads all of data with fa's allocations (tu_realloc: the
 * n-th failing); returns the first status that is not TLY_OK (or TLY_OK
 * at the end). */
static tly_status read_all(tu_alloc *fa, const char *data, size_t len,
                           int *n_records)
{
  tly_allocator a = {tu_realloc, fa};
  tly__csv *c = NULL;
  tly_error err = {0};
  *n_records = 0;
  tly_status st = tly__csv_open(&a, "oom.csv", data, len, 4096, 64, &c,
                                &err);
  if (st != TLY_OK) {
    cr_assert_null(c);
    cr_assert_eq(err.status, st);
    return st;
  }
  for (;;) {
    const tly__csv_field *f;
    size_t nf;
    bool eof;
    st = tly__csv_next(c, &f, &nf, &eof, &err);
    if (st != TLY_OK) {
      cr_assert_eq(err.status, st);
      cr_assert_str_eq(err.msg, "out of memory");
      break;
    }
    if (eof)
      break;
    (*n_records)++;
  }
  tly__csv_free(c);
  return st;
}

Test(csv, out_of_memory_loop)
{
  /* Records that make both buffers grow several times. */
  char data[8192];
  size_t n = 0;
  n += (size_t)snprintf(data + n, sizeof data - n, "h1,h2\n");
  for (int i = 0; i < 40; i++)
    n += (size_t)snprintf(data + n, sizeof data - n, "%d,", i);
  data[n++] = '\n';
  data[n++] = '"';
  for (int i = 0; i < 3000; i++)
    data[n++] = (char)('A' + i % 26);
  data[n++] = '"';
  data[n++] = '\n';
  int want_records;
  tu_alloc never = {0};
  cr_assert_eq(read_all(&never, data, n, &want_records), TLY_OK);
  cr_assert_eq(want_records, 3);
  cr_assert_eq(never.bytes, 0);
  cr_assert_gt(never.count, 3);
  for (long k = 1;; k++) {
    tu_alloc fa = {.fail_at = k};
    int got;
    tly_status st = read_all(&fa, data, n, &got);
    cr_assert_eq(fa.bytes, 0, "leak of %lld bytes failing allocation %ld",
                 fa.bytes, k);
    if (st == TLY_OK) {
      cr_assert_eq(got, want_records);
      cr_assert_eq(k, never.count + 1); /* every allocation was failed */
      break;
    }
    cr_assert_eq(st, TLY_ENOMEM, "allocation %ld: %s", k,
                 tly_status_name(st));
  }
}
