/*
 * csv.c -- the RFC 4180 CSV reader (Shafranovich, "Common Format and MIME
 * Type for Comma-Separated Values Files", 2005), read strictly: fields are
 * unquoted or wholly quoted with "" for a quote; LF, CRLF and lone CR end a
 * record; text must be UTF-8 (RFC 3629) without NUL. Every field and every
 * error carries its 1-based line and byte column.
 */
#include "csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct tly__csv {
  tly_allocator alloc;       /* copy of the caller's (or libc's) allocator */
  char *name;                /* copy of the name, for error locations */
  size_t name_size;
  const unsigned char *data; /* borrowed input */
  size_t len;
  size_t pos;                /* next byte to read */
  int64_t line;              /* line and column of data[pos] */
  int64_t col;
  size_t max_field;          /* caps given at open */
  size_t max_fields;
  size_t buf_limit;          /* cap of buf: max_fields * (max_field + 1) */
  char *buf;                 /* the record's unescaped bytes, each field */
  size_t buf_cap;            /* followed by a NUL */
  size_t buf_used;
  tly__csv_field *fields;    /* the record's field descriptors */
  size_t fields_cap;
  int64_t rec_line;          /* line where the last record started */
  tly_status failed;         /* sticky error: TLY_OK until one happens */
  tly_error last_err;
};

/*---- Opening and closing ----*/

