/*
 * wasm_data.c -- the built-in datasets of tally.wasm (make web), in place
 * of src/data.c: the files every page needs are compiled in (tools/embed),
 * the large ones few views need (county returns, polls: WASM_LAZY in the
 * Makefile) are static files beside the module, build/web/data/NAME,
 * that the page fetches the first time the library asks for one and then
 * hands in with tly_web_data_add (web/tally-wasm.js retries the request).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name), visibility("default")))

typedef struct {
  const char *name;
  const unsigned char *data;
  size_t len;
} embed_file;

extern const embed_file tly__data_files[];
extern const size_t tly__data_files_count;

/* The files left out of the module (-DTLY_WEB_LAZY="a.csv","b.csv",). */
static const char *const lazy_names[] = {TLY_WEB_LAZY};
#define N_LAZY (sizeof lazy_names / sizeof lazy_names[0])

/* What the page has handed in so far, by lazy_names index; the module's
 * one instance belongs to one page, as web/wasm.c's last answer does. */
static struct {
  char *data; /* NUL-terminated, owned; NULL until handed in */
  size_t len;
} lazy[N_LAZY];

/* The first lazy file asked for and not there since the last
 * tly_web_data_missing, or NULL. */
static const char *missing;

const char *tly__data_file(const char *name, size_t *len)
{
  for (size_t i = 0; i < tly__data_files_count; i++) {
    if (strcmp(tly__data_files[i].name, name) == 0) {
      *len = tly__data_files[i].len;
      return (const char *)tly__data_files[i].data;
    }
  }
  for (size_t i = 0; i < N_LAZY; i++) {
    if (strcmp(lazy_names[i], name) != 0)
      continue;
    if (lazy[i].data != NULL) {
      *len = lazy[i].len;
      return lazy[i].data;
    }
    if (missing == NULL)
      missing = lazy_names[i];
    break;
  }
  *len = 0;
  return NULL;
}

/* The name of the lazy file the last request asked for and lacked (the
 * page fetches data/NAME, hands it in and asks again), or NULL; clears it. */
EXPORT("tly_web_data_missing") const char *tly_web_data_missing(void);
const char *tly_web_data_missing(void)
{
  const char *m = missing;
  missing = NULL;
  return m;
}

/* Hands in the bytes of lazy file `name`: p from tly_web_alloc with room
 * for len + 1 bytes, owned by the module from now on (freed here when the
 * name is not a lazy file or the file is already there). 0, or -1 when
 * the file is not taken. */
EXPORT("tly_web_data_add") int tly_web_data_add(const char *name, char *p,
                                                size_t len);
int tly_web_data_add(const char *name, char *p, size_t len)
{
  for (size_t i = 0; i < N_LAZY; i++) {
    if (strcmp(lazy_names[i], name) == 0 && lazy[i].data == NULL) {
      p[len] = '\0';
      lazy[i].data = p;
      lazy[i].len = len;
      return 0;
    }
  }
  free(p);
  return -1;
}
