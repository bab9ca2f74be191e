/*
 * test_buf.c -- the capped buffer and the whole-file reader (src/buf.c):
 * the cap is an error and sticky, printf of any length, out of memory
 * without leaks, files, "-" for standard input, the cap on a file and a
 * pipe, and the names messages use.
 */
#include <criterion/criterion.h>

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

Test(buf, appends_and_caps)
{
  tly__buf b;
  tly__buf_init(&b, NULL, 10);
  cr_assert_eq(tly__buf_adds(&b, "12345"), TLY_OK);
  cr_assert_eq(tly__buf_printf(&b, "%d%s", 67, "89"), TLY_OK);
  cr_assert_str_eq(b.p, "123456789");
  cr_assert_eq(b.len, 9);
  cr_assert_eq(tly__buf_adds(&b, "ab"), TLY_ERANGE, "11 bytes > cap 10");
  cr_assert_str_eq(b.p, "123456789", "a failed append changes nothing");
  cr_assert_eq(tly__buf_adds(&b, "a"), TLY_ERANGE, "failure is sticky");
  tly__buf_free(&b);
  cr_assert_null(b.p);
  cr_assert_eq(tly__buf_adds(&b, "0123456789"), TLY_OK, "reusable, cap 10");
  cr_assert_eq(b.len, 10);
  tly__buf_free(&b);
}

Test(buf, long_printf)
{
  tly__buf b;
  tly__buf_init(&b, NULL, 1 << 20);
  char big[1000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  cr_assert_eq(tly__buf_printf(&b, "<%s|%.3f>", big, 2.5), TLY_OK);
  cr_assert_eq(b.len, 999 + 8);
  cr_assert_eq(b.p[0], '<');
  cr_assert_str_eq(b.p + 1000, "|2.500>");
  tly__buf_free(&b);
}

Test(buf, out_of_memory)
{
  for (long long n = 0;; n++) {
    tu_alloc st = {0};
    tly_allocator a = {tu_realloc, &st};
    tu_fail_after(&st, n);
    tly__buf b;
    tly__buf_init(&b, &a, 1 << 20);
    tly_status s = TLY_OK;
    for (int i = 0; i < 100 && s == TLY_OK; i++)
      s = tly__buf_printf(&b, "line %d of a document\n", i);
    if (s == TLY_OK)
      cr_assert_eq(b.len, 2190); /* 10 x 21 + 90 x 22 bytes */
    else
      cr_assert_eq(s, TLY_ENOMEM);
    tly__buf_free(&b);
    cr_assert_eq(st.blocks, 0, "leak after %lld allocations", n);
    if (s == TLY_OK)
      break;
  }
}

/* A file holding `text` in a fresh temporary path. */
static void temp_file(char *path, const char *text)
{
  strcpy(path, "/tmp/tally_test_bufXXXXXX");
  int fd = mkstemp(path);
  cr_assert_geq(fd, 0);
  size_t n = strlen(text);
  cr_assert_eq(write(fd, text, n), (ssize_t)n);
  close(fd);
}

Test(buf, reads_a_file_and_stdin)
{
  char path[64];
  temp_file(path, "year,unit\n2016,WI\n");
  tly__buf b;
  tly_error err = {0};
  tly__buf_init(&b, NULL, TLY__FILE_MAX);
  cr_assert_eq(tly__file_read(path, &b, &err), TLY_OK);
  cr_assert_str_eq(b.p, "year,unit\n2016,WI\n");
  tly__buf_free(&b);
  cr_assert_not_null(freopen(path, "rb", stdin));
  tly__buf_init(&b, NULL, TLY__FILE_MAX);
  cr_assert_eq(tly__file_read("-", &b, &err), TLY_OK);
  cr_assert_str_eq(b.p, "year,unit\n2016,WI\n");
  tly__buf_free(&b);
  unlink(path);
}

Test(buf, empty_file_is_empty_string)
{
  char path[64];
  temp_file(path, "");
  tly__buf b;
  tly_error err = {0};
  tly__buf_init(&b, NULL, 16);
  cr_assert_eq(tly__file_read(path, &b, &err), TLY_OK);
  cr_assert_not_null(b.p);
  cr_assert_eq(b.len, 0);
  tly__buf_free(&b);
  unlink(path);
}

Test(buf, file_over_the_cap)
{
  char path[64];
  temp_file(path, "0123456789A");
  tly__buf b;
  tly_error err = {0};
  tly__buf_init(&b, NULL, 10);
  cr_assert_eq(tly__file_read(path, &b, &err), TLY_ERANGE);
  cr_assert_str_eq(err.file, path);
  cr_assert_str_eq(err.msg, "larger than 10 bytes, the limit for an input "
                            "file");
  cr_assert_null(b.p, "nothing kept");
  /* The same through a pipe, which has no size to look at first. */
  int fds[2];
  cr_assert_eq(pipe(fds), 0);
  cr_assert_eq(write(fds[1], "0123456789A", 11), 11);
  close(fds[1]);
  cr_assert_neq(dup2(fds[0], 0), -1);
  clearerr(stdin);
  tly__buf_init(&b, NULL, 10);
  cr_assert_eq(tly__file_read("-", &b, &err), TLY_ERANGE);
  cr_assert_str_eq(err.file, "<stdin>");
  unlink(path);
}

Test(buf, names_in_messages)
{
  tly__buf b;
  tly_error err = {0};
  tly__buf_init(&b, NULL, 10);
  cr_assert_eq(tly__file_read("", &b, &err), TLY_EIO);
  cr_assert_str_eq(err.file, "''");
  cr_assert_eq(strncmp(err.msg, "cannot open: ", 13), 0, "%s", err.msg);
  cr_assert_eq(tly__file_read("/nonexistent/x.csv", &b, &err), TLY_EIO);
  cr_assert_str_eq(err.file, "/nonexistent/x.csv");
  cr_assert_eq(tly__file_read("/tmp", &b, &err), TLY_EIO);
  cr_assert_str_eq(err.msg, "cannot read: Is a directory");
  cr_assert_str_eq(tly__file_name("-"), "<stdin>");
}