tly_status tly__csv_open(const tly_allocator *a, const char *name,
                         const char *data, size_t len, size_t max_field,
                         size_t max_fields, tly__csv **out, tly_error *err)
{
  *out = NULL;
  if (name == NULL)
    name = "";
  if (max_field == 0 || max_fields == 0 || (data == NULL && len > 0))
    return tly__fail(err, TLY_EINVAL, "csv reader: invalid arguments");
  tly__csv *c = tly__calloc(a, 1, sizeof *c);
  if (c == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  c->alloc = *tly__alloc_or_default(a);
  c->name_size = strlen(name) + 1;
  c->name = tly__malloc(&c->alloc, c->name_size);
  if (c->name == NULL) {
    tly__free(&c->alloc, c, sizeof *c);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  memcpy(c->name, name, c->name_size);
  c->data = (const unsigned char *)data;
  c->len = len;
  c->pos = 0;
  if (len >= 3 && c->data[0] == 0xEF && c->data[1] == 0xBB &&
      c->data[2] == 0xBF)
    c->pos = 3; /* UTF-8 byte order mark: skipped, not counted in columns */
  c->line = 1;
  c->col = 1;
  c->max_field = max_field;
  c->max_fields = max_fields;
  /* Every field takes at most max_field bytes plus its NUL. */
  if (max_field < SIZE_MAX && max_fields <= SIZE_MAX / (max_field + 1))
    c->buf_limit = max_fields * (max_field + 1);
  else
    c->buf_limit = SIZE_MAX;
  c->failed = TLY_OK;
  *out = c;
  return TLY_OK;
}

void tly__csv_free(tly__csv *c)
{
  if (c == NULL)
    return;
  tly_allocator a = c->alloc; /* c itself is freed last */
  tly__free(&a, c->fields, c->fields_cap * sizeof *c->fields);
  tly__free(&a, c->buf, c->buf_cap);
  tly__free(&a, c->name, c->name_size);
  tly__free(&a, c, sizeof *c);
}

int64_t tly__csv_line(const tly__csv *c)
{
  return c->rec_line;
}

const char *tly__csv_name(const tly__csv *c)
{
  return c->name;
}

tly_status tly__csv_fail(const tly__csv *c, const tly__csv_field *f,
                         tly_error *err, tly_status s, const char *fmt, ...)
{
  if (err == NULL)
    return s;
  char msg[sizeof err->msg];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int64_t line = f != NULL ? f->line : c->rec_line;
  int64_t col = f != NULL ? f->col : 0;
  return tly__fail_at(err, s, c->name, line, col, "%s", msg);
}

/*---- Errors inside the reader ----*/

/* Records a sticky error at line:col of the input and copies it to err. */
__attribute__((format(printf, 6, 7))) static tly_status
fail(tly__csv *c, tly_error *err, tly_status s, int64_t line, int64_t col,
     const char *fmt, ...)
{
  char msg[sizeof c->last_err.msg];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  c->failed = s;
  if (s == TLY_ENOMEM)
    tly__fail(&c->last_err, s, "%s", msg);
  else
    tly__fail_at(&c->last_err, s, c->name, line, col, "%s", msg);
  if (err != NULL)
    *err = c->last_err;
  return s;
}

static tly_status oom(tly__csv *c, tly_error *err)
{
  return fail(c, err, TLY_ENOMEM, 0, 0, "out of memory");
}

/*---- Buffers ----*/

/* Makes room for `need` bytes in buf (need <= buf_limit, which the field
 * caps guarantee); doubles, at most up to the limit. */
static bool buf_reserve(tly__csv *c, size_t need)
{
  if (need <= c->buf_cap)
    return true;
  size_t n = c->buf_cap < 256 ? 256 : c->buf_cap;
  while (n < need && n <= SIZE_MAX / 2)
    n *= 2;
  if (n < need)
    n = need;
  if (n > c->buf_limit)
    n = c->buf_limit > need ? c->buf_limit : need;
  char *p = tly__realloc(&c->alloc, c->buf, c->buf_cap, n);
  if (p == NULL)
    return false;
  c->buf = p;
  c->buf_cap = n;
  return true;
}

/* Makes room for `need` field descriptors (need <= max_fields). */
static bool fields_reserve(tly__csv *c, size_t need)
{
  if (need <= c->fields_cap)
    return true;
  size_t n = c->fields_cap < 16 ? 16 : c->fields_cap;
  while (n < need && n <= SIZE_MAX / 2)
    n *= 2;
  if (n > c->max_fields)
    n = c->max_fields;
  if (n < need)
    n = need;
  if (n > SIZE_MAX / sizeof *c->fields)
    return false;
  tly__csv_field *p =
      tly__realloc(&c->alloc, c->fields, c->fields_cap * sizeof *c->fields,
                   n * sizeof *c->fields);
  if (p == NULL)
    return false;
  c->fields = p;
  c->fields_cap = n;
  return true;
}

/*---- Reading ----*/

/* The field being read: where it starts and how long it is so far. */
typedef struct field_state {
  int64_t line;
  int64_t col;
  size_t n;
} field_state;

/* Appends k bytes at s to the current field, enforcing the field cap. */
static tly_status put(tly__csv *c, field_state *fs, const unsigned char *s,
                      size_t k, tly_error *err)
{
  if (k > c->max_field - fs->n)
    return fail(c, err, TLY_EPARSE, fs->line, fs->col,
                "field longer than %zu bytes", c->max_field);
  if (!buf_reserve(c, c->buf_used + k + 1)) /* + 1: the field's NUL */
    return oom(c, err);
  memcpy(c->buf + c->buf_used, s, k);
  c->buf_used += k;
  fs->n += k;
  return TLY_OK;
}

/* Length of the valid UTF-8 sequence (RFC 3629 table 3-7: no overlong
 * forms, no surrogates, nothing above U+10FFFF) at s, whose first byte is
 * >= 0x80, with n bytes available; 0 when it is not valid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
  unsigned b = s[0];
  size_t k;
  unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
  if (b >= 0xC2 && b <= 0xDF) {
    k = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    k = 3;
    if (b == 0xE0)
      lo = 0xA0;
    else if (b == 0xED)
      hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    k = 4;
    if (b == 0xF0)
      lo = 0x90;
    else if (b == 0xF4)
      hi = 0x8F;
  } else {
    return 0;
  }
  if (n < k || s[1] < lo || s[1] > hi)
    return 0;
  for (size_t i = 2; i < k; i++) {
    if (s[i] < 0x80 || s[i] > 0xBF)
      return 0;
  }
  return k;
}

/* Reads one run of ordinary text at pos (not a quote or line end, nor a
 * comma outside quotes) into the field: ASCII in bulk, else one UTF-8
 * sequence; NUL and invalid UTF-8 are errors at their byte. */
static tly_status text(tly__csv *c, field_state *fs, bool quoted,
                       tly_error *err)
{
  const unsigned char *d = c->data;
  unsigned char b = d[c->pos];
  size_t k;
  if (b == 0) {
    return fail(c, err, TLY_EPARSE, c->line, c->col,
                "binary data (byte 0x%02x) is not CSV text", b);
  } else if (b < 0x80) {
    k = 1;
    while (c->pos + k < c->len) {
      unsigned char e = d[c->pos + k];
      if (e == 0 || e >= 0x80 || e == '"' || e == '\r' || e == '\n' ||
          (e == ',' && !quoted))
        break;
      k++;
    }
  } else {
    k = utf8_seq(d + c->pos, c->len - c->pos);
    if (k == 0)
      return fail(c, err, TLY_EPARSE, c->line, c->col,
                  "invalid UTF-8 (byte 0x%02x)", b);
  }
  tly_status s = put(c, fs, d + c->pos, k, err);
  if (s != TLY_OK)
    return s;
  c->pos += k;
  c->col += (int64_t)k;
  return TLY_OK;
}

/* Steps over the line end (LF, CRLF or CR) at pos. */
static void skip_eol(tly__csv *c)
{
  if (c->data[c->pos] == '\r' && c->pos + 1 < c->len &&
      c->data[c->pos + 1] == '\n')
    c->pos++;
  c->pos++;
  c->line++;
  c->col = 1;
}

/* Reads the rest of a quoted field after its opening quote, up to and
 * including the closing quote. */
static tly_status quoted_field(tly__csv *c, field_state *fs, tly_error *err)
{
  const unsigned char *d = c->data;
  for (;;) {
    if (c->pos >= c->len)
      return fail(c, err, TLY_EPARSE, fs->line, fs->col,
                  "unterminated quoted field");
    unsigned char b = d[c->pos];
    tly_status s;
    if (b == '"') {
      if (c->pos + 1 < c->len && d[c->pos + 1] == '"') {
        s = put(c, fs, d + c->pos, 1, err); /* "" is one quote */
        if (s != TLY_OK)
          return s;
        c->pos += 2;
        c->col += 2;
        continue;
      }
      c->pos++;
      c->col++;
      return TLY_OK;
    }
    if (b == '\r' || b == '\n') {
      size_t k = 1; /* data, kept as is: CRLF stays CRLF */
      if (b == '\r' && c->pos + 1 < c->len && d[c->pos + 1] == '\n')
        k = 2;
      s = put(c, fs, d + c->pos, k, err);
      if (s != TLY_OK)
        return s;
      c->pos += k;
      c->line++;
      c->col = 1;
      continue;
    }
    s = text(c, fs, true, err);
    if (s != TLY_OK)
      return s;
  }
}

tly_status tly__csv_next(tly__csv *c, const tly__csv_field **fields,
                         size_t *n_fields, bool *eof, tly_error *err)
{
  *fields = NULL;
  *n_fields = 0;
  *eof = false;
  if (c->failed != TLY_OK) {
    if (err != NULL)
      *err = c->last_err;
    return c->failed;
  }
  const unsigned char *d = c->data;
  while (c->pos < c->len && (d[c->pos] == '\n' || d[c->pos] == '\r'))
    skip_eol(c); /* a completely empty line is no record */
  if (c->pos >= c->len) {
    *eof = true;
    return TLY_OK;
  }
  c->rec_line = c->line;
  c->buf_used = 0;
  size_t nf = 0;
  bool more = true; /* another field follows (after a comma) */
  while (more) {
    if (nf == c->max_fields)
      return fail(c, err, TLY_EPARSE, c->line, c->col,
                  "record has more than %zu fields", c->max_fields);
    if (!fields_reserve(c, nf + 1))
      return oom(c, err);
    field_state fs = {c->line, c->col, 0};
    tly_status s;
    more = false;
    if (c->pos < c->len && d[c->pos] == '"') {
      c->pos++;
      c->col++;
      s = quoted_field(c, &fs, err);
      if (s != TLY_OK)
        return s;
      if (c->pos < c->len) {
        unsigned char b = d[c->pos];
        if (b == ',') {
          c->pos++;
          c->col++;
          more = true;
        } else if (b == '\r' || b == '\n') {
          skip_eol(c);
        } else if (b == 0) {
          return fail(c, err, TLY_EPARSE, c->line, c->col,
                      "binary data (byte 0x%02x) is not CSV text", b);
        } else if (b >= 0x80 && utf8_seq(d + c->pos, c->len - c->pos) == 0) {
          return fail(c, err, TLY_EPARSE, c->line, c->col,
                      "invalid UTF-8 (byte 0x%02x)", b);
        } else if (b >= 0x20 && b < 0x7F) {
          return fail(c, err, TLY_EPARSE, c->line, c->col,
                      "unexpected character '%c' after closing quote", b);
        } else {
          return fail(c, err, TLY_EPARSE, c->line, c->col,
                      "unexpected byte 0x%02x after closing quote", b);
        }
      }
    } else {
      while (c->pos < c->len) {
        unsigned char b = d[c->pos];
        if (b == ',') {
          c->pos++;
          c->col++;
          more = true;
          break;
        }
        if (b == '\r' || b == '\n') {
          skip_eol(c);
          break;
        }
        if (b == '"')
          return fail(c, err, TLY_EPARSE, c->line, c->col,
                      "quote inside an unquoted field");
        s = text(c, &fs, false, err);
        if (s != TLY_OK)
          return s;
      }
    }
    if (!buf_reserve(c, c->buf_used + 1))
      return oom(c, err);
    c->buf[c->buf_used++] = '\0';
    c->fields[nf] = (tly__csv_field){NULL, fs.n, fs.line, fs.col};
    nf++;
  }
  /* buf may have moved while growing: point the fields into it now. Each
   * field's bytes follow the previous field's NUL. */
  size_t off = 0;
  for (size_t i = 0; i < nf; i++) {
    c->fields[i].p = c->buf + off;
    off += c->fields[i].n + 1;
  }
  *fields = c->fields;
  *n_fields = nf;
  return TLY_OK;
}

tly_status tly__table_open(const tly_allocator *a, const char *name,
                           size_t max_field, size_t max_fields,
                           const char *const *cols, size_t n_cols,
                           tly__table *t, int *idx, tly_error *err)
{
  size_t len;
  const char *data = tly__data_file(name, &len);
  t->c = NULL;
  t->name = name;
  t->width = 0;
  if (data == NULL)
    return tly__fail(err, TLY_ENODATA, "built-in %s is missing", name);
  tly_status s =
      tly__csv_open(a, name, data, len, max_field, max_fields, &t->c, err);
  bool eof = false;
  if (s == TLY_OK)
    s = tly__csv_next(t->c, &t->f, &t->width, &eof, err);
  if (s == TLY_OK && eof)
    s = tly__fail(err, TLY_EPARSE, "built-in %s is empty", name);
  for (size_t i = 0; s == TLY_OK && i < n_cols; i++) {
    idx[i] = -1;
    for (size_t k = 0; k < t->width && idx[i] < 0; k++)
      if (strcmp(t->f[k].p, cols[i]) == 0)
        idx[i] = (int)k;
    if (idx[i] < 0)
      s = tly__fail(err, TLY_EPARSE, "built-in %s lacks column %s", name,
                    cols[i]);
  }
  return s;
}
