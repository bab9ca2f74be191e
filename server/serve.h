/*
 * serve.h -- the one entry the command line uses to start `tally serve`:
 * a configuration and a call that serves until interrupted. Everything
 * else of the server is private to server/.
 */
#ifndef TALLY_SERVER_SERVE_H
#define TALLY_SERVER_SERVE_H

#include <stdbool.h>

typedef struct srv_config {
  const char *host; /* an IPv4 or IPv6 literal or "localhost" */
  int port;         /* 0: any free port (printed) */
  int threads;      /* worker threads, 1..64 */
  int timeout_s;    /* seconds a request has to arrive whole, and a
                       connection may stay silent; 0: SRV_TIMEOUT_S */
  bool quiet;       /* no log line per request */
} srv_config;

/* Serves until SIGINT or SIGTERM. Prints "tally serve: listening on
 * http://HOST:PORT/" to stdout once bound. Returns 0, or 1 after printing
 * why it could not start. */
int srv_run(const srv_config *cfg);

#endif
