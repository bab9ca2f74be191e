/*
 * csv.h -- the RFC 4180 CSV reader: one record at a time from a borrowed
 * buffer, with the FILE:LINE:COL of every field and of every error, capped
 * memory and strict UTF-8 text.
 */
#ifndef TLY_CSV_H
#define TLY_CSV_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tly__csv tly__csv;

typedef struct tly__csv_field {
  const char *p; /* unescaped bytes, NUL-terminated (p[n] == 0) */
  size_t n;
  int64_t line; /* 1-based line where the field starts */
  int64_t col;  /* 1-based column (in bytes) where the field starts */
} tly__csv_field;

/* Opens a reader over len bytes at data (borrowed; must outlive the reader;
 * NULL allowed when len is 0). name is used in error locations (copied).
 * Fields and records are capped: a field longer than max_field bytes or a
 * record with more than max_fields fields is an error (TLY_EPARSE, "field
 * longer than N bytes" / "record has more than N fields"). A UTF-8 BOM at
 * the start is skipped and not counted in columns. Both caps must be > 0
 * (TLY_EINVAL). On failure *out is NULL and nothing is leaked. */
tly_status tly__csv_open(const tly_allocator *a, const char *name,
                         const char *data, size_t len, size_t max_field,
                         size_t max_fields, tly__csv **out, tly_error *err);

/* Reads the next record. On TLY_OK with *eof false, *fields and *n_fields hold
 * it (valid until the next call). At the end of input: TLY_OK and *eof
 * true. A completely empty line (no bytes before the newline) is skipped.
 * Line endings: LF, CRLF, and lone CR all end a record; inside quotes they
 * are data (CRLF inside quotes is kept as is) and still count as lines.
 * Errors (TLY_EPARSE at the offending byte; the field's start for a field
 * too long or one too many): unterminated quoted field (at its opening
 * quote), quote inside an unquoted field, unexpected character after a
 * closing quote, binary data (NUL), invalid UTF-8, the caps; TLY_ENOMEM.
 * After an error every further call returns the same error again. */
tly_status tly__csv_next(tly__csv *c, const tly__csv_field **fields,
                         size_t *n_fields, bool *eof, tly_error *err);

/* The 1-based line on which the last record returned started (0 before the
 * first record). */
int64_t tly__csv_line(const tly__csv *c);

/* The name given at open. */
const char *tly__csv_name(const tly__csv *c);

/* Fills err with status s at field f's location (file = the reader's name):
 * "<msg>" -- a printf-style helper so loaders can report FILE:LINE:COL in
 * one call; returns s. f NULL gives the last record's line and column 0. */
tly_status tly__csv_fail(const tly__csv *c, const tly__csv_field *f,
                         tly_error *err, tly_status s, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Frees c; NULL is a no-op. */
void tly__csv_free(tly__csv *c);

/*---- the built-in tables (the CSVs of data/, compiled in) ----*/

/* A built-in table being read: its reader, the current record and the
 * header's width. */
typedef struct tly__table {
  tly__csv *c;
  const tly__csv_field *f;
  size_t width;
  const char *name;
} tly__table;

/* Opens the built-in table `name` with the reader's caps, reads its header
 * and puts the index of each of cols[0..n_cols) in idx. TLY_ENODATA when
 * the table is missing ("built-in NAME is missing"), TLY_EPARSE when it is
 * empty or lacks a column ("built-in NAME lacks column COL"). t->c must be
 * freed with tly__csv_free even on failure (it may be NULL). */
tly_status tly__table_open(const tly_allocator *a, const char *name,
                           size_t max_field, size_t max_fields,
                           const char *const *cols, size_t n_cols,
                           tly__table *t, int *idx, tly_error *err);

#endif
