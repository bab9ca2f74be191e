/*
 * precinct.c -- MEDSL county files ("countypres", County Presidential
 * Election Returns, doi:10.7910/DVN/VOQCHQ) and MEDSL precinct files
 * (2016: state_po,county_fips,...,mode,votes; 2018/2020 with office,
 * party_detailed, party_simplified, jurisdiction_name...), plain or gzip,
 * read as a stream and parsed by several threads, aggregated to counties
 * and states by MEDSL's mode rule (tly__mode_votes).
 */
#include "precinct.h"

#include "arith.h"
#include "buf.h"
#include "csv.h"
#include "results.h"
#include "scan.h"
#include "thread.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* A regular file of plain text is read by all the workers at once, each
 * its own part (pread) into its own buffer; the buffers are asked for
 * 2 MiB pages (madvise), which spares a fault per 4 KiB page of text
 * (reading the file mapped cost more in faults than the copy of pread).
 * WebAssembly under WASI has no madvise. */
#if !defined(__wasi__)
#include <sys/mman.h>
#endif
#include <stdatomic.h>

enum {
  MAX_FIELD = 4096,          /* bytes in one field */
  MAX_FIELDS = 64,           /* fields in one record */
  MAX_THREADS = 64,
  MAX_PARTS = 256,           /* parts of a plain file */
  BLOCK = 16 << 20,          /* bytes parsed per round (a stream) */
  PART_BUF = 2 << 20,        /* a reader's buffer for parts of a file */
  PART_SIZE = 4 << 20,       /* bytes of a part (readers take them in turn) */
  HEAD_MAX = 1 << 20,        /* most bytes read for a plain file's header */
};
#define MAX_BLOCK ((size_t)1 << 30) /* one precinct's rows at most */

/*---- the mode rule ----*/

/* MEDSL reports a unit's votes (a precinct or a county, for one candidate
 * line) either as one TOTAL row or as rows by vote mode (ELECTION DAY,
 * ABSENTEE, ...), sometimes both. The rule (data/mkdata_counties.py applies
 * the same one to the built-in counties): the TOTAL rows where there are
 * any, else the sum of the mode rows; never both. Mode rows that add up to
 * more than the TOTAL cannot be parts of it: counting the TOTAL would drop
 * votes and adding them would double count, so that mixture is refused
 * (*mixed true). Sums overflowing int64 return false. */
bool tly__mode_votes(int64_t total, int64_t n_total, int64_t modes,
                     int64_t n_modes, int64_t *votes, bool *mixed)
{
  *mixed = n_total > 0 && n_modes > 0 && modes > total;
  *votes = n_total > 0 ? total : modes;
  return true;
}

/*---- columns ----*/

enum { C_YEAR, C_STATE, C_FIPS, C_CNAME, C_JUR, C_PRECINCT, C_OFFICE,
       C_CAND, C_PARTY, C_SIMPLE, C_WRITEIN, C_MODE, C_VOTES, C_STAGE, C_N };

/* Each column's names in the MEDSL layouts, first match wins. */
static const char *const COL_NAMES[C_N][3] = {
    [C_YEAR] = {"year"},
    [C_STATE] = {"state_po"},
    [C_FIPS] = {"county_fips", "FIPS"},
    [C_CNAME] = {"county_name", "county"},
    [C_JUR] = {"jurisdiction", "jurisdiction_name"},
    [C_PRECINCT] = {"precinct"},
    [C_OFFICE] = {"office"},
    [C_CAND] = {"candidate"},
    [C_PARTY] = {"party_detailed", "party"},
    [C_SIMPLE] = {"party_simplified"},
    [C_WRITEIN] = {"writein"},
    [C_MODE] = {"mode"},
    [C_VOTES] = {"votes", "candidatevotes"},
    [C_STAGE] = {"stage"},
};

/* The fields that name a unit (a precinct, or a county in countypres). */
static const int UNIT_COLS[] = {C_YEAR, C_STATE,  C_FIPS,
                                C_CNAME, C_JUR, C_PRECINCT};
#define N_UNIT_COLS (sizeof UNIT_COLS / sizeof UNIT_COLS[0])
/* split()'s scratch (quoted fields unescaped) and a unit's key fields */
#define SCRATCH_BYTES ((size_t)MAX_FIELDS * (MAX_FIELD + 2) + 16)
#define KEYBUF_BYTES (N_UNIT_COLS * (MAX_FIELD + 1))

typedef struct {
  const char *p;
  size_t n;
  size_t off; /* byte offset from the start of the record's line */
  int64_t dline; /* lines from the record's first line (quoted newlines) */
} fld;

static char up(char c)
{
  return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static bool ieq(const char *p, size_t n, const char *s)
{
  size_t k = strlen(s);
  if (k != n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (up(p[i]) != up(s[i]))
      return false;
  return true;
}

static bool iprefix(const char *p, size_t n, const char *s)
{
  size_t k = strlen(s);
  if (k > n)
    return false;
  for (size_t i = 0; i < k; i++)
    if (up(p[i]) != up(s[i]))
      return false;
  return true;
}

/*---- one record ----*/

/* Byte classes for the unquoted scan: 1 ends a field. */
static const unsigned char STOP[256] = {[','] = 1, ['\n'] = 1, ['\r'] = 1,
                                        ['"'] = 1, [0] = 1};

enum { RS_OK, RS_EOF, RS_SHORT, RS_ERR };

typedef struct {
  int code;       /* RS_ERR: what */
  bool unterminated; /* the error: a quoted field runs to the end */
  size_t off;     /* its byte offset from the line start */
  int64_t dline;  /* its line from the record's first line */
  char msg[96];
} rerr;

static bool utf8_ok(const unsigned char *s, size_t n, size_t *bad)
{
  size_t i = 0;
  while (i < n) {
    /* ASCII, the usual case, 8 bytes at a time. */
    uint64_t w;
    if (i + 8 <= n && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ULL) ==
                                                 0)) {
      i += 8;
      continue;
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k = c >= 0xF0 && c <= 0xF4   ? 3
               : c >= 0xE0 && c <= 0xEF ? 2
               : c >= 0xC2 && c <= 0xDF ? 1
                                        : 0;
    if (k == 0 || i + k >= n + 1 || i + k > n)
      goto bad;
    for (size_t j = 1; j <= k; j++)
      if ((s[i + j] & 0xC0) != 0x80)
        goto bad;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) ||
        (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] > 0x8F))
      goto bad;
    i += k + 1;
  }
  return true;
bad:
  *bad = i;
  return false;
}

/* Splits the record at p (before end) into f[0..*n). Quoted fields with
 * doubled quotes are unescaped into scratch (at least end - p bytes).
 * *next is the start of the following record, *lines the lines it spans.
 * RS_SHORT: the record runs past end (more input may complete it; at the
 * end of input the caller treats it as complete when it ended outside
 * quotes: `last`). RS_EOF: p == end. */
static int split(const char *p, const char *end, bool last, fld *f,
                 size_t *n, char *scratch, const char **next,
                 int64_t *lines, rerr *e)
{
  e->unterminated = false;
  if (p >= end)
    return RS_EOF;
  const char *line = p;
  int64_t dl = 0;
  size_t k = 0;
  char *sp = scratch;
  for (;;) {
    if (k == MAX_FIELDS) {
      e->code = RS_ERR;
      e->off = (size_t)(p - line);
      e->dline = dl;
      snprintf(e->msg, sizeof e->msg, "record has more than %d fields",
               MAX_FIELDS);
      return RS_ERR;
    }
    fld *x = &f[k++];
    x->off = (size_t)(p - line);
    x->dline = dl;
    if (p < end && *p == '"') {
      const char *q = ++p;
      char *o = NULL;
      for (;;) {
        if (q >= end) {
          if (last) {
            e->off = x->off;
            e->dline = x->dline;
            snprintf(e->msg, sizeof e->msg, "unterminated quoted field");
            e->unterminated = true;
            return RS_ERR;
          }
          return RS_SHORT;
        }
        if (*q == '"') {
          if (q + 1 < end && q[1] == '"') {
            if (o == NULL) {
              memcpy(sp, p, (size_t)(q - p));
              o = sp + (q - p);
            }
            *o++ = '"';
            q += 2;
            continue;
          }
          if (q + 1 >= end && !last)
            return RS_SHORT;
          break;
        }
        if (*q == '\n' || (*q == '\r' && !(q + 1 < end && q[1] == '\n')))
          dl++, line = q + 1;
        if (*q == 0) {
          e->off = (size_t)(q - line);
          e->dline = dl;
          snprintf(e->msg, sizeof e->msg, "binary data (a NUL byte)");
          return RS_ERR;
        }
        if (o != NULL)
          *o++ = *q;
        q++;
      }
      if (o != NULL) {
        x->p = sp;
        x->n = (size_t)(o - sp);
        sp = o;
      } else {
        x->p = p;
        x->n = (size_t)(q - p);
      }
      p = q + 1;
      if (p < end && *p != ',' && *p != '\n' && *p != '\r') {
        e->off = (size_t)(p - line);
        e->dline = dl;
        snprintf(e->msg, sizeof e->msg,
                 "unexpected character after a closing quote");
        return RS_ERR;
      }
    } else {
      const char *q = p;
      while (q < end && !STOP[(unsigned char)*q])
        q++;
      if (q < end && (*q == '"' || *q == 0)) {
        e->off = (size_t)(q - line);
        e->dline = dl;
        snprintf(e->msg, sizeof e->msg, *q == 0 ? "binary data (a NUL byte)"
                                                : "quote inside an unquoted "
                                                  "field");
        return RS_ERR;
      }
      x->p = p;
      x->n = (size_t)(q - p);
      p = q;
    }
    if (x->n > MAX_FIELD) {
      e->off = x->off;
      e->dline = x->dline;
      snprintf(e->msg, sizeof e->msg, "field longer than %d bytes",
               MAX_FIELD);
      return RS_ERR;
    }
    if (p >= end) {
      if (!last)
        return RS_SHORT;
      *next = p;
      break;
    }
    if (*p == ',') {
      p++;
      continue;
    }
    if (*p == '\r') {
      if (p + 1 >= end && !last)
        return RS_SHORT;
      p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
    } else {
      p++;
    }
    *next = p;
    break;
  }
  *n = k;
  *lines = dl + 1;
  return RS_OK;
}

/* The usual record: no quote, CR or NUL before its '\n', which lies at
 * least 64 bytes before end; at most MAX_FIELDS fields of at most
 * MAX_FIELD bytes. Fills f[0..*n) and *next as split() would and *ascii
 * when no byte has its high bit set; false for any other record (split()
 * then reads it, and reports what is wrong). On x86-64, 64 bytes at a time
 * as bit masks (SSE2): the masks of the block where a record ends are kept
 * in *bk for the next record, which starts in it. Elsewhere 8 bytes at a
 * time (SWAR, plain C, little-endian only). */
typedef struct {
  const char *at; /* the block's first byte, or NULL */
  uint64_t sp;    /* its '\n', '\r', '"' and NUL bytes */
  uint64_t cm;    /* its commas */
  uint64_t hi;    /* its bytes with the high bit set */
} blockm;

/* The fields ended by the commas in cm, whose bit i is the byte at
 * q + (i >> sh), from *fs (the record starts at p) into f[*k...] (room
 * for 64 more than MAX_FIELDS: FAST_FIELDS); false when they are too
 * many. Their lengths are checked at the record's end (record_end). */
#define FAST_FIELDS (MAX_FIELDS + 64)
static inline bool fields_to(const char *q, uint64_t cm, int sh,
                             const char *p, const char **fs, fld *f,
                             size_t *k)
{
  for (; cm != 0; cm &= cm - 1) {
    const char *c = q + (__builtin_ctzll(cm) >> sh);
    f[(*k)++] = (fld){*fs, (size_t)(c - *fs), (size_t)(*fs - p), 0};
    *fs = c + 1;
  }
  return *k < MAX_FIELDS;
}

/* The record's last field, from fs to c (its first special byte, which
 * must be its '\n'), and where the next record starts; false otherwise,
 * or when the record is longer than a field may be (split() then checks
 * each field). */
static inline bool record_end(const char *c, const char *fs, const char *p,
                              fld *f, size_t k, size_t *n,
                              const char **next)
{
  if (*c != '\n' || (size_t)(c - p) > MAX_FIELD)
    return false;
  f[k++] = (fld){fs, (size_t)(c - fs), (size_t)(fs - p), 0};
  *n = k;
  *next = c + 1;
  return true;
}

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>

static inline void block_load(blockm *bk, const char *q)
{
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                qt = _mm_set1_epi8('"'), cm = _mm_set1_epi8(','),
                z = _mm_setzero_si128();
  uint64_t sp = 0, c = 0, hi = 0;
  for (int i = 0; i < 4; i++) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(q + 16 * i));
    __m128i s = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, cr)),
        _mm_or_si128(_mm_cmpeq_epi8(x, qt), _mm_cmpeq_epi8(x, z)));
    sp |= (uint64_t)(uint32_t)_mm_movemask_epi8(s) << (16 * i);
    c |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, cm))
         << (16 * i);
    hi |= (uint64_t)(uint32_t)_mm_movemask_epi8(x) << (16 * i);
  }
  bk->at = q;
  bk->sp = sp;
  bk->cm = c;
  bk->hi = hi;
}

static inline bool split_fast(const char *p, const char *end, fld *f,
                              size_t *n, const char **next, bool *ascii,
                              blockm *bk)
{
  if (bk->at == NULL || p < bk->at || p >= bk->at + 64) {
    if (end - p < 64)
      return false;
    block_load(bk, p);
  }
  unsigned sh = (unsigned)(p - bk->at);
  const char *q = p; /* the masks' bit 0 */
  uint64_t sp = bk->sp >> sh, cm = bk->cm >> sh, hi = bk->hi >> sh;
  const char *fs = p;
  size_t k = 0;
  uint64_t high = 0;
  for (;;) {
    uint64_t below = sp != 0 ? (sp & (0 - sp)) - 1 : ~(uint64_t)0;
    high |= hi & below;
    if (!fields_to(q, cm & below, 0, p, &fs, f, &k))
      return false;
    if (sp != 0) {
      *ascii = high == 0;
      return record_end(q + __builtin_ctzll(sp), fs, p, f, k, n, next);
    }
    q = bk->at + 64;
    if (end - q < 64)
      return false;
    block_load(bk, q);
    sp = bk->sp;
    cm = bk->cm;
    hi = bk->hi;
  }
}

/* Whether the n bytes at a and b are equal (16 at a time). */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
  if (n < 16)
    return memcmp(a, b, n) == 0;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(a + i));
    __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) != 0xFFFF)
      return false;
  }
  if (i == n)
    return true;
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(a + n - 16));
  __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(b + n - 16));
  return _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) == 0xFFFF;
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL
#define LOW7 0x7F7F7F7F7F7F7F7FULL

/* A test may also flag bytes above a true match, never below: the first
 * special byte of a word is the lowest set bit; commas use the exact
 * test. */
static inline uint64_t zero_bytes(uint64_t x)
{
  return (x - ONES) & ~x & HIGH;
}

static inline uint64_t zero_bytes_exact(uint64_t x)
{
  return ~(((x & LOW7) + LOW7) | x) & HIGH;
}

static bool split_fast(const char *p, const char *end, fld *f, size_t *n,
                       const char **next, bool *ascii, blockm *bk)
{
  (void)bk;
  const char *q = p, *fs = p;
  size_t k = 0;
  uint64_t hi = 0;
  while (end - q >= 8) {
    uint64_t w;
    memcpy(&w, q, 8);
    uint64_t sp = zero_bytes(w ^ ('\n' * ONES)) |
                  zero_bytes(w ^ ('\r' * ONES)) |
                  zero_bytes(w ^ ('"' * ONES)) | zero_bytes(w);
    uint64_t cm = zero_bytes_exact(w ^ (',' * ONES));
    uint64_t below = sp != 0 ? (sp & (0 - sp)) - 1 : ~(uint64_t)0;
    hi |= w & below;
    if (!fields_to(q, cm & below, 3, p, &fs, f, &k))
      return false;
    if (sp != 0) {
      *ascii = (hi & HIGH) == 0;
      return record_end(q + (__builtin_ctzll(sp) >> 3), fs, p, f, k, n,
                        next);
    }
    q += 8;
  }
  return false;
}
#else
static bool split_fast(const char *p, const char *end, fld *f, size_t *n,
                       const char **next, bool *ascii, blockm *bk)
{
  (void)p, (void)end, (void)f, (void)n, (void)next, (void)ascii, (void)bk;
  return false;
}
#endif
#if !(defined(__SSE2__) && defined(__x86_64__))
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
  return memcmp(a, b, n) == 0;
}
#endif

/*---- hashing and interning ----*/

