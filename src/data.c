/*
 * data.c -- access to the built-in datasets (the CSVs in data/, made by
 * data/mkdata.py from official sources; see data/README.md), embedded into
 * the library at build time by tools/embed.c.
 */
#include "internal.h"

#include <string.h>

typedef struct {
  const char *name;
  const unsigned char *data;
  size_t len;
} embed_file;

extern const embed_file tly__data_files[];
extern const size_t tly__data_files_count;

const char *tly__data_file(const char *name, size_t *len)
{
  for (size_t i = 0; i < tly__data_files_count; i++) {
    if (strcmp(tly__data_files[i].name, name) == 0) {
      *len = tly__data_files[i].len;
      return (const char *)tly__data_files[i].data;
    }
  }
  *len = 0;
  return NULL;
}
