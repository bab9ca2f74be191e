/*
 * server.h -- `tally serve`: the HTTP front end (libmicrohttpd, in http.c)
 * and the JSON API and embedded page it answers with (api.c), over the
 * public library only. Requests share no mutable state: each one loads
 * the built-in data it needs and applies pure transforms.
 */
#ifndef TALLY_SERVER_H
#define TALLY_SERVER_H

#include "tally.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* Limits (STYLE 24, 46): a request body, the JSON and SVG a request may
 * produce, a connection's memory, the time a request has to arrive whole
 * (and a connection may stay silent) unless --timeout says otherwise,
 * connections in all and from one client address, and the work of a
 * forecast. */
#define SRV_MAX_BODY ((size_t)64 * 1024)
#define SRV_MAX_OUTPUT ((size_t)16 << 20)
#define SRV_CONN_MEMORY ((size_t)256 * 1024)
#define SRV_TIMEOUT_S 15
#define SRV_MAX_CONNECTIONS 256
#define SRV_MAX_PER_ADDRESS 32
#define SRV_MAX_QUERY 32
#define SRV_MAX_SIMS 1000000
/* The Retry-After of a 503 when as many heavy requests (forecasts) as
 * allowed are already running. */
#define SRV_RETRY_AFTER_S 2
#define SRV_MAX_HEAVY 2

/*---- an output buffer with a cap, usable as a tly_writer ----*/
typedef struct srv_buf {
  char *p;
  size_t len, cap;
  bool over; /* the cap was reached or memory ran out */
  bool oom;  /* memory ran out */
} srv_buf;

/* A tly_writer appending to the srv_buf ud; 1 (failure) past
 * SRV_MAX_OUTPUT or out of memory. */
int srv_buf_write(void *ud, const char *p, size_t n);
void srv_buf_free(srv_buf *b);

/*---- requests and responses, independent of the HTTP library ----*/
typedef struct srv_kv {
  const char *key;
  const char *value; /* "" for a key without '=' */
} srv_kv;

typedef struct srv_request {
  const char *method; /* "GET", "POST", ... */
  const char *path;   /* decoded, without the query */
  const srv_kv *query;
  size_t n_query;
  bool query_overflow; /* more than SRV_MAX_QUERY arguments */
  const char *body;    /* NUL-terminated */
  size_t body_len;
  const atomic_bool *gone; /* set once the client has gone; or NULL */
} srv_request;

typedef struct srv_response {
  unsigned status;
  const char *type;             /* static Content-Type */
  char *body;                   /* malloc'd, freed by srv_response_free */
  const unsigned char *fixed;   /* or a static body (the page) */
  size_t len;
  const char *allow;            /* for 405: the methods allowed */
  unsigned retry_after_s;       /* for 503: Retry-After, or 0 */
} srv_response;

/* Answers one request (api.c). Never fails: errors become 4xx/5xx JSON
 * bodies {"error": message, "status": n}. */
void srv_handle(const srv_request *rq, srv_response *rs);
/* How many heavy requests (forecasts) srv_handle runs at once, n >= 1
 * (SRV_MAX_HEAVY until set); more are answered 503 with Retry-After. Set
 * before the daemon starts. */
void srv_set_heavy_limit(int n);
/* Loads the built-in elections once, before any request (srv_handle works
 * without, loading per request); 0, or -1 when one fails to load. */
int srv_init(void);
void srv_fini(void);
void srv_response_free(srv_response *rs);

/*---- the daemon (http.c): serve.h ----*/
#include "serve.h"

#endif