static uint64_t hash(uint64_t h, const char *p, size_t n, bool fold)
{
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)(fold ? up(p[i]) : p[i]);
    h *= 1099511628211ULL;
  }
  h ^= 0xff;
  h *= 1099511628211ULL;
  return h;
}

#define H0 14695981039346656037ULL

/* A word-at-a-time hash for the hot loop (exact bytes, no case folding). */
static uint64_t hash8(uint64_t h, const char *p, size_t n)
{
  const uint64_t k = 0x9E3779B97F4A7C15ULL;
  size_t len = n;
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  memcpy(&w, p, n);
  h = (h ^ w ^ ((uint64_t)len << 56)) * k;
  h ^= h >> 32;
  return h;
}

/* Strings to dense ids: open addressing on a 64-bit hash, the bytes kept
 * in one arena (NUL-separated parts) and compared on a hash match. */
typedef struct {
  const tly_allocator *a;
  uint64_t *h;    /* per slot: hash, 0 empty */
  uint32_t *id;   /* per slot */
  size_t cap, n;
  size_t *off;    /* per id: offset in arena */
  size_t *len;
  size_t off_cap;
  char *arena;
  size_t used, arena_cap;
  bool fold;      /* compare ignoring ASCII case */
} intern;

static void intern_free(intern *t)
{
  tly__free(t->a, t->h, t->cap * sizeof *t->h);
  tly__free(t->a, t->id, t->cap * sizeof *t->id);
  tly__free(t->a, t->off, t->off_cap * sizeof *t->off);
  tly__free(t->a, t->len, t->off_cap * sizeof *t->len);
  tly__free(t->a, t->arena, t->arena_cap);
}

static const char *intern_str(const intern *t, uint32_t id, size_t *len)
{
  if (len != NULL)
    *len = t->len[id];
  return t->arena + t->off[id];
}

static bool same(const char *a, const char *b, size_t n, bool fold)
{
  if (!fold)
    return memcmp(a, b, n) == 0;
  for (size_t i = 0; i < n; i++)
    if (up(a[i]) != up(b[i]))
      return false;
  return true;
}

/* The id of the n bytes at s (hash h), added when new (*added). -1 on out
 * of memory. */
static int64_t intern_get(intern *t, uint64_t h, const char *s, size_t n,
                          bool *added)
{
  if (h == 0)
    h = 1;
  if (added != NULL)
    *added = false;
  if (2 * (t->n + 1) > t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 256;
    uint64_t *nh = tly__calloc(t->a, nc, sizeof *nh);
    uint32_t *ni = tly__calloc(t->a, nc, sizeof *ni);
    if (nh == NULL || ni == NULL) {
      tly__free(t->a, nh, nc * sizeof *nh);
      tly__free(t->a, ni, nc * sizeof *ni);
      return -1;
    }
    for (size_t i = 0; i < t->cap; i++) {
      if (t->h[i] == 0)
        continue;
      size_t j = (size_t)(t->h[i] & (nc - 1));
      while (nh[j] != 0)
        j = (j + 1) & (nc - 1);
      nh[j] = t->h[i];
      ni[j] = t->id[i];
    }
    tly__free(t->a, t->h, t->cap * sizeof *t->h);
    tly__free(t->a, t->id, t->cap * sizeof *t->id);
    t->h = nh;
    t->id = ni;
    t->cap = nc;
  }
  size_t j = (size_t)(h & (t->cap - 1));
  while (t->h[j] != 0) {
    if (t->h[j] == h) {
      uint32_t id = t->id[j];
      char *old = t->arena + t->off[id];
      if (t->len[id] == n && same(old, s, n, t->fold)) {
        if (t->fold && memcmp(s, old, n) < 0)
          memcpy(old, s, n); /* keep the first in byte order of the
                                spellings: the same whatever came first */
        return id;
      }
    }
    j = (j + 1) & (t->cap - 1);
  }
  if (t->n == t->off_cap) {
    size_t nc = t->off_cap ? t->off_cap * 2 : 64;
    size_t *no = tly__calloc(t->a, nc, sizeof *no);
    size_t *nl = tly__calloc(t->a, nc, sizeof *nl);
    if (no == NULL || nl == NULL) {
      tly__free(t->a, no, nc * sizeof *no);
      tly__free(t->a, nl, nc * sizeof *nl);
      return -1;
    }
    if (t->n > 0) {
      memcpy(no, t->off, t->n * sizeof *no);
      memcpy(nl, t->len, t->n * sizeof *nl);
    }
    tly__free(t->a, t->off, t->off_cap * sizeof *t->off);
    tly__free(t->a, t->len, t->off_cap * sizeof *t->len);
    t->off = no;
    t->len = nl;
    t->off_cap = nc;
  }
  if (t->arena_cap - t->used < n + 1) {
    size_t nc = t->arena_cap ? t->arena_cap : 4096;
    while (nc - t->used < n + 1)
      nc *= 2;
    char *na = tly__realloc(t->a, t->arena, t->arena_cap, nc);
    if (na == NULL)
      return -1;
    t->arena = na;
    t->arena_cap = nc;
  }
  memcpy(t->arena + t->used, s, n);
  t->arena[t->used + n] = 0;
  uint32_t id = (uint32_t)t->n++;
  t->off[id] = t->used;
  t->len[id] = n;
  t->used += n + 1;
  t->h[j] = h;
  t->id[j] = id;
  if (added != NULL)
    *added = true;
  return id;
}

typedef struct {
  const char *p;
  size_t n;
  uint32_t id;
} skey;

static int skey_cmp(const void *x, const void *y)
{
  const skey *a = x, *b = y;
  int c = memcmp(a->p, b->p, a->n < b->n ? a->n : b->n);
  return c != 0 ? c : (a->n > b->n) - (a->n < b->n);
}

/* Renumbers t's strings in byte order, so that ids do not depend on the
 * order the threads and rounds met them; map[old id] is the new id. False
 * on out of memory (t unchanged). */
static bool intern_sort(intern *t, uint32_t *map)
{
  size_t n = t->n;
  skey *k = tly__calloc(t->a, n ? n : 1, sizeof *k);
  size_t *no = tly__calloc(t->a, n ? n : 1, 2 * sizeof *no);
  if (k == NULL || no == NULL) {
    tly__free(t->a, k, (n ? n : 1) * sizeof *k);
    tly__free(t->a, no, (n ? n : 1) * 2 * sizeof *no);
    return false;
  }
  for (size_t i = 0; i < n; i++)
    k[i] = (skey){t->arena + t->off[i], t->len[i], (uint32_t)i};
  qsort(k, n, sizeof *k, skey_cmp);
  for (size_t r = 0; r < n; r++) {
    map[k[r].id] = (uint32_t)r;
    no[r] = t->off[k[r].id];
    no[n + r] = t->len[k[r].id];
  }
  if (n > 0) {
    memcpy(t->off, no, n * sizeof *no);
    memcpy(t->len, no + n, n * sizeof *no);
  }
  for (size_t j = 0; j < t->cap; j++)
    if (t->h[j] != 0)
      t->id[j] = map[t->id[j]];
  tly__free(t->a, k, (n ? n : 1) * sizeof *k);
  tly__free(t->a, no, (n ? n : 1) * 2 * sizeof *no);
  return true;
}

/* Sums by (county id, line id): open addressing on the pair. */
typedef struct {
  uint64_t key; /* county << 32 | line, +1; 0 empty */
  int64_t votes;
} agg_entry;

typedef struct {
  const tly_allocator *a;
  agg_entry *e;
  size_t cap, n;
} agg;

