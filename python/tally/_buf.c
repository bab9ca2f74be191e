/*
 * _buf.c -- the Python package's one piece of C: a tly_writer that appends
 * to a growing buffer, so that a JSON writer's thousands of small writes
 * cost no Python call each (tally/_lib.py loads it when present and falls
 * back to a Python callback otherwise). Built by `make python` and by
 * setup.py into tally/_tallybuf.so. No rule of the election system here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct tlypy_buf {
  char *data;
  size_t len;
  size_t cap;
} tlypy_buf;

int tlypy_buf_write(void *ud, const char *p, size_t n);
void tlypy_buf_free(tlypy_buf *b);

/* Appends n bytes at p to the buffer ud; 1 when out of memory. */
int tlypy_buf_write(void *ud, const char *p, size_t n)
{
  tlypy_buf *b = ud;
  if (n > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < n) {
      if (cap > SIZE_MAX / 2)
        return 1;
      cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (d == NULL)
      return 1;
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
  return 0;
}

/* Frees the buffer's bytes and empties it. */
void tlypy_buf_free(tlypy_buf *b)
{
  free(b->data);
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}
