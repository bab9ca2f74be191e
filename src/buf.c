/*
 * buf.c -- the capped growable buffer (after curl's lib/dynbuf.c: a limit
 * set at init, sticky failure), the one whole-file reader every loader
 * uses (with "-" for standard input) and locale-independent number
 * formatting (POSIX.1-2008 newlocale/uselocale, per thread).
 */
#include "buf.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*---- The buffer ----------------------------------------------------------*/

void tly__buf_init(tly__buf *b, const tly_allocator *a, size_t max)
{
  b->a = tly__alloc_or_default(a);
  b->p = NULL;
  b->len = 0;
  b->cap = 0;
  b->max = max;
  b->status = TLY_OK;
}

void tly__buf_free(tly__buf *b)
{
  tly__free(b->a, b->p, b->cap);
  b->p = NULL;
  b->len = 0;
  b->cap = 0;
  b->status = TLY_OK;
}

/* Makes room for n more bytes and the NUL; sets b->status on failure. */
static bool reserve(tly__buf *b, size_t n)
{
  if (b->status != TLY_OK)
    return false;
  if (n > b->max || b->len > b->max - n) {
    b->status = TLY_ERANGE;
    return false;
  }
  size_t need = b->len + n + 1; /* cannot overflow: max < SIZE_MAX */
  if (need <= b->cap)
    return true;
  size_t cap = b->cap != 0 ? b->cap : 256;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  if (cap > b->max + 1 && need <= b->max + 1)
    cap = b->max + 1; /* never more than the cap allows */
  char *p = tly__realloc(b->a, b->p, b->cap, cap);
  if (p == NULL) {
    b->status = TLY_ENOMEM;
    return false;
  }
  b->p = p;
  b->cap = cap;
  return true;
}

tly_status tly__buf_add(tly__buf *b, const void *p, size_t n)
{
  if (!reserve(b, n))
    return b->status;
  if (n > 0)
    memcpy(b->p + b->len, p, n);
  b->len += n;
  b->p[b->len] = '\0';
  return TLY_OK;
}

tly_status tly__buf_adds(tly__buf *b, const char *s)
{
  return tly__buf_add(b, s, strlen(s));
}

tly_status tly__buf_printf(tly__buf *b, const char *fmt, ...)
{
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = tly__vsnprintf_c(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    if (b->status == TLY_OK)
      b->status = TLY_ENOMEM;
    return b->status;
  }
  if ((size_t)n < sizeof small)
    return tly__buf_add(b, small, (size_t)n);
  if (!reserve(b, (size_t)n))
    return b->status;
  va_start(ap, fmt);
  int m = tly__vsnprintf_c(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  if (m != n) {
    b->p[b->len] = '\0';
    b->status = TLY_ENOMEM;
    return b->status;
  }
  b->len += (size_t)n;
  return TLY_OK;
}

/*---- The whole-file reader -----------------------------------------------*/

const char *tly__file_name(const char *path)
{
  if (strcmp(path, "-") == 0)
    return "<stdin>";
  return path[0] == '\0' ? "''" : path;
}

/* "256 MiB" for a whole number of MiB, else "N bytes". */
static void size_text(size_t n, char *out, size_t size)
{
  if (n >= ((size_t)1 << 20) && n % ((size_t)1 << 20) == 0)
    snprintf(out, size, "%zu MiB", n >> 20);
  else
    snprintf(out, size, "%zu bytes", n);
}

tly_status tly__file_read(const char *path, tly__buf *b, tly_error *err)
{
  const char *name = tly__file_name(path);
  size_t max = b->max < TLY__FILE_MAX ? b->max : TLY__FILE_MAX;
  b->max = max;
  char lim[32];
  size_text(max, lim, sizeof lim);
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  if (fp == NULL)
    return tly__fail_at(err, TLY_EIO, name, 0, 0, "cannot open: %s",
                        strerror(errno));
  tly_status s = TLY_OK;
  struct stat st;
  bool have_st = fstat(fileno(fp), &st) == 0;
  if (have_st && S_ISDIR(st.st_mode)) {
    s = tly__fail_at(err, TLY_EIO, name, 0, 0, "cannot read: %s",
                     strerror(EISDIR));
  } else if (have_st && S_ISREG(st.st_mode) &&
             (uintmax_t)st.st_size > (uintmax_t)max) {
    s = tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                     "larger than %s, the limit for an input file", lim);
  }
  char chunk[16384];
  while (s == TLY_OK) {
    size_t got = fread(chunk, 1, sizeof chunk, fp);
    if (got == 0) {
      if (ferror(fp))
        s = tly__fail_at(err, TLY_EIO, name, 0, 0, "read error: %s",
                         strerror(errno));
      break;
    }
    s = tly__buf_add(b, chunk, got);
    if (s == TLY_ERANGE)
      s = tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                       "larger than %s, the limit for an input file", lim);
    else if (s != TLY_OK)
      s = tly__fail(err, s, "out of memory");
  }
  if (s == TLY_OK && b->p == NULL && tly__buf_add(b, "", 0) != TLY_OK)
    s = tly__fail(err, TLY_ENOMEM, "out of memory"); /* "" for no bytes */
  if (is_stdin)
    clearerr(stdin);
  else
    fclose(fp);
  if (s != TLY_OK)
    tly__buf_free(b);
  return s;
}

/*---- Numbers in the "C" locale -------------------------------------------*/

/* glibc returns its static "C" locale object for newlocale(LC_ALL_MASK,
 * "C", 0) without allocating, and freelocale ignores it; elsewhere this is
 * one small allocation per call. */
int tly__vsnprintf_c(char *buf, size_t size, const char *fmt, va_list ap)
{
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (c == (locale_t)0)
    return -1;
  locale_t old = uselocale(c);
  int n = vsnprintf(buf, size, fmt, ap);
  uselocale(old);
  freelocale(c);
  return n;
}

int tly__snprintf_c(char *buf, size_t size, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = tly__vsnprintf_c(buf, size, fmt, ap);
  va_end(ap);
  return n;
}

double tly__strtod_c(const char *s, char **end)
{
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (c == (locale_t)0) {
    if (end != NULL)
      *end = (char *)s; /* nothing read: the caller sees junk */
    return 0;
  }
  locale_t old = uselocale(c);
  double v = strtod(s, end);
  uselocale(old);
  freelocale(c);
  return v;
}