static uint64_t mix64(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

/* Room for n entries in all (at most half full); false on out of
 * memory. */
static bool agg_reserve(agg *g, size_t n)
{
  if (2 * (n + 1) <= g->cap)
    return true;
  size_t nc = g->cap ? g->cap : 1024;
  while (2 * (n + 1) > nc)
    nc *= 2;
  agg_entry *ne = tly__calloc(g->a, nc, sizeof *ne);
  if (ne == NULL)
    return false;
  for (size_t i = 0; i < g->cap; i++) {
    if (g->e[i].key == 0)
      continue;
    size_t j = (size_t)(mix64(g->e[i].key) & (nc - 1));
    while (ne[j].key != 0)
      j = (j + 1) & (nc - 1);
    ne[j] = g->e[i];
  }
  tly__free(g->a, g->e, g->cap * sizeof *g->e);
  g->e = ne;
  g->cap = nc;
  return true;
}

/* Adds v to (county, line); false on out of memory or overflow (*ovf). */
static bool agg_add(agg *g, uint32_t county, uint32_t line, int64_t v,
                    bool *ovf)
{
  uint64_t key = ((uint64_t)county << 32 | line) + 1;
  if (!agg_reserve(g, g->n + 1))
    return false;
  size_t j = (size_t)(mix64(key) & (g->cap - 1));
  while (g->e[j].key != 0 && g->e[j].key != key)
    j = (j + 1) & (g->cap - 1);
  if (g->e[j].key == 0) {
    g->e[j].key = key;
    g->n++;
  }
  if (!tly__add_i64(g->e[j].votes, v, &g->e[j].votes)) {
    *ovf = true;
    return false;
  }
  return true;
}

/* The array p of *cap elements of `size` bytes, doubled (from `first`)
 * when full (n == *cap): the array (p itself when not full), or NULL on
 * out of memory (p kept). */
static void *grown(const tly_allocator *a, void *p, size_t n, size_t *cap,
                   size_t size, size_t first)
{
  if (n < *cap)
    return p;
  size_t nc = *cap ? *cap * 2 : first;
  void *np = tly__realloc(a, p, *cap * size, nc * size);
  if (np != NULL)
    *cap = nc;
  return np;
}

/* A worker's sums: (county, line) pairs with their votes as it drained
 * them, in order; a pair may come more than once (summed when the
 * workers' sums are merged). */
typedef struct {
  agg_entry *e; /* key: county << 32 | line, +1 */
  size_t n, cap;
} sumvec;

/* Appends (county, line, v); false on out of memory. */
static bool sumvec_push(const tly_allocator *a, sumvec *s, uint32_t county,
                        uint32_t line, int64_t v)
{
  agg_entry *ne = grown(a, s->e, s->n, &s->cap, sizeof *ne, 1024);
  if (ne == NULL)
    return false;
  s->e = ne;
  s->e[s->n++] = (agg_entry){((uint64_t)county << 32 | line) + 1, v};
  return true;
}

/*---- the built-in county list (validation of FIPS) ----*/

typedef struct {
  char fips[6];
  char state[3];
  const char *name; /* in names */
} county_ref;

typedef struct {
  county_ref *c;
  size_t n, cap;
  char *names;
  size_t names_len, names_cap;
  char state_fips[51][3]; /* by tly__state_index: "01", ... */
} county_list;

static void counties_free(const tly_allocator *a, county_list *l)
{
  tly__free(a, l->c, l->cap * sizeof *l->c);
  tly__free(a, l->names, l->names_cap);
  memset(l, 0, sizeof *l);
}

/* The built-in county list (counties.csv), FIPS-sorted as it is stored. */
static tly_status counties_load(const tly_allocator *a, county_list *l,
                                tly_error *err)
{
  static const char *const cols[] = {"fips", "state", "name"};
  int idx[3];
  tly__table t;
  tly_status s = tly__table_open(a, "counties.csv", 256, 16, cols, 3, &t,
                                 idx, err);
  while (s == TLY_OK) {
    bool eof;
    size_t n;
    s = tly__csv_next(t.c, &t.f, &n, &eof, err);
    if (s != TLY_OK || eof)
      break;
    if (n != t.width || t.f[idx[0]].n != 5 || t.f[idx[1]].n != 2) {
      s = tly__fail(err, TLY_EPARSE, "built-in counties.csv is malformed");
      break;
    }
    if (l->n == l->cap) {
      size_t nc = l->cap ? l->cap * 2 : 4096;
      county_ref *nr = tly__realloc(a, l->c, l->cap * sizeof *nr,
                                    nc * sizeof *nr);
      if (nr == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      l->c = nr;
      l->cap = nc;
    }
    size_t len = t.f[idx[2]].n + 1;
    if (l->names_cap - l->names_len < len) {
      size_t nc = l->names_cap ? l->names_cap * 2 : 65536;
      char *nn = tly__realloc(a, l->names, l->names_cap, nc);
      if (nn == NULL) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        break;
      }
      l->names = nn;
      l->names_cap = nc;
    }
    county_ref *r = &l->c[l->n++];
    memcpy(r->fips, t.f[idx[0]].p, 6);
    memcpy(r->state, t.f[idx[1]].p, 3);
    r->name = (const char *)(uintptr_t)l->names_len; /* fixed up below */
    memcpy(l->names + l->names_len, t.f[idx[2]].p, len);
    l->names_len += len;
    int si = tly__state_index(r->state, 2);
    if (si >= 0)
      memcpy(l->state_fips[si], r->fips, 2);
  }
  tly__csv_free(t.c);
  if (s != TLY_OK) {
    counties_free(a, l);
    return s;
  }
  for (size_t i = 0; i < l->n; i++)
    l->c[i].name = l->names + (uintptr_t)l->c[i].name;
  return TLY_OK;
}

static const county_ref *counties_find(const county_list *l, const char *f)
{
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = memcmp(l->c[mid].fips, f, 5);
    if (c == 0)
      return &l->c[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/*---- the file: header ----*/

typedef struct {
  int idx[C_N];
  size_t width;
  bool precinct; /* the precinct layouts (else countypres) */
} layout;

/* Whether a header (f[0..n)) is one of the layouts read here: MEDSL's
 * county or precinct files name state_po and county_fips (or FIPS). */
static bool find_layout(const fld *f, size_t n, layout *L)
{
  for (int c = 0; c < C_N; c++) {
    L->idx[c] = -1;
    for (int k = 0; k < 3 && COL_NAMES[c][k] != NULL && L->idx[c] < 0; k++)
      for (size_t i = 0; i < n; i++)
        if (f[i].n == strlen(COL_NAMES[c][k]) &&
            memcmp(f[i].p, COL_NAMES[c][k], f[i].n) == 0) {
          L->idx[c] = (int)i;
          break;
        }
  }
  L->width = n;
  L->precinct = L->idx[C_PRECINCT] >= 0;
  return L->idx[C_STATE] >= 0 && L->idx[C_FIPS] >= 0;
}

/*---- the input: plain or gzip, as a stream ----*/

typedef struct {
  int fd;
  bool gz;
  bool eof;
  z_stream z;
  bool z_init;
  bool z_end; /* the gzip stream ended properly */
  bool truncated; /* the file ended inside a gzip stream */
  unsigned char in[1 << 16];
  int64_t consumed; /* bytes of the file read */
  int64_t size;     /* of the file, 0 when unknown */
  const char *name;
  const tly__stdin_head *head; /* "-": bytes already read from stdin */
  size_t head_off;
  bool own_fd; /* opened here (not standard input) */
} input;

/* Opens path, or for "-" standard input after head's bytes (which were
 * read from it to tell its layout; head may be NULL: none were). */
static tly_status input_open(input *in, const char *path, const char *name,
                             const tly__stdin_head *head, tly_error *err)
{
  memset(in, 0, sizeof *in);
  in->name = name;
  if (strcmp(path, "-") == 0) {
    in->fd = STDIN_FILENO;
    in->head = head;
    return TLY_OK; /* its size is unknown: a pipe, or read in part */
  }
  in->own_fd = true;
  in->fd = open(path, O_RDONLY);
  if (in->fd < 0)
    return tly__fail_at(err, TLY_EIO, name, 0, 0, "cannot open: %s",
                        strerror(errno));
  struct stat st;
  if (fstat(in->fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      close(in->fd);
      in->fd = -1;
      return tly__fail_at(err, TLY_EIO, name, 0, 0, "cannot read: %s",
                          strerror(EISDIR));
    }
    if (S_ISREG(st.st_mode))
      in->size = (int64_t)st.st_size;
  }
  return TLY_OK;
}

static void input_close(input *in)
{
  if (in->z_init)
    inflateEnd(&in->z);
  if (in->fd >= 0 && in->own_fd)
    close(in->fd);
  in->fd = -1;
}

/* Raw bytes from the file into p[0..cap): *got 0 at its end. */
static tly_status raw_read(input *in, unsigned char *p, size_t cap,
                           size_t *got, tly_error *err)
{
  if (in->head != NULL && in->head_off < in->head->n) {
    size_t k = in->head->n - in->head_off;
    k = k < cap ? k : cap;
    memcpy(p, in->head->p + in->head_off, k);
    in->head_off += k;
    in->consumed += (int64_t)k;
    *got = k;
    return TLY_OK;
  }
  if (in->fd < 0) { /* the head alone (sniffing standard input) */
    *got = 0;
    return TLY_OK;
  }
  for (;;) {
    ssize_t r = read(in->fd, p, cap);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      return tly__fail_at(err, TLY_EIO, in->name, 0, 0, "read error: %s",
                          strerror(errno));
    *got = (size_t)r;
    in->consumed += r;
    return TLY_OK;
  }
}

/* Fills up to cap bytes of (decompressed) text at p; *got 0 only at the
 * end. The first call tells gzip (magic 1f 8b) from plain text. */
static tly_status input_read(input *in, char *p, size_t cap, size_t *got,
                             bool first, tly_error *err)
{
  *got = 0;
  if (in->eof)
    return TLY_OK;
  if (first) {
    size_t n = 0;
    tly_status s = raw_read(in, in->in, sizeof in->in, &n, err);
    if (s != TLY_OK)
      return s;
    if (n >= 2 && in->in[0] == 0x1f && in->in[1] == 0x8b) {
      in->gz = true;
      if (inflateInit2(&in->z, 15 + 16) != Z_OK)
        return tly__fail(err, TLY_ENOMEM, "out of memory");
      in->z_init = true;
      in->z.next_in = in->in;
      in->z.avail_in = (uInt)n;
    } else {
      size_t k = n < cap ? n : cap;
      memcpy(p, in->in, k);
      if (k < n) /* cap below 64 KiB: never, the caller's blocks are big */
        return tly__fail(err, TLY_EINVAL, "read buffer too small");
      *got = k;
      if (n == 0)
        in->eof = true;
      return TLY_OK;
    }
  }
  if (!in->gz) {
    size_t n = 0;
    while (*got < cap) {
      tly_status s = raw_read(in, (unsigned char *)p + *got, cap - *got, &n,
                              err);
      if (s != TLY_OK)
        return s;
      if (n == 0) {
        in->eof = true;
        break;
      }
      *got += n;
    }
    return TLY_OK;
  }
  while (*got < cap && !in->eof) {
    if (in->z.avail_in == 0) {
      size_t n = 0;
      tly_status s = raw_read(in, in->in, sizeof in->in, &n, err);
      if (s != TLY_OK)
        return s;
      if (n == 0) {
        if (!in->z_end) {
          in->truncated = true;
          return tly__fail_at(err, TLY_EPARSE, in->name, 0, 0,
                              "truncated gzip stream (the file ends inside "
                              "it)");
        }
        in->eof = true;
        break;
      }
      in->z.next_in = in->in;
      in->z.avail_in = (uInt)n;
    }
    if (in->z_end) {
      /* A further gzip member (concatenated files) or trailing bytes. */
      if (inflateReset(&in->z) != Z_OK)
        return tly__fail(err, TLY_ENOMEM, "out of memory");
      in->z_end = false;
    }
    size_t room = cap - *got;
    in->z.next_out = (unsigned char *)p + *got;
    in->z.avail_out = (uInt)(room > (1u << 30) ? (1u << 30) : room);
    uInt before = in->z.avail_out;
    int r = inflate(&in->z, Z_NO_FLUSH);
    *got += before - in->z.avail_out;
    if (r == Z_STREAM_END) {
      in->z_end = true;
      if (in->z.avail_in == 0) {
        size_t n = 0;
        tly_status s = raw_read(in, in->in, sizeof in->in, &n, err);
        if (s != TLY_OK)
          return s;
        if (n == 0)
          in->eof = true;
        in->z.next_in = in->in;
        in->z.avail_in = (uInt)n;
      }
    } else if (r == Z_MEM_ERROR) {
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    } else if (r != Z_OK && r != Z_BUF_ERROR) {
      return tly__fail_at(err, TLY_EPARSE, in->name, 0, 0,
                          "corrupt gzip stream: %s",
                          in->z.msg != NULL ? in->z.msg : "inflate failed");
    }
  }
  return TLY_OK;
}

/*---- text buffers ----*/

#define HUGE_PAGE ((size_t)2 << 20)

/* The bytes allocated for a text buffer of cap bytes. */
static size_t text_raw_size(size_t cap)
{
  return cap >= HUGE_PAGE ? cap + HUGE_PAGE : cap;
}

/* A text buffer of cap bytes (*raw: the allocation, of text_raw_size(cap)
 * bytes); one of 2 MiB or more starts at a 2 MiB boundary and asks for
 * transparent huge pages. NULL on out of memory. */
static char *text_alloc(const tly_allocator *a, size_t cap, char **raw)
{
  *raw = tly__malloc(a, text_raw_size(cap));
  if (*raw == NULL || cap < HUGE_PAGE)
    return *raw;
  char *p = (char *)(((uintptr_t)*raw + HUGE_PAGE - 1) &
                     ~(uintptr_t)(HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
  (void)madvise(p, cap & ~(HUGE_PAGE - 1), MADV_HUGEPAGE);
#endif
  return p;
}

/* Doubles the text buffer *text (cap bytes, raw allocation *raw), keeping
 * its first len bytes; false on out of memory (the old one kept). */
static bool text_grow(const tly_allocator *a, char **text, char **raw,
                      size_t *cap, size_t len)
{
  char *nraw;
  char *nt = text_alloc(a, *cap * 2, &nraw);
  if (nt == NULL)
    return false;
  memcpy(nt, *text, len);
  tly__free(a, *raw, text_raw_size(*cap));
  *text = nt;
  *raw = nraw;
  *cap *= 2;
  return true;
}

/* Up to n bytes of the plain file at off into p (fewer at its end). */
static tly_status file_read_at(int fd, char *p, size_t n, int64_t off,
                               size_t *got, const char *name, tly_error *err)
{
  *got = 0;
  while (*got < n) {
    ssize_t r = pread(fd, p + *got, n - *got, (off_t)(off + (int64_t)*got));
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      return tly__fail_at(err, TLY_EIO, name, 0, 0, "read error: %s",
                          strerror(errno));
    if (r == 0)
      break;
    *got += (size_t)r;
  }
  return TLY_OK;
}

/*---- workers ----*/

/* One candidate line's rows in the current unit. */
typedef struct {
  uint32_t line;
  int64_t total, modes, n_total, n_modes;
  int64_t tline, tcol;  /* the first TOTAL row (local line, column) */
} uentry;


typedef struct shared shared;

/* A run of a unit's rows: the unit's hash, the line of its first row and
 * the kinds of its rows (see runs_check). */
typedef struct {
  uint64_t h;
  int64_t lk; /* line << 2 | kinds (1 TOTAL rows, 2 mode rows) */
} urun;

/* A candidate line's votes in the county being read. */
typedef struct {
  int64_t votes;
  bool used;
} county_sum;

/* A row of the unit before: its candidate line, and the text of its line
 * columns when split_fast read it (p NULL otherwise) in call gen. */
typedef struct {
  uint32_t id;
  uint32_t gen;
  const char *p;
  size_t n;
} pred_row;

typedef struct {
  shared *sh;
  const tly_allocator *a;
  /* the range of this round */
  const char *b, *e;
  bool last;    /* the last worker of the round */
  bool misaligned; /* its range ended inside a quoted field at a guessed
                      cut (at_cut): it did not end at a record start */
  bool final;   /* the round ends the input */
  bool at_cut;  /* its range ends at a guessed cut (a part of a file) */
  /* results of the round */
  const char *stop; /* where the next round starts (last worker) */
  int64_t lines;    /* lines consumed before stop */
  int64_t stop_line; /* local line of stop */
  tly_status status;
  int64_t err_line, err_col, err_ref; /* local lines */
  char err_msg[200];
  /* state kept across rounds */
  intern lines_t;   /* candidate lines: cand\0party\0writein\0simple */
  intern counties;  /* "year\0SSfips\0name" */
  sumvec sums;
  urun *starts;     /* units finished this round (lines local) */
  size_t n_starts, starts_cap;
  char keybuf[KEYBUF_BYTES]; /* the unit's key fields */
  int64_t kinds;    /* of the unit last flushed (as urun's) */
  /* the county of the unit before, by its state and FIPS fields: units
   * come county by county, so most find theirs without a lookup */
  char cc_key[32];
  size_t cc_st, cc_fp; /* lengths of the two fields in cc_key; 0: none */
  int cc_year;
  int64_t cc_id;
  pred_row *pred;   /* the lines of the rows of the unit before, in order:
                       units list their candidates alike, so a row's line
                       is found without hashing */
  size_t n_pred, pred_cap, row_in_unit;
  uint32_t gen;     /* counts work()'s calls: a pred_row's text is valid
                       only in the call that saw it */
  county_sum *cur;  /* by line id, the county being read */
  uint32_t *touched; /* the lines of cur in use */
  size_t cur_cap, touched_cap, n_touched;
  uint32_t cur_county;
  uentry *u;        /* the current unit */
  size_t n_u, u_cap;
  char *scratch;
  /* a part of a plain file (part_work): the buffer its reader lent it,
   * or its own when a unit outgrew that one (text_raw not NULL) */
  char *text, *text_raw;
  size_t text_cap;
  bool reports;     /* its reader reports the progress */
  /* written by every row: kept off the cache line of the next worker's
   * first fields, which its thread reads as often */
  char pad[128];
} worker;

struct shared {
  const tly_allocator *a;
  const layout *L;
  const county_list *cl;
  int year;          /* the year when the file has no year column */
  bool has_year;
  int fd;            /* a plain file read in parts (part_work) */
  int64_t size;
  const char *name;  /* its name, for messages */
  struct fpart *parts;
  worker *pw;           /* a worker a part */
  int n_parts;
  atomic_int next_part; /* the next part a reader takes */
  atomic_llong done;    /* bytes parsed */
  void (*progress)(void *ud, int64_t done, int64_t size);
  void *progress_ud;
};

static void wfail(worker *w, tly_status s, int64_t line, int64_t col,
                  int64_t ref, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void wfail(worker *w, tly_status s, int64_t line, int64_t col,
                  int64_t ref, const char *fmt, ...)
{
  w->status = s;
  w->err_line = line;
  w->err_col = col;
  w->err_ref = ref;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(w->err_msg, sizeof w->err_msg, fmt, ap);
  va_end(ap);
}

/* Text of a field for a message: at most 60 bytes. */
#define SHOW(x) (int)((x)->n > 60 ? 60 : (x)->n), (x)->p

/* Adds the sums of the county being read (w->cur) to the worker's
 * aggregate. */
static bool drain(worker *w)
{
  for (size_t i = 0; i < w->n_touched; i++) {
    county_sum *c = &w->cur[w->touched[i]];
    if (!sumvec_push(w->a, &w->sums, w->cur_county, w->touched[i],
                     c->votes)) {
      wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
      return false;
    }
    *c = (county_sum){0};
  }
  w->n_touched = 0;
  return true;
}

/* Adds the current unit's sums to the county by the mode rule (summed
 * by line in w->cur while the units are of one county, as they come). */
static bool flush(worker *w, uint32_t county)
{
  w->kinds = 0;
  for (size_t i = 0; i < w->n_u; i++) {
    const uentry *x = &w->u[i];
    w->kinds |= (x->n_total > 0 ? 1 : 0) | (x->n_modes > 0 ? 2 : 0);
    int64_t v;
    bool mixed;
    tly__mode_votes(x->total, x->n_total, x->modes, x->n_modes, &v, &mixed);
    if (mixed) {
      size_t n;
      const char *c = intern_str(&w->lines_t, x->line, &n);
      wfail(w, TLY_EPARSE, x->tline, x->tcol, 0,
            "TOTAL row of %lld votes for \"%.60s\" beside mode rows "
            "summing to %lld in the same %s: they would double count",
            (long long)x->total, c, (long long)x->modes,
            w->sh->L->precinct ? "precinct" : "county");
      return false;
    }
    if (x->line >= w->touched_cap) {
      size_t nc = w->touched_cap ? w->touched_cap : 256;
      while (nc <= x->line)
        nc *= 2;
      uint32_t *nt = tly__realloc(w->a, w->touched,
                                  w->touched_cap * sizeof *nt,
                                  nc * sizeof *nt);
      if (nt == NULL) {
        wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
        return false;
      }
      w->touched = nt;
      w->touched_cap = nc;
    }
    if (x->line >= w->cur_cap) {
      size_t nc = w->touched_cap;
      county_sum *ns = tly__realloc(w->a, w->cur, w->cur_cap * sizeof *ns,
                                    nc * sizeof *ns);
      if (ns == NULL) {
        wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
        return false;
      }
      memset(ns + w->cur_cap, 0, (nc - w->cur_cap) * sizeof *ns);
      w->cur = ns;
      w->cur_cap = nc;
    }
    if (w->n_touched > 0 && county != w->cur_county && !drain(w))
      return false;
    w->cur_county = county;
    county_sum *c = &w->cur[x->line];
    if (!c->used) {
      c->used = true;
      w->touched[w->n_touched++] = x->line;
    }
    if (!tly__add_i64(c->votes, v, &c->votes)) {
      wfail(w, TLY_EOVERFLOW, x->tline, 1, 0,
            "a county's votes overflow a 64-bit count");
      return false;
    }
  }
  w->n_u = 0;
  return true;
}

static int64_t county_find(worker *w, const fld *f, int64_t line,
                          int year);

/* The county id of a unit's first row (f), validating its FIPS code. */
static int64_t county_of(worker *w, const fld *f, int64_t line, int year)
{
  const layout *L = w->sh->L;
  const fld *st = &f[L->idx[C_STATE]];
  const fld *fp = &f[L->idx[C_FIPS]];
  if (w->cc_st > 0 && st->n == w->cc_st && fp->n == w->cc_fp &&
      year == w->cc_year && memcmp(w->cc_key, st->p, st->n) == 0 &&
      memcmp(w->cc_key + st->n, fp->p, fp->n) == 0)
    return w->cc_id; /* the county of the unit before */
  int64_t id = county_find(w, f, line, year);
  /* Kept for the next unit when the county follows from the two fields
   * alone: a real FIPS code (with none, the row's names are checked). */
  w->cc_st = 0;
  if (id >= 0 && st->n + fp->n <= sizeof w->cc_key && fp->n >= 4) {
    bool digits = true;
    for (size_t i = 0; i < fp->n; i++)
      digits = digits && fp->p[i] >= '0' && fp->p[i] <= '9';
    if (digits && !(fp->n == 5 && memcmp(fp->p, "23099", 5) == 0)) {
      memcpy(w->cc_key, st->p, st->n);
      memcpy(w->cc_key + st->n, fp->p, fp->n);
      w->cc_st = st->n;
      w->cc_fp = fp->n;
      w->cc_year = year;
      w->cc_id = id;
    }
  }
  return id;
}

/* The county id of a unit's first row (f), validating its FIPS code. */
static int64_t county_find(worker *w, const fld *f, int64_t line, int year)
{
  const layout *L = w->sh->L;
  const fld *st = &f[L->idx[C_STATE]];
  const fld *fp = &f[L->idx[C_FIPS]];
  int si = tly__state_index(st->p, st->n);
  if (si < 0) {
    wfail(w, TLY_EINVAL, line + st->dline, (int64_t)st->off + 1, 0,
          "unknown state \"%.*s\"", SHOW(st));
    return -1;
  }
  const char *po = tly__state_code(si);
  char code[6];
  const char *name = NULL;
  size_t name_n = 0;
  bool none = fp->n == 0 || (fp->n == 2 && memcmp(fp->p, "NA", 2) == 0);
  bool digits = !none;
  for (size_t i = 0; i < fp->n && digits; i++)
    digits = fp->p[i] >= '0' && fp->p[i] <= '9';
  if (!none && !digits) {
    wfail(w, TLY_EPARSE, line + fp->dline, (int64_t)fp->off + 1, 0,
          "malformed county FIPS \"%.*s\" (5 digits expected)", SHOW(fp));
    return -1;
  }
  if (!none) {
    /* 5 digits; 4 when a leading zero was dropped (MEDSL countypres);
     * 10 a county subdivision (MEDSL Wisconsin): its county is the first
     * 5; Kansas City MO (2938000, a place) folds into Jackson County. */
    if (fp->n == 4) {
      code[0] = '0';
      memcpy(code + 1, fp->p, 4);
    } else if (fp->n == 5 || fp->n == 10) {
      memcpy(code, fp->p, 5);
    } else if (fp->n == 7 && memcmp(fp->p, "2938000", 7) == 0) {
      memcpy(code, "29095", 5);
    } else {
      wfail(w, TLY_EPARSE, line + fp->dline, (int64_t)fp->off + 1, 0,
            "malformed county FIPS \"%.*s\" (5 digits expected)", SHOW(fp));
      return -1;
    }
    code[5] = 0;
    /* MEDSL's pseudo-codes: Kansas City MO cut to 5 digits (29380, the
     * place 2938000) joins Jackson County like the 7-digit form; Maine's
     * 23099 marks towns MEDSL placed in no county. */
    if (strcmp(code, "29380") == 0)
      memcpy(code, "29095", 6);
    if (strcmp(code, "23099") == 0)
      none = true;
  }
  if (!none) {
    if (memcmp(code, w->sh->cl->state_fips[si], 2) != 0) {
      const county_ref *r = counties_find(w->sh->cl, code);
      wfail(w, TLY_EINVAL, line + fp->dline, (int64_t)fp->off + 1, 0,
            "county %s is in %s, not %s", code,
            r != NULL ? r->state : "another state", po);
      return -1;
    }
    if (si == tly__state_index("AK", 2)) {
      memcpy(code, "02000", 6); /* Alaska: one unit (house districts) */
    } else {
      const county_ref *r = counties_find(w->sh->cl, code);
      if (r == NULL) {
        wfail(w, TLY_EINVAL, line + fp->dline, (int64_t)fp->off + 1, 0,
              "unknown county FIPS \"%.*s\"", SHOW(fp));
        return -1;
      }
      name = r->name;
      name_n = strlen(name);
    }
  } else {
    /* No county: Alaska (no counties), or votes a MEDSL file gives at
     * state level or by a town without its county (NH, ME, RI's federal
     * precinct). A row naming no place at all belongs nowhere. */
    bool place = false;
    static const int place_cols[] = {C_CNAME, C_JUR, C_PRECINCT};
    for (size_t k = 0; k < 3; k++) {
      int ix = L->idx[place_cols[k]];
      place = place || (ix >= 0 && f[ix].n > 0);
    }
    if (!place && si != tly__state_index("AK", 2)) {
      wfail(w, TLY_EPARSE, line + fp->dline, (int64_t)fp->off + 1, 0,
            "row without a county: no county FIPS and no county, "
            "jurisdiction or precinct name");
      return -1;
    }
    memcpy(code, w->sh->cl->state_fips[si], 2);
    memcpy(code + 2, "000", 4);
  }
  if (name == NULL) {
    name = si == tly__state_index("AK", 2) ? "Alaska" : "(no county)";
    name_n = strlen(name);
  }
  char key[96];
  int k = snprintf(key, sizeof key, "%d%c%s%c%s%c%.*s", year, 0, code, 0,
                   po, 0, (int)(name_n > 60 ? 60 : name_n), name);
  int64_t id = intern_get(&w->counties, hash(H0, key, (size_t)k, false), key,
                          (size_t)k, NULL);
  if (id < 0)
    wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
  return id;
}

static bool unit_same(const layout *L, const fld *a, const fld *b)
{
  for (size_t k = 0; k < N_UNIT_COLS; k++) {
    int ix = L->idx[UNIT_COLS[k]];
    if (ix < 0)
      continue;
    if (a[ix].n != b[ix].n || memcmp(a[ix].p, b[ix].p, a[ix].n) != 0)
      return false;
  }
  return true;
}

static uint64_t unit_hash(const layout *L, const fld *f)
{
  uint64_t h = H0;
  for (size_t k = 0; k < N_UNIT_COLS; k++) {
    int ix = L->idx[UNIT_COLS[k]];
    if (ix >= 0)
      h = hash8(h, f[ix].p, f[ix].n);
  }
  return h == 0 ? 1 : h;
}

/* Whether a mode is TOTAL (any case). */
static inline bool is_total(const fld *m)
{
  const char *p = m->p;
  return m->n == 5 && (p[0] | 32) == 't' && (p[1] | 32) == 'o' &&
         (p[2] | 32) == 't' && (p[3] | 32) == 'a' && (p[4] | 32) == 'l';
}

/* Whether an `office` names the President (MEDSL: "US PRESIDENT"). */
static bool president(const fld *o)
{
  if (o->n < 9)
    return false;
  for (size_t i = 0; i + 9 <= o->n; i++)
    if (iprefix(o->p + i, o->n - i, "PRESIDENT"))
      return !(i >= 5 && iprefix(o->p + i - 5, 5, "VICE "));
  return false;
}

/* Copies the unit's key fields of f into dst, their bytes into buf (at
 * least N_UNIT_COLS * (MAX_FIELD + 1) bytes): quoted fields may live in the
 * scratch buffer, which the next record reuses. */
static void key_copy(const layout *L, const fld *f, fld *dst, char *buf)
{
  for (size_t k = 0; k < N_UNIT_COLS; k++) {
    int ix = L->idx[UNIT_COLS[k]];
    if (ix < 0)
      continue;
    memcpy(buf, f[ix].p, f[ix].n);
    dst[ix] = f[ix];
    dst[ix].p = buf;
    buf += f[ix].n + 1;
  }
}

/* The fields of a candidate line, in its intern key's order. */
static const int LINE_COLS[] = {C_CAND, C_PARTY, C_WRITEIN, C_SIMPLE};

/* Whether line id's key equals the line fields of f (each part cut at 63
 * bytes, as the key is made). */
static bool line_is(const intern *t, uint32_t id, const fld *f,
                    const layout *L)
{
  const char *a = t->arena + t->off[id];
  for (size_t k = 0; k < 4; k++) {
    int ix = L->idx[LINE_COLS[k]];
    size_t n = ix >= 0 ? f[ix].n : 0;
    n = n > 63 ? 63 : n;
    if ((n > 0 && memcmp(a, f[ix].p, n) != 0) || a[n] != 0)
      return false;
    a += n + 1;
  }
  return true;
}

/* Records line id (and the text of its columns, p and n) as the k-th
 * row's line of a unit (k <= n_pred). */
static bool pred_set(worker *w, size_t k, int64_t id, const char *p,
                     size_t n)
{
  if (k == w->n_pred) {
    pred_row *np = grown(w->a, w->pred, w->n_pred, &w->pred_cap, sizeof *np,
                         64);
    if (np == NULL)
      return false;
    w->pred = np;
    w->n_pred++;
  }
  w->pred[k] = (pred_row){(uint32_t)id, w->gen, p, n};
  return true;
}

/* Notes that a unit (hash h, first row at line) ended, with w->kinds. */
static bool start_add(worker *w, uint64_t h, int64_t line)
{
  urun *ns = grown(w->a, w->starts, w->n_starts, &w->starts_cap, sizeof *ns,
                   4096);
  if (ns == NULL) {
    wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
    return false;
  }
  w->starts = ns;
  w->starts[w->n_starts++] = (urun){h, line << 2 | (w->kinds & 3)};
  return true;
}

/* The work of one round: the records in [w->b, w->e). */
static void work(worker *w)
{
  const layout *L = w->sh->L;
  const char *p = w->b;
  int64_t line = 1;
  fld f[FAST_FIELDS];
  fld prev[MAX_FIELDS];
  bool open = false; /* a unit is being summed */
  const char *unit_at = p;
  int64_t unit_line = 1;
  uint64_t unit_h = 0;
  int64_t county = -1;
  bool has_mode = L->idx[C_MODE] >= 0;
  /* The unit's columns lie in the record's text from column ulo to uhi:
   * a row read by split_fast whose text there equals the previous row's
   * is in the same unit (equal bytes without quotes, equal fields). */
  int ulo = MAX_FIELDS, uhi = -1;
  for (size_t k = 0; k < N_UNIT_COLS; k++) {
    int ix = L->idx[UNIT_COLS[k]];
    if (ix >= 0 && ix < ulo)
      ulo = ix;
    if (ix > uhi)
      uhi = ix;
  }
  const char *ps = NULL; /* that text of the previous row, or NULL */
  size_t psn = 0;
  /* Likewise the candidate line's columns, from llo to lhi. */
  int llo = MAX_FIELDS, lhi = -1;
  for (size_t k = 0; k < 4; k++) {
    int ix = L->idx[LINE_COLS[k]];
    if (ix >= 0 && ix < llo)
      llo = ix;
    if (ix > lhi)
      lhi = ix;
  }
  w->gen++;
  blockm bk = {0};
  w->status = TLY_OK;
  w->stop = w->e;
  while (w->status == TLY_OK) {
    size_t n = 0;
    const char *next = NULL;
    int64_t nl = 0;
    rerr re;
    bool ascii = false;
    int r = RS_OK;
    __builtin_prefetch(p + 4096); /* rows are ~100 bytes: 2 lines a row */
    __builtin_prefetch(p + 4096 + 64);
    bool fast = split_fast(p, w->e, f, &n, &next, &ascii, &bk);
    if (fast)
      nl = 1;
    else
      r = split(p, w->e, w->final || !w->last, f, &n, w->scratch, &next,
                &nl, &re);
    if (r == RS_EOF || r == RS_SHORT)
      break;
    if (r == RS_ERR && re.unterminated && w->at_cut) {
      w->misaligned = true; /* the record goes on past the cut */
      return;
    }
    if (r == RS_ERR) {
      wfail(w, TLY_EPARSE, line + re.dline, (int64_t)re.off + 1, 0, "%s",
            re.msg);
      return;
    }
    const char *rec = p;
    int64_t rec_line = line;
    p = next;
    line += nl;
    if (n == 1 && f[0].n == 0)
      continue; /* an empty line */
    if (n != L->width) {
      wfail(w, TLY_EPARSE, rec_line + f[n - 1].dline,
            (int64_t)f[n - 1].off + 1, 0,
            "%zu fields where the header has %zu", n, L->width);
      return;
    }
    size_t bad;
    if (!ascii &&
        !utf8_ok((const unsigned char *)rec, (size_t)(next - rec), &bad)) {
      wfail(w, TLY_EPARSE, rec_line, (int64_t)bad + 1, 0,
            "invalid UTF-8");
      return;
    }
    if (L->idx[C_OFFICE] >= 0 && !president(&f[L->idx[C_OFFICE]]))
      continue;
    if (L->idx[C_STAGE] >= 0 && f[L->idx[C_STAGE]].n > 0 &&
        !ieq(f[L->idx[C_STAGE]].p, f[L->idx[C_STAGE]].n, "GEN"))
      continue;
    int year = w->sh->year;
    if (L->idx[C_YEAR] >= 0) {
      const fld *y = &f[L->idx[C_YEAR]];
      int64_t yv;
      if (tly__scan_i64(y->p, y->n, 1789, 9999, &yv) != TLY_OK) {
        wfail(w, TLY_EPARSE, rec_line + y->dline, (int64_t)y->off + 1, 0,
              "year \"%.*s\" is not a year", SHOW(y));
        return;
      }
      year = (int)yv;
    }
    const char *sp = fast ? f[ulo].p : NULL;
    size_t spn = fast ? (size_t)(f[uhi].p + f[uhi].n - f[ulo].p) : 0;
    bool same = open && ps != NULL && sp != NULL && spn == psn &&
                same_bytes(sp, ps, spn);
    ps = sp;
    psn = spn;
    if (!same && (!open || !unit_same(L, f, prev))) {
      if (open) {
        if (!flush(w, (uint32_t)county))
          return;
        if (!start_add(w, unit_h, unit_line))
          return;
      }
      county = county_of(w, f, rec_line, year);
      if (county < 0)
        return;
      open = true;
      w->row_in_unit = 0;
      unit_at = rec;
      unit_line = rec_line;
      unit_h = unit_hash(L, f);
      key_copy(L, f, prev, w->keybuf);
    }
    const fld *cand = &f[L->idx[C_CAND]];
    const fld *vf = &f[L->idx[C_VOTES]];
    /* A count, or a negative adjustment (MEDSL Michigan 2016 has
     * "Statistical Adjustments" rows of -2 and -1): a county's sum may not
     * end negative (checked when the file is read). */
    int64_t v = 0;
    tly_status vs = TLY_OK;
    bool quick = vf->n > 0 && vf->n <= 18; /* digits alone: no overflow */
    for (size_t i = 0; quick && i < vf->n; i++) {
      unsigned dg = (unsigned)((unsigned char)vf->p[i] - '0');
      quick = dg <= 9;
      v = v * 10 + (int64_t)dg;
    }
    if (!quick && vf->n > 1 && vf->p[0] == '-') {
      vs = tly__scan_i64(vf->p + 1, vf->n - 1, 1, INT64_MAX, &v);
      v = -v;
    } else if (!quick) {
      vs = tly__scan_i64(vf->p, vf->n, 0, INT64_MAX, &v);
    }
    if (vs != TLY_OK) {
      wfail(w, vs == TLY_ERANGE ? TLY_ERANGE : TLY_EPARSE,
            rec_line + vf->dline, (int64_t)vf->off + 1, 0,
            vf->n == 0 ? "empty vote count%.*s"
                       : "vote count \"%.*s\" is not a count",
            SHOW(vf));
      return;
    }
    /* The candidate line: candidate, party, writein, party_simplified. */
    int64_t lid = -1;
    size_t k_row = w->row_in_unit++;
    const char *lp = fast ? f[llo].p : NULL;
    size_t lpn = fast ? (size_t)(f[lhi].p + f[lhi].n - f[llo].p) : 0;
    const pred_row *pr = k_row < w->n_pred ? &w->pred[k_row] : NULL;
    if (pr != NULL && lp != NULL && pr->p != NULL && pr->gen == w->gen &&
        pr->n == lpn && same_bytes(pr->p, lp, lpn)) {
      lid = pr->id; /* the same text as this row in the unit before */
    } else if (pr != NULL && line_is(&w->lines_t, pr->id, f, L)) {
      lid = pr->id; /* the line of this row in the unit before */
      w->pred[k_row] = (pred_row){pr->id, w->gen, lp, lpn};
    } else {
      char key[4 * 64 + 8];
      size_t kn = 0;
      for (size_t k = 0; k < 4; k++) {
        int ix = L->idx[LINE_COLS[k]];
        size_t sn = ix >= 0 ? f[ix].n : 0;
        sn = sn > 63 ? 63 : sn;
        if (sn > 0)
          memcpy(key + kn, f[ix].p, sn);
        kn += sn;
        key[kn++] = 0;
      }
      lid = intern_get(&w->lines_t, hash8(H0, key, kn), key, kn, NULL);
      if (lid >= 0 && !pred_set(w, k_row, lid, lp, lpn))
        lid = -1;
    }
    if (lid < 0) {
      wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
      return;
    }
    bool total = !has_mode || is_total(&f[L->idx[C_MODE]]);
    uentry *x = NULL;
    for (size_t i = 0; i < w->n_u && x == NULL; i++)
      if (w->u[i].line == (uint32_t)lid)
        x = &w->u[i];
    if (x != NULL && !has_mode) {
      wfail(w, TLY_EPARSE, rec_line + cand->dline, (int64_t)cand->off + 1,
            x->tline, "duplicate row for \"%.*s\" in the same %s",
            SHOW(cand), L->precinct ? "precinct" : "county");
      return;
    }
    if (x == NULL) {
      uentry *nu = grown(w->a, w->u, w->n_u, &w->u_cap, sizeof *nu, 64);
      if (nu == NULL) {
        wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
        return;
      }
      w->u = nu;
      x = &w->u[w->n_u++];
      *x = (uentry){.line = (uint32_t)lid, .tline = rec_line,
                    .tcol = (int64_t)vf->off + 1};
    }
    int64_t *sum = total ? &x->total : &x->modes;
    if (!tly__add_i64(*sum, v, sum)) {
      wfail(w, TLY_EOVERFLOW, rec_line + vf->dline, (int64_t)vf->off + 1, 0,
            "a unit's votes overflow a 64-bit count");
      return;
    }
    if (total) {
      if (x->n_total == 0) {
        x->tline = rec_line + vf->dline;
        x->tcol = (int64_t)vf->off + 1;
      }
      x->n_total++;
    } else {
      x->n_modes++;
    }
  }
  if (w->status != TLY_OK)
    return;
  if (open && w->last && !w->final) {
    /* The last unit may go on in the next round: parse it again there. */
    w->stop = unit_at;
    w->stop_line = unit_line;
    w->lines = unit_line - 1;
    w->n_u = 0;
    (void)drain(w);
    return;
  }
  w->stop = p;
  w->stop_line = line;
  w->lines = line - 1;
  if (open) {
    if (!flush(w, (uint32_t)county))
      return;
    if (!start_add(w, unit_h, unit_line))
      return;
  }
  (void)drain(w);
}

static void *work_thread(void *ud)
{
  work(ud);
  return NULL;
}


/* Frees what a worker needs only while it reads (not its lines, counties
 * and sums, which are merged after). */
static void worker_drop_reading(worker *w)
{
  tly__free(w->a, w->u, w->u_cap * sizeof *w->u);
  tly__free(w->a, w->pred, w->pred_cap * sizeof *w->pred);
  tly__free(w->a, w->cur, w->cur_cap * sizeof *w->cur);
  tly__free(w->a, w->touched, w->touched_cap * sizeof *w->touched);
  w->u = NULL;
  w->pred = NULL;
  w->cur = NULL;
  w->touched = NULL;
  w->u_cap = w->pred_cap = w->cur_cap = w->touched_cap = 0;
  w->n_u = w->n_pred = w->n_touched = 0;
}

static void worker_free(worker *w)
{
  if (w->a == NULL)
    return; /* never set up */
  intern_free(&w->lines_t);
  intern_free(&w->counties);
  tly__free(w->a, w->sums.e, w->sums.cap * sizeof *w->sums.e);
  tly__free(w->a, w->starts, w->starts_cap * sizeof *w->starts);
  worker_drop_reading(w);
  tly__free(w->a, w->scratch, SCRATCH_BYTES);
  tly__free(w->a, w->text_raw, text_raw_size(w->text_cap));
}

/*---- the whole file ----*/

/* The runs of units read (a unit's hash, the line of its first row, the
 * kinds of its rows). A unit whose rows come in several runs (MEDSL's
 * county file lists its statewide rows, CT's write-ins and the like, among
 * other states' counties) is summed run by run, which is its mode rule
 * only when all its runs are of one kind: TOTAL rows only or mode rows
 * only. Each part's runs (or a stream's) are sorted by hash, then checked
 * together (runs_check: a hash table costs a cache miss a unit). */
typedef struct {
  urun *u;
  size_t n, cap;
} useen;

static void useen_free(const tly_allocator *a, useen *s)
{
  tly__free(a, s->u, s->cap * sizeof *s->u);
}

/* Appends a run of unit h (first row at line, its kinds); false on out
 * of memory. */
static bool useen_add(const tly_allocator *a, useen *s, uint64_t h,
                      int64_t line, unsigned kinds)
{
  urun *nu = grown(a, s->u, s->n, &s->cap, sizeof *nu, 4096);
  if (nu == NULL)
    return false;
  s->u = nu;
  s->u[s->n++] = (urun){h, line << 2 | (int64_t)(kinds & 3)};
  return true;
}

/* Sorts u[0..n) by hash, stably (file order among equal hashes): a
 * counting sort on the hash's top bits (about one run a bucket), then
 * insertion within the buckets. False on out of memory. */
static bool runs_sort(const tly_allocator *a, urun *u, size_t n)
{
  if (n < 2)
    return true;
  int bits = 8;
  while (bits < 20 && ((size_t)1 << bits) < n)
    bits++;
  size_t nb = (size_t)1 << bits;
  urun *t = tly__malloc(a, n * sizeof *t);
  uint32_t *count = tly__calloc(a, nb + 1, sizeof *count);
  if (t == NULL || count == NULL) {
    tly__free(a, t, n * sizeof *t);
    tly__free(a, count, (nb + 1) * sizeof *count);
    return false;
  }
  for (size_t i = 0; i < n; i++)
    count[(u[i].h >> (64 - bits)) + 1]++;
  for (size_t b = 0; b < nb; b++)
    count[b + 1] += count[b];
  for (size_t i = 0; i < n; i++)
    t[count[u[i].h >> (64 - bits)]++] = u[i];
  for (size_t i = 1; i < n; i++) {
    urun x = t[i];
    size_t j = i;
    for (; j > 0 && t[j - 1].h > x.h; j--)
      t[j] = t[j - 1];
    t[j] = x;
  }
  memcpy(u, t, n * sizeof *u);
  tly__free(a, t, n * sizeof *t);
  tly__free(a, count, (nb + 1) * sizeof *count);
  return true;
}

/* Runs sorted by hash, whose lines are counted from the line base. */
typedef struct {
  const urun *u;
  size_t n;
  int64_t base;
} runs_src;

/* Sources of runs in file order, each sorted by hash (runs_sort): the
 * first run (in file order) that may not be summed apart from an earlier
 * run of its unit, reported as FILE:LINE:1 (TLY_EPARSE): in a file
 * without modes any later run; with modes, the run after which the unit
 * has both TOTAL and mode rows. TLY_OK when there is none. */
static tly_status runs_check(const runs_src *src, size_t k, bool modes,
                             const char *name, tly_error *err)
{
  /* A binary heap of the sources by (hash at their head, source): the
   * runs come out by hash, and in file order among equal hashes. */
  size_t pos[MAX_PARTS] = {0};
  size_t heap[MAX_PARTS];
  size_t hn = 0;
  uint64_t key[MAX_PARTS]; /* the hash at each source's head */
  for (size_t j = 0; j < k; j++)
    if (src[j].n > 0) {
      key[j] = src[j].u[0].h;
      size_t c = hn++;
      for (; c > 0; c = (c - 1) / 2) { /* sift up */
        size_t p = heap[(c - 1) / 2];
        if (key[p] < key[j] || (key[p] == key[j] && p < j))
          break;
        heap[c] = p;
      }
      heap[c] = j;
    }
  int64_t at = INT64_MAX, first = 0, kinds = 0, l0 = 0;
  bool have = false, done = false;
  uint64_t gh = 0;
  while (hn > 0) {
    size_t j = heap[0];
    const urun *r = &src[j].u[pos[j]];
    int64_t line = src[j].base + (r->lk >> 2) - 1;
    if (!have || r->h != gh) {
      have = true;
      gh = r->h;
      kinds = r->lk & 3;
      l0 = line;
      done = false;
    } else {
      kinds |= r->lk & 3;
      if (!done && (!modes || kinds == 3)) {
        if (line < at) {
          at = line;
          first = l0;
        }
        done = true;
      }
    }
    if (++pos[j] < src[j].n)
      key[j] = src[j].u[pos[j]].h;
    else
      j = heap[--hn];
    /* sift j down from the root */
    size_t c = 0;
    for (;;) {
      size_t l = 2 * c + 1;
      if (l >= hn)
        break;
      size_t m = heap[l];
      if (l + 1 < hn) {
        size_t o = heap[l + 1];
        if (key[o] < key[m] || (key[o] == key[m] && o < m))
          m = o;
      }
      if (key[j] < key[m] || (key[j] == key[m] && j < m))
        break;
      heap[c] = m;
      c = l + (heap[l] != m);
    }
    if (hn > 0)
      heap[c] = j;
  }
  if (at == INT64_MAX)
    return TLY_OK;
  if (!modes)
    return tly__fail_at(err, TLY_EPARSE, name, at, 1,
                        "this unit's rows are not together (it appeared "
                        "before at line %lld): in a file without modes "
                        "a duplicate row could hide",
                        (long long)first);
  return tly__fail_at(err, TLY_EPARSE, name, at, 1,
                      "this unit's rows are not together (it appeared "
                      "before at line %lld) and mix TOTAL and mode "
                      "rows: the mode rule needs them together",
                      (long long)first);
}

/* A stream's runs (in file order, lines counted from 1): sorted, then
 * checked. */
static tly_status useen_check(const tly_allocator *a, useen *s, bool modes,
                              const char *name, tly_error *err)
{
  if (!runs_sort(a, s->u, s->n))
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  runs_src src = {s->u, s->n, 1};
  return runs_check(&src, 1, modes, name, err);
}

/*---- a plain file in parts ----*/

/* A part of a plain file: its bytes, and what its worker found. */
typedef struct fpart {
  int64_t x;        /* where its share starts (its cut is near) */
  int64_t lo, hi;   /* its bytes [lo, hi) */
  bool to_end;      /* hi is the file's end (not a guessed cut) */
  bool read;        /* a worker read it (to its end or to an error) */
  tly_status status;
  int64_t err_line, err_col, err_ref; /* from the part's first line */
  char err_msg[200];
  bool misaligned;  /* it ended inside a quoted field (a wrong cut) */
  bool left;        /* its text did not end at a record's end */
  int64_t lines;    /* its lines */
  int64_t stop_line; /* where its text ended */
  urun *runs;       /* its units' runs, sorted by hash; lines from 1 */
  size_t n_runs, runs_cap;
  uint64_t first_h, last_h; /* of its first and last unit (n_runs > 0) */
} fpart;

/* Part P of the plain file, read into w's buffer a window at a time and
 * parsed by work(); lines counted from the part's first. A unit longer
 * than the buffer doubles it. */
static void part_read(worker *w, fpart *P)
{
  shared *sh = w->sh;
  int64_t pos = P->lo;
  size_t carry = 0;
  int64_t lbase = 1;
  w->n_starts = 0;
  w->status = TLY_OK;
  w->misaligned = false;
  for (;;) {
    size_t want = w->text_cap - carry;
    if ((int64_t)want > P->hi - pos)
      want = (size_t)(P->hi - pos);
    size_t got = 0; /* fewer than want: the file shrank, its end is here */
    tly_error e = {0};
    if (file_read_at(sh->fd, w->text + carry, want, pos, &got, sh->name,
                     &e) != TLY_OK) {
      wfail(w, TLY_EIO, 0, 0, 0, "%s", e.msg);
      return;
    }
    pos += (int64_t)got;
    bool final = pos >= P->hi || got < want;
    w->b = w->text;
    w->e = w->text + carry + got;
    w->last = true;
    w->final = final;
    w->at_cut = final && !P->to_end;
    size_t s0 = w->n_starts;
    work(w);
    for (size_t k = s0; k < w->n_starts; k++)
      w->starts[k].lk += (lbase - 1) << 2;
    if (w->status != TLY_OK || w->misaligned) {
      if (w->err_line > 0)
        w->err_line += lbase - 1;
      if (w->err_ref > 0)
        w->err_ref += lbase - 1;
      return;
    }
    size_t used = (size_t)(w->stop - w->text);
    int64_t total = atomic_fetch_add(&sh->done, (int64_t)used) +
                    (int64_t)used;
    if (w->reports && sh->progress != NULL)
      sh->progress(sh->progress_ud, total, sh->size);
    if (final) {
      P->lines = lbase - 1 + w->lines;
      P->stop_line = lbase - 1 + w->stop_line;
      P->left = w->stop < w->e;
      return;
    }
    lbase += w->lines;
    carry = carry + got - used;
    if (used == 0 && carry == w->text_cap) {
      /* One unit fills the buffer. */
      if (w->text_cap >= MAX_BLOCK) {
        wfail(w, TLY_ERANGE, lbase, 1, 0, "one unit's rows exceed %zu MiB",
              MAX_BLOCK >> 20);
        return;
      }
      /* A buffer of its own, twice as long (a lent one, text_raw NULL,
       * stays its reader's). */
      if (!text_grow(w->a, &w->text, &w->text_raw, &w->text_cap, carry)) {
        wfail(w, TLY_ENOMEM, 0, 0, 0, "out of memory");
        return;
      }
      continue;
    }
    memmove(w->text, w->stop, carry);
  }
}

/* Reads part P (part_read) and keeps in it what the worker found: its
 * status, and its runs sorted by hash. */
static void part_work(worker *w, fpart *P)
{
  part_read(w, P);
  P->read = true;
  P->status = w->status;
  P->err_line = w->err_line;
  P->err_col = w->err_col;
  P->err_ref = w->err_ref;
  memcpy(P->err_msg, w->err_msg, sizeof P->err_msg);
  P->misaligned = w->misaligned;
  if (w->n_starts > 0) {
    P->first_h = w->starts[0].h;
    P->last_h = w->starts[w->n_starts - 1].h;
    /* the runs go to the part (sorted there) */
    P->runs = w->starts;
    P->n_runs = w->n_starts;
    P->runs_cap = w->starts_cap;
    w->starts = NULL;
    w->n_starts = w->starts_cap = 0;
    if (!runs_sort(w->a, P->runs, P->n_runs))
      P->status = TLY_ENOMEM;
  }
}

/* A reader: a thread that reads parts, each into a worker of its own
 * (sh->pw), lending it the reader's buffers. The parts are taken in turn
 * as readers finish the ones before (their costs differ: rows, quotes,
 * units), and all are read, whatever fails: a part's allocations then do
 * not depend on which reader read it, nor on timing (the fuzz harness and
 * the out-of-memory tests fail each allocation in turn). */
typedef struct {
  shared *sh;
  bool reports; /* the calling thread's: reports the progress */
  char *text, *text_raw;
  size_t text_cap;
  char *scratch, *keybuf;
} reader;

static tly_status part_cut(shared *sh, int64_t x, reader *r, int64_t *cut,
                           tly_error *err);

/* Where part i starts and ends: cut near its share's start and the next
 * one's (the reader of part i + 1 finds the same cut); false, with the
 * part's status, when that failed. */
static bool part_bounds(reader *r, int i, fpart *P)
{
  shared *sh = r->sh;
  tly_error e = {0};
  tly_status s = TLY_OK;
  P->lo = P->x;
  P->hi = sh->size;
  if (i > 0)
    s = part_cut(sh, P->x, r, &P->lo, &e);
  if (s == TLY_OK && i + 1 < sh->n_parts)
    s = part_cut(sh, sh->parts[i + 1].x, r, &P->hi, &e);
  P->hi = P->hi < P->lo ? P->lo : P->hi;
  P->to_end = P->hi == sh->size;
  if (s != TLY_OK) {
    P->read = true;
    P->status = s;
    P->err_line = 0;
    snprintf(P->err_msg, sizeof P->err_msg, "%.199s", e.msg);
  }
  return s == TLY_OK;
}

static void parts_read(reader *r)
{
  shared *sh = r->sh;
  for (;;) {
    int i = atomic_fetch_add(&sh->next_part, 1);
    if (i >= sh->n_parts)
      return;
    if (!part_bounds(r, i, &sh->parts[i]))
      continue;
    worker *w = &sh->pw[i];
    w->text = r->text;
    w->text_raw = NULL;
    w->text_cap = r->text_cap;
    w->scratch = r->scratch;
    w->reports = r->reports;
    part_work(w, &sh->parts[i]);
    /* (freed now, for the next part's allocations to reuse) */
    worker_drop_reading(w);
    tly__free(w->a, w->text_raw, text_raw_size(w->text_cap));
    w->text = w->text_raw = NULL;
    w->text_cap = 0;
    w->scratch = NULL;
  }
}

static void *parts_thread(void *ud)
{
  parts_read(ud);
  return NULL;
}

/* A file's aggregate: candidate lines and counties (with their year),
 * and the votes of each (county, line) pair. */
typedef struct {
  const tly_allocator *a;
  intern lines;    /* cand\0party\0writein\0simple, ASCII case folded */
  intern counties; /* year\0code\0name */
  agg sums;
  int years[64];
  size_t n_years;
  bool precinct; /* a precinct layout (else MEDSL's county file) */
} pdata;

static void pdata_free(pdata *d)
{
  intern_free(&d->lines);
  intern_free(&d->counties);
  tly__free(d->a, d->sums.e, d->sums.cap * sizeof *d->sums.e);
}

/* The start of the first record at or after x (x inside [b, e)), counting
 * quotes from b (a record start) so a newline inside quotes is not taken
 * for one; e when there is none. */
static const char *record_after(const char *b, const char *e, const char *x)
{
  size_t q = 0;
  for (const char *p = b; p < x;) {
    const char *r = memchr(p, '"', (size_t)(x - p));
    if (r == NULL)
      break;
    q++;
    p = r + 1;
  }
  for (const char *p = x; p < e; p++) {
    if (*p == '"')
      q++;
    else if ((*p == '\n' || *p == '\r') && q % 2 == 0) {
      if (*p == '\r' && p + 1 < e && p[1] == '\n')
        p++;
      return p + 1;
    }
  }
  return e;
}

/* From the record start s, the start of the first record of the next unit
 * (rows the filters drop are skipped); e when none is found before e. */
static const char *unit_after(const shared *sh, const char *s, const char *e,
                              char *scratch, char *keybuf)
{
  const layout *L = sh->L;
  fld f[MAX_FIELDS], key[MAX_FIELDS];
  bool have = false;
  const char *p = s;
  for (;;) {
    size_t n;
    const char *next;
    int64_t nl;
    rerr re;
    int r = split(p, e, false, f, &n, scratch, &next, &nl, &re);
    if (r == RS_ERR || (r == RS_OK && n != L->width))
      return p; /* a bad record: the worker from here reports it */
    if (r != RS_OK)
      return e;
    bool keep = !(L->idx[C_OFFICE] >= 0 && !president(&f[L->idx[C_OFFICE]]));
    if (keep && L->idx[C_STAGE] >= 0 && f[L->idx[C_STAGE]].n > 0 &&
        !ieq(f[L->idx[C_STAGE]].p, f[L->idx[C_STAGE]].n, "GEN"))
      keep = false;
    if (keep) {
      if (!have) {
        key_copy(L, f, key, keybuf);
        have = true;
      } else if (!unit_same(L, f, key)) {
        return p;
      }
    }
    p = next;
  }
}

static void county_parts(const pdata *d, uint32_t id, int *year,
                         const char **code, const char **po,
                         const char **cname);
static void line_parts(const pdata *d, uint32_t id, const char *part[4]);

/* The header at text[0..len) (after a UTF-8 byte order mark): the
 * layout L and what follows from it in sh; *start where the records begin,
 * *lines the header's lines. *more (and TLY_OK) when the header may go on
 * past len (eof false); else an error at FILE:1:COL. */
static tly_status header_read(const char *text, size_t len, bool eof,
                              const tly_load_opts *opts, const char *name,
                              char *scratch, layout *L, shared *sh,
                              size_t *start, int64_t *lines, bool *more,
                              tly_error *err)
{
  fld f[MAX_FIELDS];
  size_t n = 0;
  const char *next;
  int64_t nl;
  rerr re = {0};
  *more = false;
  size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  int r = split(text + bom, text + len, eof, f, &n, scratch, &next, &nl,
                &re);
  if (r == RS_SHORT) {
    *more = true;
    return TLY_OK;
  }
  if (r != RS_OK)
    return tly__fail_at(err, TLY_EPARSE, name, 1 + re.dline,
                        (int64_t)re.off + 1, "%s",
                        r == RS_ERR ? re.msg : "empty file");
  if (!find_layout(f, n, L))
    return tly__fail_at(err, TLY_EPARSE, name, 1, 1,
                        "not a MEDSL county or precinct file (no state_po "
                        "and county_fips columns)");
  static const int need[] = {C_CAND, C_VOTES};
  for (size_t k = 0; k < 2; k++)
    if (L->idx[need[k]] < 0)
      return tly__fail_at(err, TLY_EPARSE, name, 1, 1,
                          "missing column \"%s\"", COL_NAMES[need[k]][0]);
  sh->has_year = L->idx[C_YEAR] >= 0;
  sh->year = opts != NULL ? opts->year : 0;
  if (!sh->has_year && sh->year == 0)
    return tly__fail_at(err, TLY_EINVAL, name, 1, 1,
                        "the file has no year column: give the election's "
                        "year (--year)");
  *start = (size_t)(next - text);
  *lines = nl;
  return TLY_OK;
}

/* A worker of sh, allocating with a (its scratch is a stream's worker's
 * own: worker_init; a part's worker borrows its reader's). */
static void worker_bind(worker *w, shared *sh, const tly_allocator *a)
{
  w->sh = sh;
  w->a = a;
  w->lines_t.a = w->counties.a = a;
}

static bool worker_init(worker *w, shared *sh, const tly_allocator *a)
{
  worker_bind(w, sh, a);
  w->scratch = tly__malloc(a, SCRATCH_BYTES);
  return w->scratch != NULL;
}

/* A worker's error (status st, at line and col, referring to line ref
 * when above 0; lines counted from base) as the file's. */
static tly_status text_error(tly_status st, int64_t line, int64_t col,
                             int64_t ref, const char *msg, int64_t base,
                             const char *name, tly_error *err)
{
  if (line == 0)
    return tly__fail_at(err, st, name, 0, 0, "%s", msg);
  if (ref > 0)
    return tly__fail_at(err, st, name, base + line - 1, col,
                        "%s (first at line %lld)", msg,
                        (long long)(base + ref - 1));
  return tly__fail_at(err, st, name, base + line - 1, col, "%s", msg);
}

/* Where a part of the plain file starts, near x: the first unit after the
 * first line start at or after x, guessing that the newline there is not
 * inside a quoted field (the parts' results tell: read_parts); the file's
 * end when there is none. Read a window at a time, into the reader's
 * buffer while the window fits in it. */
static tly_status part_cut(shared *sh, int64_t x, reader *r, int64_t *cut,
                           tly_error *err)
{
  const char *name = sh->name;
  for (size_t wn = 1 << 16;; wn *= 2) {
    int64_t room = sh->size - x;
    size_t want = (int64_t)wn < room ? wn : (size_t)room;
    char *win = want <= r->text_cap ? r->text : tly__malloc(sh->a, want);
    if (win == NULL)
      return tly__fail(err, TLY_ENOMEM, "out of memory");
    size_t got = 0;
    tly_status s = file_read_at(sh->fd, win, want, x, &got, name, err);
    const char *e = win + got;
    const char *nlp = s == TLY_OK ? memchr(win, '\n', got) : NULL;
    const char *u = nlp != NULL && nlp + 1 < e
                        ? unit_after(sh, nlp + 1, e, r->scratch, r->keybuf)
                        : e;
    int64_t at = x + (int64_t)(u - win);
    if (win != r->text)
      tly__free(sh->a, win, want);
    if (s != TLY_OK)
      return s;
    if (u < e) {
      *cut = at;
      return TLY_OK;
    }
    if (got < wn || wn >= MAX_BLOCK) {
      *cut = sh->size; /* the rest is one unit: the part before reads it */
      return TLY_OK;
    }
  }
}

/* Merges n workers' aggregates into d (d->a its allocator) by name:
 * their lines and counties first, renumbered in byte order of their names
 * (what follows, ties, the order of rows and messages, is then the same
 * whatever the threads and parts that read the file), then their sums. */
static tly_status merge_workers(pdata *d, const worker *mw, int mn,
                                const char *name, tly_error *err)
{
  tly_status s = TLY_OK;
  const tly_allocator *a = d->a;
  d->lines.a = d->counties.a = d->sums.a = a;
  d->lines.fold = true;
  uint32_t **lmap = tly__calloc(a, (size_t)mn, sizeof *lmap);
  uint32_t **cmap = tly__calloc(a, (size_t)mn, sizeof *cmap);
  uint32_t *lcan = NULL, *ccan = NULL;
  size_t n_sums = 0;
  if (lmap == NULL || cmap == NULL)
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  for (int i = 0; i < mn && s == TLY_OK; i++) {
    const worker *w = &mw[i];
    size_t nl = w->lines_t.n, nc = w->counties.n;
    n_sums += w->sums.n;
    lmap[i] = tly__calloc(a, nl ? nl : 1, sizeof *lmap[i]);
    cmap[i] = tly__calloc(a, nc ? nc : 1, sizeof *cmap[i]);
    if (lmap[i] == NULL || cmap[i] == NULL)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
    for (size_t k = 0; k < nl && s == TLY_OK; k++) {
      size_t n;
      const char *str = intern_str(&w->lines_t, (uint32_t)k, &n);
      /* fold on candidate, party and writein; party_simplified follows */
      size_t kn = 0;
      for (int part = 0; part < 3; part++)
        kn += strlen(str + kn) + 1;
      int64_t id = intern_get(&d->lines, hash(H0, str, kn, true), str, n,
                              NULL);
      if (id < 0)
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
      else
        lmap[i][k] = (uint32_t)id;
    }
    for (size_t k = 0; k < nc && s == TLY_OK; k++) {
      size_t n;
      const char *str = intern_str(&w->counties, (uint32_t)k, &n);
      bool added;
      int64_t id = intern_get(&d->counties, hash(H0, str, n, false), str, n,
                              &added);
      if (id < 0)
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
      else
        cmap[i][k] = (uint32_t)id;
      int64_t y = 0;
      if (s == TLY_OK && added &&
          tly__scan_i64(str, strlen(str), 0, 9999, &y) == TLY_OK) {
        bool have = false;
        for (size_t j = 0; j < d->n_years; j++)
          have = have || d->years[j] == (int)y;
        if (!have && d->n_years < 64)
          d->years[d->n_years++] = (int)y;
      }
    }
  }
  size_t dl = d->lines.n ? d->lines.n : 1, dc = d->counties.n ? d->counties.n
                                                              : 1;
  if (s == TLY_OK) {
    lcan = tly__calloc(a, dl, sizeof *lcan);
    ccan = tly__calloc(a, dc, sizeof *ccan);
    if (lcan == NULL || ccan == NULL || !intern_sort(&d->lines, lcan) ||
        !intern_sort(&d->counties, ccan) || !agg_reserve(&d->sums, n_sums))
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  for (int i = 0; i < mn && s == TLY_OK; i++) {
    const worker *w = &mw[i];
    for (size_t k = 0; k < w->sums.n && s == TLY_OK; k++) {
      const agg_entry *x = &w->sums.e[k];
      uint64_t key = x->key - 1;
      bool ovf = false;
      if (!agg_add(&d->sums, ccan[cmap[i][key >> 32]],
                   lcan[lmap[i][key & 0xffffffffu]], x->votes, &ovf))
        s = ovf ? tly__fail_at(err, TLY_EOVERFLOW, name, 0, 0,
                               "a county's votes overflow a 64-bit count")
                : tly__fail(err, TLY_ENOMEM, "out of memory");
    }
  }
  for (int i = 0; i < mn && lmap != NULL && cmap != NULL; i++) {
    size_t nl = mw[i].lines_t.n, nc = mw[i].counties.n;
    tly__free(a, lmap[i], (nl ? nl : 1) * sizeof *lmap[i]);
    tly__free(a, cmap[i], (nc ? nc : 1) * sizeof *cmap[i]);
  }
  tly__free(a, lmap, (size_t)mn * sizeof *lmap);
  tly__free(a, cmap, (size_t)mn * sizeof *cmap);
  tly__free(a, lcan, dl * sizeof *lcan);
  tly__free(a, ccan, dc * sizeof *ccan);
  return s;
}

/* runs_check on a thread. */
typedef struct {
  const runs_src *src;
  size_t k;
  bool modes;
  const char *name;
  tly_status s;
  tly_error err;
} check_job;

static void *check_thread(void *ud)
{
  check_job *j = ud;
  j->s = runs_check(j->src, j->k, j->modes, j->name, &j->err);
  return NULL;
}

/* Reads the plain file sh->fd (sh->size bytes; its records from start on,
 * which is line base) in parts, cut where a unit starts near equal shares
 * (PART_SIZE, or 4 blocks: tests cut small files into many), which nt
 * readers read in turn (parts_read), each part into a worker of its own:
 * *pw (*np of them, set up here; the caller merges and frees them). The
 * cuts are guessed (part_cut): when one fell inside a quoted field, or
 * inside a unit, *retry is set and nothing is kept (the caller reads the
 * file again with exact cuts). The units' runs are checked here
 * (runs_check). */
static tly_status read_parts(shared *sh, pdata *d, int nt, int64_t start,
                             int64_t base, size_t block, bool modes,
                             worker **pw, int *np_out, bool *retry,
                             tly_error *err)
{
  const tly_allocator *a = sh->a;
  const char *name = sh->name;
  int64_t body = sh->size - start;
  int64_t target = block == 0 ? PART_SIZE : (int64_t)block * 4;
  int64_t want = body / target;
  int np = want < nt ? nt : want > MAX_PARTS ? MAX_PARTS : (int)want;
  reader rd[MAX_THREADS];
  memset(rd, 0, sizeof rd);
  fpart *parts = tly__calloc(a, (size_t)np, sizeof *parts);
  *pw = tly__calloc(a, (size_t)np, sizeof **pw);
  *np_out = *pw != NULL ? np : 0;
  if (parts == NULL || *pw == NULL) {
    tly__free(a, parts, (size_t)np * sizeof *parts);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  for (int i = 0; i < np; i++)
    worker_bind(&(*pw)[i], sh, a);
  tly_status s = TLY_OK;
  for (int i = 0; i < np; i++)
    parts[i].x = start + body / np * i;
  /* The readers' buffers, all made here before any part is read. */
  for (int i = 0; i < nt && s == TLY_OK; i++) {
    rd[i].sh = sh;
    rd[i].reports = i == 0;
    rd[i].text_cap = block == 0 ? PART_BUF : block;
    rd[i].text = text_alloc(a, rd[i].text_cap, &rd[i].text_raw);
    rd[i].scratch =
        tly__malloc(a, SCRATCH_BYTES);
    rd[i].keybuf = tly__malloc(a, KEYBUF_BYTES);
    if (rd[i].text == NULL || rd[i].scratch == NULL || rd[i].keybuf == NULL)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  if (s != TLY_OK)
    goto out;
  sh->parts = parts;
  sh->pw = *pw;
  sh->n_parts = np;
  atomic_store(&sh->next_part, 0);
  atomic_store(&sh->done, start);
  tly__thread th[MAX_THREADS];
  bool started[MAX_THREADS] = {false};
  for (int i = 1; i < nt; i++) {
    if (tly__thread_start(&th[i], parts_thread, &rd[i]) == 0)
      started[i] = true;
    else
      parts_read(&rd[i]); /* no thread: do it here */
  }
  parts_read(&rd[0]);
  for (int i = 1; i < nt; i++)
    if (started[i])
      tly__thread_join(th[i]);
  sh->parts = NULL;
  sh->pw = NULL;
  if (sh->progress != NULL) /* the other workers may have read the last */
    sh->progress(sh->progress_ud, atomic_load(&sh->done), sh->size);
  /* Out of memory in any part outranks a parse error found in another
   * (see read_file). */
  for (int i = 0; i < np; i++)
    if (parts[i].read && parts[i].status == TLY_ENOMEM) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto out;
    }
  /* A guessed cut inside a quoted field leaves the part before it ending
   * inside one; a cut inside a unit makes the next part start with the
   * unit the part before ended with. */
  bool have = false;
  uint64_t last_h = 0;
  for (int i = 0; i < np; i++) {
    const fpart *P = &parts[i];
    if (!P->read || P->status != TLY_OK)
      break; /* its error comes first in the file */
    if (P->misaligned || (have && P->n_runs > 0 && P->first_h == last_h)) {
      *retry = true;
      goto out;
    }
    if (P->n_runs > 0) {
      last_h = P->last_h;
      have = true;
    }
  }
  /* The parts in file order: the first error is told, but runs read
   * before it that may not be summed apart come first. */
  runs_src src[MAX_PARTS];
  int64_t pbase = base;
  for (int i = 0; i < np; i++) {
    const fpart *P = &parts[i];
    src[i] = (runs_src){P->runs, P->n_runs, pbase};
    if (P->status != TLY_OK || (P->to_end && P->left)) {
      s = runs_check(src, (size_t)i + 1, modes, name, err);
      if (s == TLY_OK && P->status != TLY_OK)
        s = text_error(P->status, P->err_line, P->err_col, P->err_ref,
                       P->err_msg, pbase, name, err);
      else if (s == TLY_OK)
        s = tly__fail_at(err, TLY_EPARSE, name, pbase + P->stop_line - 1, 1,
                         "unterminated record at the end of the file");
      goto out;
    }
    pbase += P->lines;
  }
  /* All read: the runs are checked (on a thread) while the parts' sums
   * are merged into d; an error in the runs is told first, but for the
   * merge running out of memory. */
  check_job cj = {src, (size_t)np, modes, name, TLY_OK, {0}};
  tly__thread ct;
  bool cstarted = tly__thread_start(&ct, check_thread, &cj) == 0;
  if (!cstarted)
    check_thread(&cj);
  tly_error merr = {0};
  tly_status ms = merge_workers(d, *pw, np, name, &merr);
  if (cstarted)
    tly__thread_join(ct);
  /* (running out of memory in the merge outranks: see read_file) */
  bool check_first = cj.s != TLY_OK && ms != TLY_ENOMEM;
  s = check_first ? cj.s : ms;
  if (s != TLY_OK && err != NULL)
    *err = check_first ? cj.err : merr;
out:
  for (int i = 0; i < np; i++)
    tly__free(a, parts[i].runs, parts[i].runs_cap * sizeof *parts[i].runs);
  tly__free(a, parts, (size_t)np * sizeof *parts);
  for (int i = 0; i < nt; i++) {
    tly__free(a, rd[i].text_raw, text_raw_size(rd[i].text_cap));
    tly__free(a, rd[i].scratch, SCRATCH_BYTES);
    tly__free(a, rd[i].keybuf, KEYBUF_BYTES);
  }
  return s;
}

/* Reads the file into d. */
static tly_status read_file(const char *path, const tly__stdin_head *head,
                            const tly_load_opts *opts, size_t block,
                            const tly_allocator *a, pdata *d, tly_error *err)
{
  const char *name = tly__file_name(path);
  int nt = opts != NULL && opts->threads > 0 ? opts->threads : 2;
  nt = nt > MAX_THREADS ? MAX_THREADS : nt;
  county_list cl = {0};
  input in;
  memset(&in, 0, sizeof in);
  in.fd = -1;
  worker *ws = NULL;
  worker *pw = NULL; /* a plain file's parts' workers (read_parts) */
  int np = 0;
  char *buf = NULL, *buf_raw = NULL;
  size_t cap = block == 0 ? BLOCK : block < (1 << 16) ? 1 << 16 : block;
  size_t len = 0;
  useen seen = {0};
  bool checked = false;     /* seen was checked */
  bool have_layout = false; /* L was found */
  char *scratch = NULL;
  char *keybuf = NULL;
  layout L;
  shared sh = {.a = a, .L = &L, .cl = &cl, .fd = -1};
  if (opts != NULL) {
    sh.progress = opts->progress;
    sh.progress_ud = opts->progress_ud;
  }
  d->a = a;
  tly_status s = counties_load(a, &cl, err);
  if (s == TLY_OK)
    s = input_open(&in, path, name, head, err);
  if (s != TLY_OK)
    goto done;
  ws = tly__calloc(a, (size_t)nt, sizeof *ws);
  scratch = tly__malloc(a, SCRATCH_BYTES);
  keybuf = tly__malloc(a, KEYBUF_BYTES);
  if (ws == NULL || scratch == NULL || keybuf == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  /* A regular file of plain text is read in parts, by all the workers at
   * once (read_parts); gzip, standard input, and a file whose guessed cuts
   * were wrong, in rounds (below). */
  size_t hstart = 0;
  int64_t hlines = 0;
  bool plain = in.size > 0 && in.head == NULL && in.fd >= 0, more = true;
  for (size_t hn = 1 << 16; plain && more; hn *= 4) {
    /* The header: from 64 KiB of the file, more when it is longer. */
    hn = (int64_t)hn < in.size ? hn : (size_t)in.size;
    char *h = tly__malloc(a, hn);
    if (h == NULL) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
    size_t got = 0;
    s = file_read_at(in.fd, h, hn, 0, &got, name, err);
    plain = s == TLY_OK && got == hn &&
            !(got >= 2 && (unsigned char)h[0] == 0x1f &&
              (unsigned char)h[1] == 0x8b);
    if (plain)
      s = header_read(h, got, (int64_t)got == in.size, opts, name, scratch,
                      &L, &sh, &hstart, &hlines, &more, err);
    tly__free(a, h, hn);
    if (s != TLY_OK)
      goto done;
    plain = plain && (!more || hn < HEAD_MAX);
  }
  if (plain && !more) {
    have_layout = true;
    d->precinct = L.precinct;
    sh.fd = in.fd;
    sh.size = in.size;
    sh.name = name;
    bool retry = false;
    s = read_parts(&sh, d, nt, (int64_t)hstart, 1 + hlines, block,
                   L.idx[C_MODE] >= 0, &pw, &np, &retry, err);
    checked = !retry;
    if (s != TLY_OK)
      goto done;
    if (!retry)
      goto merged;
    for (int i = 0; i < np; i++)
      worker_free(&pw[i]);
    tly__free(a, pw, (size_t)np * sizeof *pw);
    pw = NULL;
    np = 0;
    have_layout = false;
  }
  buf = text_alloc(a, cap, &buf_raw);
  if (buf == NULL) {
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
    goto done;
  }
  for (int i = 0; i < nt; i++)
    if (!worker_init(&ws[i], &sh, a)) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
  bool first = true;
  size_t start = 0;
  int64_t base = 1; /* the line of buf[start] */
  for (;;) {
    size_t got = 0;
    /* The round's text: buf[start, len) (start 0 but in the first). */
    if (len < cap) {
      s = input_read(&in, buf + len, cap - len, &got, first, err);
      len += got;
      if (s != TLY_OK && in.truncated) {
        /* Where the text ends: the line and column after its last byte. */
        int64_t line = base, col = 1;
        for (size_t i = start; i < len; i++) {
          col++;
          if (buf[i] == '\n') {
            line++;
            col = 1;
          }
        }
        s = tly__fail_at(err, TLY_EPARSE, name, line, col,
                         "truncated gzip stream: the file ends inside it");
      }
      if (s != TLY_OK)
        goto done;
    }
    bool eof = in.eof;
    if (first) {
      bool hmore = false;
      int64_t hl = 0;
      s = header_read(buf, len, eof, opts, name, scratch, &L, &sh, &start,
                      &hl, &hmore, err);
      if (s != TLY_OK)
        goto done;
      if (hmore) {
        if (cap < MAX_BLOCK)
          goto grow;
        s = tly__fail_at(err, TLY_ERANGE, name, 1, 1,
                         "the header is longer than %zu MiB",
                         MAX_BLOCK >> 20);
        goto done;
      }
      first = false;
      have_layout = true;
      d->precinct = L.precinct;
      base = 1 + hl;
    }
    /* Split [start, len) among the workers at unit boundaries, found
     * from record starts known by counting quotes from the round's start
     * (a stream is read once: its cuts are not guessed). */
    const char *b = buf + start, *e = buf + len;
    const char *cut[MAX_THREADS + 1];
    cut[0] = b;
    for (int i = 1; i < nt; i++) {
      const char *x = b + (size_t)(e - b) / (size_t)nt * (size_t)i;
      x = x < cut[i - 1] ? cut[i - 1] : x;
      const char *r = record_after(b, e, x);
      cut[i] = r < e ? unit_after(&sh, r, e, scratch, keybuf) : e;
    }
    cut[nt] = e;
    /* The workers that have text this round: the last of them ends at e
     * (the round's end, where a record may be cut short), the others at a
     * unit boundary found above. */
    int nw = 1;
    while (nw < nt && cut[nw] < e)
      nw++;
    tly__thread th[MAX_THREADS];
    bool started[MAX_THREADS] = {false};
    for (int i = 0; i < nt; i++) {
      worker *w = &ws[i];
      w->b = cut[i];
      w->e = i < nw ? cut[i + 1] : e;
      if (i == nw - 1)
        w->e = e;
      w->last = i == nw - 1;
      w->final = eof;
      w->at_cut = false;
      w->n_starts = 0;
      w->status = TLY_OK;
      w->misaligned = false;
      if (i >= nw)
        continue;
      if (i > 0 && tly__thread_start(&th[i], work_thread, w) == 0)
        started[i] = true;
      else if (i > 0)
        work(w); /* no thread: do it here */
    }
    work(&ws[0]);
    for (int i = 1; i < nt; i++)
      if (started[i])
        tly__thread_join(th[i]);
    /* Running out of memory in any worker outranks a parse error found
       by another: the parse error may be real, but the file was not read
       through, so "out of memory" is the honest report. */
    for (int i = 0; i < nt; i++)
      if (ws[i].status == TLY_ENOMEM) {
        s = tly__fail(err, TLY_ENOMEM, "out of memory");
        goto done;
      }
    int64_t wbase = base;
    for (int i = 0; i < nt; i++) {
      worker *w = &ws[i];
      for (size_t k = 0; k < w->n_starts; k++)
        if (!useen_add(a, &seen, w->starts[k].h,
                       wbase + (w->starts[k].lk >> 2) - 1,
                       (unsigned)(w->starts[k].lk & 3))) {
          s = tly__fail(err, TLY_ENOMEM, "out of memory");
          goto done;
        }
      if (w->status != TLY_OK) {
        /* (the units it read before its error were added above) */
        s = text_error(w->status, w->err_line, w->err_col, w->err_ref,
                       w->err_msg, wbase, name, err);
        goto done;
      }
      if (i < nw - 1)
        wbase += w->lines;
    }
    worker *lw = &ws[nw - 1];
    size_t stop = (size_t)(lw->stop - buf);
    int64_t stop_line = wbase + lw->stop_line - 1;
    if (opts != NULL && opts->progress != NULL)
      opts->progress(opts->progress_ud, in.consumed, in.size);
    if (eof && stop >= len)
      break;
    if (eof && stop < len) {
      s = tly__fail_at(err, TLY_EPARSE, name, stop_line, 1,
                       "unterminated record at the end of the file");
      goto done;
    }
    if (stop == start && len == cap)
      goto grow;
    memmove(buf, buf + stop, len - stop);
    len -= stop;
    start = 0;
    base = stop_line;
    continue;
  grow:
    if (cap >= MAX_BLOCK) {
      s = tly__fail_at(err, TLY_ERANGE, name, base, 1,
                       "one unit's rows exceed %zu MiB", MAX_BLOCK >> 20);
      goto done;
    }
    if (!text_grow(a, &buf, &buf_raw, &cap, len)) {
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
      goto done;
    }
  }
  /* The runs of the units, all read: checked once. */
  checked = true;
  s = useen_check(a, &seen, L.idx[C_MODE] >= 0, name, err);
  if (s != TLY_OK)
    goto done;
  s = merge_workers(d, ws, nt, name, err);
merged:
  for (size_t k = 0; s == TLY_OK && k < d->sums.cap; k++) {
    const agg_entry *x = &d->sums.e[k];
    if (x->key == 0 || x->votes >= 0)
      continue;
    int y;
    const char *code, *po, *cname, *part[4];
    county_parts(d, (uint32_t)((x->key - 1) >> 32), &y, &code, &po, &cname);
    line_parts(d, (uint32_t)((x->key - 1) & 0xffffffffu), part);
    s = tly__fail_at(err, TLY_ERANGE, name, 0, 0,
                     "the votes of \"%.60s\" in county %s (%d) sum to "
                     "%lld: adjustments below zero",
                     part[0], code, y, (long long)x->votes);
  }
  if (s == TLY_OK && d->n_years == 0)
    s = tly__fail_at(err, TLY_EPARSE, name, 2, 1,
                     "no presidential rows after the header");
done:
  /* An error found further on than runs already read that may not be
   * summed apart gives way to them (the file's first error is told). */
  if (s != TLY_OK && s != TLY_ENOMEM && !checked && have_layout) {
    tly_error e2 = {0};
    tly_status s2 = useen_check(a, &seen, L.idx[C_MODE] >= 0, name, &e2);
    if (s2 != TLY_OK) {
      s = s2;
      if (err != NULL)
        *err = e2;
    }
  }
  if (ws != NULL) {
    for (int i = 0; i < nt; i++)
      worker_free(&ws[i]);
    tly__free(a, ws, (size_t)nt * sizeof *ws);
  }
  for (int i = 0; i < np; i++)
    worker_free(&pw[i]);
  tly__free(a, pw, (size_t)np * sizeof *pw);
  tly__free(a, buf_raw, text_raw_size(cap));
  tly__free(a, scratch, SCRATCH_BYTES);
  tly__free(a, keybuf, KEYBUF_BYTES);
  useen_free(a, &seen);
  input_close(&in);
  counties_free(a, &cl);
  if (s != TLY_OK)
    pdata_free(d);
  return s;
}

/*---- from the aggregate: the state result and the county table ----*/

/* A column whose votes are all on unnamed lines ("OTHER" on the Green
 * line in MEDSL's county file). */
static const char *const ANON_NAME[TLY_AREA_COLS] = {
    "Democratic line (unnamed)", "Republican line (unnamed)",
    "Libertarian line (unnamed)", "Green line (unnamed)", "Others"};

static const char *const CLASS_NAME[TLY_AREA_COLS] = {
    "DEMOCRAT", "REPUBLICAN", "LIBERTARIAN", "GREEN", "OTHER"};

/* The parts of a line: candidate, party, writein, party_simplified. */
static void line_parts(const pdata *d, uint32_t id, const char *part[4])
{
  const char *s = intern_str(&d->lines, id, NULL);
  for (int k = 0; k < 4; k++) {
    part[k] = s;
    s += strlen(s) + 1;
  }
}

/* A column by a party's name, TLY_AREA_OTH for none. */
static size_t party_class(const char *p)
{
  size_t n = strlen(p);
  if (iprefix(p, n, "DEM"))
    return TLY_AREA_DEM;
  if (iprefix(p, n, "REP"))
    return TLY_AREA_REP;
  if (iprefix(p, n, "LIB"))
    return TLY_AREA_LIB;
  if (iprefix(p, n, "GREEN") || ieq(p, n, "GRN"))
    return TLY_AREA_GRN;
  return TLY_AREA_OTH;
}

/* A line's column by its party: party_simplified where the file has it,
 * party_detailed where that is OTHER (MEDSL 2020 simplifies the Greens to
 * OTHER). */
static size_t line_class(const char *const part[4])
{
  size_t c = party_class(part[3][0] != 0 ? part[3] : part[1]);
  return c == TLY_AREA_OTH ? party_class(part[1]) : c;
}

/* The year chosen: opts' or the only one. */
static tly_status pick_year(const pdata *d, const char *name,
                            const tly_load_opts *opts, int *year,
                            tly_error *err)
{
  int want = opts != NULL ? opts->year : 0;
  if (want == 0 && d->n_years > 1) {
    int lo = d->years[0], hi = d->years[0];
    for (size_t i = 1; i < d->n_years; i++) {
      lo = d->years[i] < lo ? d->years[i] : lo;
      hi = d->years[i] > hi ? d->years[i] : hi;
    }
    return tly__fail_at(err, TLY_EINVAL, name, 1, 1,
                        "the file holds %zu elections (%d-%d); choose one "
                        "with --year",
                        d->n_years, lo, hi);
  }
  *year = want != 0 ? want : d->years[0];
  for (size_t i = 0; i < d->n_years; i++)
    if (d->years[i] == *year)
      return TLY_OK;
  return tly__fail(err, TLY_ENODATA, "%s has no election of %d", name,
                   *year);
}

/* A county's year, code, state and name from its key. */
static void county_parts(const pdata *d, uint32_t id, int *year,
                         const char **code, const char **po,
                         const char **cname)
{
  const char *s = intern_str(&d->counties, id, NULL);
  int64_t y = 0;
  (void)tly__scan_i64(s, strlen(s), 0, 9999, &y);
  *year = (int)y;
  s += strlen(s) + 1;
  *code = s;
  s += strlen(s) + 1;
  *po = s;
  *cname = s + strlen(s) + 1;
}

static void csv_field(tly__buf *b, const char *s)
{
  if (strpbrk(s, ",\"\r\n") == NULL) {
    tly__buf_adds(b, s);
    return;
  }
  tly__buf_add(b, "\"", 1);
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      tly__buf_add(b, "\"", 1);
    tly__buf_add(b, p, 1);
  }
  tly__buf_add(b, "\"", 1);
}

typedef struct {
  int state;
  uint32_t line;
  int64_t votes;
} sl_sum;

/* Sorts v[0..n) by state, then line (lines below nl, states below 64):
 * two counting sorts, by line then by state (stable). False on out of
 * memory. */
static bool sl_sort(const tly_allocator *a, sl_sum *v, size_t n, size_t nl)
{
  sl_sum *t = tly__malloc(a, (n ? n : 1) * sizeof *t);
  size_t *count = tly__calloc(a, nl + 65, sizeof *count);
  bool ok = t != NULL && count != NULL;
  if (ok) {
    for (size_t i = 0; i < n; i++)
      count[v[i].line + 1]++;
    for (size_t k = 0; k < nl; k++)
      count[k + 1] += count[k];
    for (size_t i = 0; i < n; i++)
      t[count[v[i].line]++] = v[i];
    memset(count, 0, 65 * sizeof *count);
    for (size_t i = 0; i < n; i++)
      count[t[i].state + 1]++;
    for (size_t k = 0; k < 64; k++)
      count[k + 1] += count[k];
    for (size_t i = 0; i < n; i++)
      v[count[t[i].state]++] = t[i];
  }
  tly__free(a, t, (n ? n : 1) * sizeof *t);
  tly__free(a, count, (nl + 65) * sizeof *count);
  return ok;
}

static bool letter(char c)
{
  return (up(c) >= 'A' && up(c) <= 'Z') || c == '\'' || c == '-';
}

/* The surname of a candidate: the last word that is not a suffix
 * ("JOSEPH R BIDEN JR" -> "BIDEN"), into out (at most size-1 bytes). */
static void surname(const char *name, char *out, size_t size)
{
  out[0] = 0;
  const char *p = name;
  while (*p) {
    while (*p && !letter(*p))
      p++;
    const char *w = p;
    while (letter(*p))
      p++;
    size_t n = (size_t)(p - w);
    if (n == 0 || ieq(w, n, "JR") || ieq(w, n, "SR") || ieq(w, n, "II") ||
        ieq(w, n, "III"))
      continue;
    snprintf(out, size, "%.*s", (int)n, w);
  }
}

/* Whether `word` is one of name's words, ignoring case. */
static bool has_word(const char *name, const char *word)
{
  size_t k = strlen(word);
  size_t n = strlen(name);
  for (size_t i = 0; k > 0 && i + k <= n; i++)
    if ((i == 0 || !letter(name[i - 1])) && iprefix(name + i, k, word) &&
        (i + k == n || !letter(name[i + k])))
      return true;
  return false;
}

/* The surnames of the Democratic and Republican nominees: the names with
 * the most votes (lv, by line) on each party's lines. */
static void find_nominees(const pdata *d, const int64_t *lv,
                          char nominee[2][64])
{
  int64_t best[2] = {-1, -1};
  for (size_t l = 0; l < d->lines.n; l++) {
    const char *part[4];
    line_parts(d, (uint32_t)l, part);
    size_t c = line_class(part);
    if (c <= TLY_AREA_REP && lv[l] > best[c] &&
        !tly__medsl_not_a_vote(part[0], strlen(part[0]))) {
      best[c] = lv[l];
      surname(part[0], nominee[c], sizeof nominee[c]);
    }
  }
}

tly_status tly__precinct_election(const char *path,
                                  const tly__stdin_head *head,
                                  const tly_load_opts *opts,
                                  const tly_allocator *a, tly_election **out,
                                  tly_error *err)
{
  return tly__precinct_election_block(path, head, opts, 0, a, out, err);
}

tly_status tly__precinct_election_block(const char *path,
                                        const tly__stdin_head *head,
                                        const tly_load_opts *opts,
                                        size_t block, const tly_allocator *a,
                                        tly_election **out, tly_error *err)
{
  *out = NULL;
  a = tly__alloc_or_default(a);
  pdata d = {0};
  tly_status s = read_file(path, head, opts, block, a, &d, err);
  if (s != TLY_OK)
    return s;
  const char *name = tly__file_name(path);
  int year = 0;
  s = pick_year(&d, name, opts, &year, err);
  /* The state sums of every line: (state, line) pairs, sorted. */
  sl_sum *v = NULL;
  size_t nv = 0;
  if (s == TLY_OK) {
    v = tly__calloc(a, d.sums.n ? d.sums.n : 1, sizeof *v);
    if (v == NULL)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  /* each county's state, -1 when of another year */
  size_t ncs = d.counties.n ? d.counties.n : 1;
  int *cstate = s == TLY_OK ? tly__malloc(a, ncs * sizeof *cstate) : NULL;
  if (s == TLY_OK && cstate == NULL)
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  for (size_t c = 0; s == TLY_OK && c < d.counties.n; c++) {
    int y;
    const char *code, *po, *cname;
    county_parts(&d, (uint32_t)c, &y, &code, &po, &cname);
    cstate[c] = y == year ? tly__state_index(po, 2) : -1;
  }
  for (size_t k = 0; s == TLY_OK && k < d.sums.cap; k++) {
    const agg_entry *x = &d.sums.e[k];
    if (x->key == 0 || cstate[(x->key - 1) >> 32] < 0)
      continue;
    v[nv++] = (sl_sum){.state = cstate[(x->key - 1) >> 32],
                       .line = (uint32_t)((x->key - 1) & 0xffffffffu),
                       .votes = x->votes};
  }
  tly__free(a, cstate, ncs * sizeof *cstate);
  /* The Democratic and Republican nominees: the names with the most votes
   * on each party's lines. load.c joins a party's lines to its nominee;
   * here only the lines that bear the nominee's surname keep the party
   * (MEDSL's precinct files put some write-ins and minor candidates on a
   * major party's line: MD 2016 write-ins, CO 2016 "David Perry"). */
  char nominee[2][64] = {"", ""};
  if (s == TLY_OK && !sl_sort(a, v, nv, d.lines.n))
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  if (s == TLY_OK) {
    /* each line's votes over all states */
    int64_t *lv = tly__calloc(a, d.lines.n ? d.lines.n : 1, sizeof *lv);
    if (lv == NULL)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
    for (size_t i = 0; s == TLY_OK && i < nv; i++)
      if (!tly__add_i64(lv[v[i].line], v[i].votes, &lv[v[i].line]))
        s = tly__fail_at(err, TLY_EOVERFLOW, name, 0, 0,
                         "a candidate's votes overflow a 64-bit count");
    if (s == TLY_OK)
      find_nominees(&d, lv, nominee);
    tly__free(a, lv, (d.lines.n ? d.lines.n : 1) * sizeof *lv);
  }
  tly__buf csv;
  tly__buf_init(&csv, a, (size_t)1 << 30);
  if (s == TLY_OK) {
    tly__buf_adds(&csv, "year,state_po,candidate,party_detailed,"
                        "party_simplified,candidatevotes,writein\n");
  }
  for (size_t i = 0; s == TLY_OK && i < nv;) {
    size_t j = i;
    int64_t sum = 0;
    for (; j < nv && v[j].state == v[i].state && v[j].line == v[i].line; j++)
      if (!tly__add_i64(sum, v[j].votes, &sum))
        s = tly__fail_at(err, TLY_EOVERFLOW, name, 0, 0,
                         "a state's votes overflow a 64-bit count");
    const char *part[4];
    line_parts(&d, v[i].line, part);
    tly__buf_printf(&csv, "%d,%s,", year, tly__state_code(v[i].state));
    csv_field(&csv, part[0]);
    tly__buf_add(&csv, ",", 1);
    csv_field(&csv, part[1]);
    size_t cls = line_class(part);
    if (cls <= TLY_AREA_REP && !has_word(part[0], nominee[cls]))
      cls = TLY_AREA_OTH;
    tly__buf_printf(&csv, ",%s,%lld,", CLASS_NAME[cls], (long long)sum);
    csv_field(&csv, part[2]);
    tly__buf_add(&csv, "\n", 1);
    i = j;
  }
  if (s == TLY_OK && csv.status != TLY_OK)
    s = tly__fail(err, csv.status, "out of memory");
  tly__free(a, v, (d.sums.n ? d.sums.n : 1) * sizeof *v);
  if (s == TLY_OK) {
    tly_load_opts o = {.year = year};
    const char *base = strrchr(name, '/');
    s = tly_election_parse(base != NULL ? base + 1 : name, csv.p, csv.len,
                           &o, a, out, err);
  }
  tly__buf_free(&csv);
  pdata_free(&d);
  return s;
}

typedef struct {
  uint32_t county;
  const char *code;
  const char *po;
  const char *name;
} crow;

static int crow_cmp(const void *x, const void *y)
{
  const crow *a = x, *b = y;
  int c = strcmp(a->code, b->code);
  return c != 0 ? c : strcmp(a->name, b->name);
}

tly_status tly_areas_load(const char *path, const tly_load_opts *opts,
                          const char *state, const tly_allocator *a,
                          tly_areas **out, tly_error *err)
{
  return tly__areas_load_block(path, opts, state, 0, a, out, err);
}

tly_status tly__areas_load_block(const char *path, const tly_load_opts *opts,
                                 const char *state, size_t block,
                                 const tly_allocator *a, tly_areas **out,
                                 tly_error *err)
{
  *out = NULL;
  a = tly__alloc_or_default(a);
  if (state != NULL && (strlen(state) != 2 || tly_state_name(state) == NULL))
    return tly__fail(err, TLY_ENOTFOUND, "unknown state \"%s\"", state);
  const char *name = tly__file_name(path);
  bool mine = false;
  tly__stdin_head head;
  tly_status ss = tly__precinct_sniff(path, a, &head, &mine, err);
  if (ss != TLY_OK || !mine) {
    tly__stdin_head_free(a, &head);
    if (ss != TLY_OK)
      return ss;
    return tly__fail_at(err, TLY_EINVAL, name, 1, 1,
                        "counties come from a MEDSL county or precinct "
                        "file (a header with state_po and county_fips)");
  }
  pdata d = {0};
  tly_status s = read_file(path, &head, opts, block, a, &d, err);
  tly__stdin_head_free(a, &head);
  if (s != TLY_OK)
    return s;
  int year = 0;
  s = pick_year(&d, name, opts, &year, err);
  size_t nl = d.lines.n, nc = d.counties.n;
  /* Each line's column: the party column its candidate has the most votes
   * on (a candidate listed as an independent in one state and a Green in
   * the others is the Green); non-votes get none (SIZE_MAX). */
  size_t *cls = tly__calloc(a, nl ? nl : 1, sizeof *cls);
  int64_t *lv = tly__calloc(a, nl ? nl : 1, sizeof *lv);
  int64_t(*cv)[TLY_AREA_COLS + 1] =
      tly__calloc(a, nc ? nc : 1, sizeof *cv); /* votes by column, total */
  crow *rows = tly__calloc(a, nc ? nc : 1, sizeof *rows);
  intern names = {.a = a, .fold = true};
  if (s == TLY_OK && (cls == NULL || lv == NULL || cv == NULL ||
                      rows == NULL))
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  for (size_t k = 0; s == TLY_OK && k < d.sums.cap; k++) {
    const agg_entry *x = &d.sums.e[k];
    if (x->key == 0)
      continue;
    uint32_t c = (uint32_t)((x->key - 1) >> 32);
    int y;
    const char *code, *po, *cname;
    county_parts(&d, c, &y, &code, &po, &cname);
    if (y == year &&
        !tly__add_i64(lv[(x->key - 1) & 0xffffffffu], x->votes,
                      &lv[(x->key - 1) & 0xffffffffu]))
      s = tly__fail_at(err, TLY_EOVERFLOW, name, 0, 0,
                       "a candidate's votes overflow a 64-bit count");
  }
  /* best[name] = (column, votes) */
  size_t *best_col = NULL;
  int64_t *best_v = NULL;
  uint32_t *lname = tly__calloc(a, nl ? nl : 1, sizeof *lname);
  if (s == TLY_OK && lname == NULL)
    s = tly__fail(err, TLY_ENOMEM, "out of memory");
  for (size_t i = 0; s == TLY_OK && i < nl; i++) {
    const char *part[4];
    line_parts(&d, (uint32_t)i, part);
    int64_t id = intern_get(&names, hash(H0, part[0], strlen(part[0]), true),
                            part[0], strlen(part[0]), NULL);
    if (id < 0)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
    else
      lname[i] = (uint32_t)id;
  }
  if (s == TLY_OK) {
    best_col = tly__calloc(a, names.n ? names.n : 1, sizeof *best_col);
    best_v = tly__calloc(a, names.n ? names.n : 1, sizeof *best_v);
    if (best_col == NULL || best_v == NULL)
      s = tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  for (size_t i = 0; s == TLY_OK && i < names.n; i++)
    best_v[i] = -1;
  for (size_t i = 0; s == TLY_OK && i < nl; i++) {
    const char *part[4];
    line_parts(&d, (uint32_t)i, part);
    size_t c = line_class(part);
    if (lv[i] > best_v[lname[i]]) {
      best_v[lname[i]] = lv[i];
      best_col[lname[i]] = c;
    }
  }
  char nominee[2][64] = {"", ""};
  if (s == TLY_OK)
    find_nominees(&d, lv, nominee);
  /* The name of each column: its candidate with the most votes. */
  int64_t col_v[TLY_AREA_COLS];
  const char *col_name[TLY_AREA_COLS] = {NULL};
  for (size_t c = 0; c < TLY_AREA_COLS; c++)
    col_v[c] = -1;
  for (size_t i = 0; s == TLY_OK && i < nl; i++) {
    const char *part[4];
    line_parts(&d, (uint32_t)i, part);
    size_t n = strlen(part[0]);
    if (tly__medsl_not_a_vote(part[0], n)) {
      cls[i] = SIZE_MAX;
      continue;
    }
    bool anon = tly__medsl_unnamed(part[0], n);
    cls[i] = anon ? line_class(part) : best_col[lname[i]];
    if (cls[i] <= TLY_AREA_REP && !has_word(part[0], nominee[cls[i]]))
      cls[i] = TLY_AREA_OTH; /* a write-in on a major party's line */
    if (cls[i] != TLY_AREA_OTH && lv[i] > 0 && anon && col_v[cls[i]] < 0)
      col_name[cls[i]] = ANON_NAME[cls[i]]; /* until a named one comes */
    if (cls[i] != TLY_AREA_OTH && lv[i] > 0 && !anon &&
        lv[i] > col_v[cls[i]]) {
      col_v[cls[i]] = lv[i];
      col_name[cls[i]] = part[0];
    }
  }
  for (size_t k = 0; s == TLY_OK && k < d.sums.cap; k++) {
    const agg_entry *x = &d.sums.e[k];
    if (x->key == 0)
      continue;
    uint32_t c = (uint32_t)((x->key - 1) >> 32);
    size_t col = cls[(x->key - 1) & 0xffffffffu];
    if (col == SIZE_MAX)
      continue;
    if (!tly__add_i64(cv[c][col], x->votes, &cv[c][col]) ||
        !tly__add_i64(cv[c][TLY_AREA_COLS], x->votes,
                      &cv[c][TLY_AREA_COLS]))
      s = tly__fail_at(err, TLY_EOVERFLOW, name, 0, 0,
                       "a county's votes overflow a 64-bit count");
  }
  size_t nr = 0;
  for (size_t i = 0; s == TLY_OK && i < nc; i++) {
    int y;
    crow r = {.county = (uint32_t)i};
    county_parts(&d, (uint32_t)i, &y, &r.code, &r.po, &r.name);
    if (y == year && (state == NULL || (up(state[0]) == r.po[0] &&
                                        up(state[1]) == r.po[1])))
      rows[nr++] = r;
  }
  tly_areas *t = NULL;
  if (s == TLY_OK) {
    qsort(rows, nr, sizeof *rows, crow_cmp);
    char src[600];
    const char *base = strrchr(name, '/');
    snprintf(src, sizeof src,
             "%s (MEDSL %s file: the TOTAL rows where present, else the "
             "sum of the mode rows)",
             base != NULL ? base + 1 : name,
             d.precinct ? "precinct" : "county");
    s = tly__areas_make(a, year, src, &t, err);
  }
  for (size_t c = 0; s == TLY_OK && c < TLY_AREA_COLS; c++)
    if (col_name[c] != NULL || c == TLY_AREA_OTH)
      s = tly__areas_name(t, c, c == TLY_AREA_OTH ? "Others" : col_name[c],
                          err);
  for (size_t i = 0; s == TLY_OK && i < nr; i++) {
    int64_t votes[TLY_AREA_COLS];
    for (size_t c = 0; c < TLY_AREA_COLS; c++)
      votes[c] = col_name[c] != NULL || c == TLY_AREA_OTH
                     ? cv[rows[i].county][c]
                     : -1;
    s = tly__areas_add(t, rows[i].code, rows[i].po, rows[i].name, votes,
                       cv[rows[i].county][TLY_AREA_COLS], err);
  }
  if (s == TLY_OK) {
    tly__areas_done(t);
    *out = t;
  } else {
    tly_areas_free(t);
  }
  tly__free(a, best_col, (names.n ? names.n : 1) * sizeof *best_col);
  tly__free(a, best_v, (names.n ? names.n : 1) * sizeof *best_v);
  tly__free(a, lname, (nl ? nl : 1) * sizeof *lname);
  intern_free(&names);
  tly__free(a, cls, (nl ? nl : 1) * sizeof *cls);
  tly__free(a, lv, (nl ? nl : 1) * sizeof *lv);
  tly__free(a, cv, (nc ? nc : 1) * sizeof *cv);
  tly__free(a, rows, (nc ? nc : 1) * sizeof *rows);
  pdata_free(&d);
  return s;
}

/* Reads h (up to TLY__STDIN_HEAD bytes, fewer at the end) from standard
 * input: TLY_ENOMEM or TLY_EIO on failure (h then holds nothing). */
static tly_status stdin_head_read(const tly_allocator *a, tly__stdin_head *h,
                                  tly_error *err)
{
  a = tly__alloc_or_default(a);
  h->p = tly__malloc(a, TLY__STDIN_HEAD);
  h->n = 0;
  if (h->p == NULL)
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  while (h->n < TLY__STDIN_HEAD) {
    ssize_t r = read(STDIN_FILENO, h->p + h->n, TLY__STDIN_HEAD - h->n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      int e = errno;
      tly__stdin_head_free(a, h);
      return tly__fail_at(err, TLY_EIO, "<stdin>", 0, 0, "read error: %s",
                          strerror(e));
    }
    if (r == 0)
      break;
    h->n += (size_t)r;
  }
  return TLY_OK;
}

void tly__stdin_head_free(const tly_allocator *a, tly__stdin_head *h)
{
  if (h->p != NULL)
    tly__free(tly__alloc_or_default(a), h->p, TLY__STDIN_HEAD);
  h->p = NULL;
  h->n = 0;
}

tly_status tly__precinct_sniff(const char *path, const tly_allocator *a,
                               tly__stdin_head *head, bool *yes,
                               tly_error *err)
{
  *yes = false;
  head->p = NULL;
  head->n = 0;
  a = tly__alloc_or_default(a);
  input in;
  tly_error ignored = {0};
  if (strcmp(path, "-") == 0) { /* standard input: its first bytes only */
    tly_status hs = stdin_head_read(a, head, err);
    if (hs != TLY_OK)
      return hs;
    memset(&in, 0, sizeof in);
    in.fd = -1;
    in.name = "<stdin>";
    in.head = head;
  } else if (input_open(&in, path, path, NULL, &ignored) != TLY_OK) {
    return TLY_OK;
  }
  enum { N = 1 << 16 };
  a = tly__alloc_or_default(a);
  char *buf = tly__malloc(a, 2 * N);
  if (buf == NULL) {
    input_close(&in);
    return tly__fail(err, TLY_ENOMEM, "out of memory");
  }
  /* A read error after some bytes (a truncated gzip stream) still shows
   * the header; a gzip file is always this reader's (the others read
   * plain text only), which then reports the error. */
  size_t got = 0;
  tly_status rs = input_read(&in, buf, N, &got, true, &ignored);
  *yes = in.gz;
  if (rs == TLY_OK || got > 0) {
    fld f[MAX_FIELDS];
    size_t n = 0;
    const char *next;
    int64_t nl;
    rerr re;
    layout L;
    size_t skip = got >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (split(buf + skip, buf + got, true, f, &n, buf + N, &next, &nl,
              &re) == RS_OK)
      *yes = *yes || find_layout(f, n, &L);
  }
  tly__free(a, buf, 2 * N);
  input_close(&in);
  return TLY_OK;
}
