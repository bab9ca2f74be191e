/*
 * thread.h -- the forecast's worker threads: POSIX threads, or none in a
 * build without them (TLY_NO_THREADS: WebAssembly under WASI, whose C
 * library has no pthreads). Without threads, starting one always fails,
 * and the callers already run the work on the calling thread when a
 * thread cannot start, so the result is the same (never thread-count
 * dependent: STYLE 22).
 */
#ifndef TALLY_THREAD_H
#define TALLY_THREAD_H

#ifdef TLY_NO_THREADS
typedef int tly__thread;

/* Never starts a thread: -1, so the caller runs fn(arg) itself. */
static inline int tly__thread_start(tly__thread *t, void *(*fn)(void *),
                                    void *arg)
{
  (void)t;
  (void)fn;
  (void)arg;
  return -1;
}

static inline void tly__thread_join(tly__thread t)
{
  (void)t;
}
#else
#include <pthread.h>

typedef pthread_t tly__thread;

/* pthread_create with default attributes: 0, or non-zero when no thread
 * started. */
static inline int tly__thread_start(tly__thread *t, void *(*fn)(void *),
                                    void *arg)
{
  return pthread_create(t, NULL, fn, arg);
}

static inline void tly__thread_join(tly__thread t)
{
  pthread_join(t, NULL);
}
#endif

#endif
