/*
 * progress.c -- the progress line of a long file read: after one second,
 * on stderr, only when stderr is a terminal ("tally: reading FILE: 45 %"),
 * erased when the read ends.
 */
#include "cli.h"

#include <time.h>
#include <unistd.h>

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cli_progress_start(cli_progress *p, const char *name)
{
  p->name = name;
  p->t0 = now();
  p->shown = false;
  p->tty = isatty(STDERR_FILENO) == 1;
}

void cli_progress_cb(void *ud, int64_t done, int64_t size)
{
  cli_progress *p = ud;
  if (!p->tty || now() - p->t0 < 1.0)
    return;
  if (size > 0)
    fprintf(stderr, "\rtally: reading %s: %3d %%", p->name,
            (int)(done * 100 / size));
  else
    fprintf(stderr, "\rtally: reading %s: %lld MB", p->name,
            (long long)(done >> 20));
  p->shown = true;
}

void cli_progress_end(cli_progress *p)
{
  if (p->shown)
    fprintf(stderr, "\r\033[K");
  p->shown = false;
}
