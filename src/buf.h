/*
 * buf.h -- one capped, growable byte buffer (after curl's dynbuf: every
 * buffer gets its limit at init, and reaching it is an error, never a
 * silent truncation), the whole-file reader built on it, and number
 * formatting that never depends on the host's locale.
 */
#ifndef TLY_BUF_H
#define TLY_BUF_H

#include "internal.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* The largest input file the library reads whole (results files, county
 * lists): 256 MiB, far above any real one (MEDSL's 1976-2020 file is
 * under 1 MiB) and small enough that `/dev/zero` is refused quickly. */
#define TLY__FILE_MAX ((size_t)256 << 20)

typedef struct tly__buf {
  const tly_allocator *a;
  char *p;         /* NUL-terminated when not NULL */
  size_t len, cap; /* bytes used (without the NUL) and allocated */
  size_t max;      /* the cap on len */
  tly_status status; /* TLY_OK, or the first failure (sticky) */
} tly__buf;

/* Starts an empty buffer of at most `max` bytes (a NULL allocator is the
 * C library's). Allocates nothing yet. */
void tly__buf_init(tly__buf *b, const tly_allocator *a, size_t max);
/* Frees the bytes; the buffer is empty again (same cap) and reusable. */
void tly__buf_free(tly__buf *b);
/* Appends n bytes. TLY_ENOMEM when an allocation fails, TLY_ERANGE when
 * len would pass the cap; after a failure every later append fails with
 * the same status and the content is left as it was. */
tly_status tly__buf_add(tly__buf *b, const void *p, size_t n);
/* Appends a NUL-terminated string (as tly__buf_add). */
tly_status tly__buf_adds(tly__buf *b, const char *s);
/* Appends printf-style text formatted in the "C" locale (decimal point
 * '.', whatever the host's locale); as tly__buf_add on failure. */
tly_status tly__buf_printf(tly__buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads the whole file `path` ("-" is standard input, which is read but
 * not closed) into b, which must be empty (its cap applies as well as
 * TLY__FILE_MAX: the smaller wins). On failure b is freed and err names
 * the file: "cannot open: REASON" (TLY_EIO), "read error: REASON"
 * (TLY_EIO), "larger than N MiB, the limit for an input file"
 * (TLY_ERANGE) or out of memory. The name errors use is tly__file_name's. */
tly_status tly__file_read(const char *path, tly__buf *b, tly_error *err);
/* The name to show for `path` in messages: "<stdin>" for "-", "''" for
 * an empty path, else path itself. */
const char *tly__file_name(const char *path);

/* vsnprintf and snprintf in the "C" locale, thread-safe (a per-thread
 * uselocale, never setlocale): the library's numbers always print with a
 * '.' decimal point and no grouping. Return vsnprintf's value, or -1 when
 * the "C" locale could not be made. */
int tly__vsnprintf_c(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
int tly__snprintf_c(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* strtod in the "C" locale (as tly__vsnprintf_c); *end as strtod's. */
double tly__strtod_c(const char *s, char **end);

#endif
