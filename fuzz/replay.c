/*
 * replay.c -- runs a libFuzzer harness without libFuzzer: each file named
 * on the command line is read into a buffer of exactly its size and passed
 * to LLVMFuzzerTestOneInput, so `make test` replays the committed corpora
 * with the ordinary compiler. A broken rule aborts inside the harness;
 * otherwise prints "ok FILE" per file and exits 0.
 * Usage: fuzz_<name>_replay FILE...
 */
#include "fuzz.h"

#include <errno.h>

/* Reads path into a malloc'd buffer of exactly its size (NULL when empty
 * is not an error: *len is 0). Returns 0, or -1 after printing why. */
static int slurp(const char *path, uint8_t **out, size_t *len)
{
  *out = NULL;
  *len = 0;
  FILE *fp = fopen(path, "rb");
  if (fp == NULL) {
    fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
    return -1;
  }
  uint8_t *buf = NULL;
  size_t n = 0;
  uint8_t chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    uint8_t *q = realloc(buf, n + got);
    if (q == NULL) {
      free(buf);
      fclose(fp);
      fprintf(stderr, "replay: %s: out of memory\n", path);
      return -1;
    }
    buf = q;
    memcpy(buf + n, chunk, got);
    n += got;
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    free(buf);
    fprintf(stderr, "replay: %s: read error\n", path);
    return -1;
  }
  *out = buf;
  *len = n;
  return 0;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE...\n", argv[0]);
    return 2;
  }
  for (int i = 1; i < argc; i++) {
    uint8_t *buf;
    size_t len;
    if (slurp(argv[i], &buf, &len) != 0)
      return 1;
    /* libFuzzer never passes NULL: an empty input gets a valid pointer. */
    uint8_t empty = 0;
    LLVMFuzzerTestOneInput(buf != NULL ? buf : &empty, len);
    free(buf);
    printf("ok %s\n", argv[i]);
  }
  return 0;
}
