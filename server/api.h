/*
 * api.h -- private to server/: what the API's files share. respond.c makes
 * answers, params.c reads a request's parameters, scenario.c holds the
 * built-in elections and applies a request's what-if, handlers.c and
 * h_forecast.c are the endpoints, api.c routes to them.
 */
#ifndef TALLY_SERVER_API_H
#define TALLY_SERVER_API_H

#include "server.h"

#include <jansson.h>

#define TYPE_JSON "application/json; charset=utf-8"
#define TYPE_SVG "image/svg+xml"

/* The most codes a list parameter (without, set, tie, npv) may hold. */
#define MAX_LIST 64

/*---- answers (respond.c) ----*/

/* Answers with a JSON error {"error": msg, "status": n[, "code": name]}. */
void api_fail_code(srv_response *rs, unsigned status, const char *code,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
#define fail(rs, status, ...) api_fail_code(rs, status, NULL, __VA_ARGS__)
/* A library failure: bad input is the client's (400), the rest ours. */
void api_fail_tly(srv_response *rs, const tly_error *err);
/* A failure while writing into b (freed): 503 when b ran out of memory,
 * 500 at its cap, else as api_fail_tly. */
void api_fail_buf(srv_response *rs, srv_buf *b, const tly_error *err);
/* Hands a filled buffer over as the body (or fails on its cap). */
void api_ok_buf(srv_response *rs, srv_buf *b, const char *type);
/* Whether s[0..n) is well-formed UTF-8 (RFC 3629), as JSON strings are. */
bool api_utf8_ok(const char *s, size_t n);

/*---- parameters (params.c) ----*/

/* The query string or the POST body as a parameter object; NULL after
 * answering 400. */
json_t *api_params_from_query(const srv_request *rq, srv_response *rs);
json_t *api_params_from_body(const srv_request *rq, srv_response *rs);
/* Refuses keys the endpoint does not take; `allowed` is NULL-terminated. */
bool api_check_keys(json_t *p, const char *const *allowed, srv_response *rs);
/* A field of p: 0 absent, 1 read into *out, -1 after answering 400. */
int api_get_int(json_t *p, const char *key, long long lo, long long hi,
                long long *out, srv_response *rs);
int api_get_num(json_t *p, const char *key, double lo, double hi,
                double *out, srv_response *rs);
int api_get_bool(json_t *p, const char *key, bool *out, srv_response *rs);
int api_get_str(json_t *p, const char *key, const char **out,
                srv_response *rs);
/* A list of codes (or one code) into out[MAX_LIST]. */
int api_get_list(json_t *p, const char *key, const char **out, size_t *n,
                 srv_response *rs);

/*---- elections and what-ifs (scenario.c) ----*/

/* An election as a request names it, and the what-if made from it. */
typedef struct scenario {
  const tly_election *base; /* cached, or `owned` */
  const tly_election *wi;   /* base itself when nothing applies */
  tly_election *owned, *owned_wi;
  tly_outcome *ob;
  const tly_outcome *ow;    /* ob when wi is base */
  tly_outcome *owned_ow;
  bool any; /* some what-if field was given */
  char note[512];
} scenario;

/* Whether `key` is a what-if field (a key of the library's what-if
 * specification). */
bool api_whatif_key(const char *key);
/* In p, parsed from the JSON body b[0..n), replaces every top-level
 * what-if field holding a real number by a string of the number as
 * written (so 0.1234567891 reaches the library as that text, never
 * through a double). */
void api_raw_reals(const char *b, size_t n, json_t *p);
/* api_check_keys for an endpoint over a scenario: "year", "source", every
 * what-if field the library knows, and the endpoint's own `extra` keys
 * (NULL-terminated; NULL for none). */
bool api_check_scenario_keys(json_t *p, const char *const *extra,
                             srv_response *rs);
/* The built-in election cached by srv_init, or NULL. */
const tly_election *api_cached(int year, tly_source source);
/* The list of built-in years (tly_json_years), made by srv_init (empty
 * before). */
const srv_buf *api_years_json(void);
/* The latest built-in year. */
int api_latest_year(void);
/* Loads the election p names and applies its what-if fields (when
 * `whatif`), computing both Colleges. false after answering an error. */
bool api_scenario_load(json_t *p, bool whatif, scenario *sc,
                       srv_response *rs);
void api_scenario_free(scenario *sc);

/*---- endpoints (handlers.c, h_forecast.c) ----*/

typedef void (*handler)(json_t *p, srv_response *rs);

/* What a heavy endpoint knows of its request besides the parameters. */
typedef struct api_ctx {
  const atomic_bool *gone; /* set once the client has gone; or NULL */
} api_ctx;
/* true once the request's client has gone: its answer will not be read,
 * so a long computation may stop (and answer anything). */
bool api_gone(const api_ctx *cx);
/* api_gone as a library cancellation hook (a tly_forecast_opts `cancel`
 * with `cancel_ud` the api_ctx): thread-safe, it only reads an atomic. */
bool api_cancel(void *cx);
/* A heavy endpoint (a forecast): srv_handle runs only so many at once,
 * and gives it its context. */
typedef void (*heavy_handler)(const api_ctx *cx, json_t *p,
                              srv_response *rs);
void api_h_years(json_t *p, srv_response *rs);
void api_h_result(json_t *p, srv_response *rs);
void api_h_whatif(json_t *p, srv_response *rs);
void api_h_map(json_t *p, srv_response *rs);
void api_h_bar(json_t *p, srv_response *rs);
void api_h_apportion(json_t *p, srv_response *rs);
void api_h_flip(json_t *p, srv_response *rs);
void api_h_tipping(json_t *p, srv_response *rs);
void api_h_power(json_t *p, srv_response *rs);
void api_h_forecast(const api_ctx *cx, json_t *p, srv_response *rs);
void api_h_forecast_hist(const api_ctx *cx, json_t *p, srv_response *rs);
void api_h_forecast_map(const api_ctx *cx, json_t *p, srv_response *rs);
/* h_geo.c: the geographic map's shapes and its county layer. */
void api_h_geo(json_t *p, srv_response *rs);
void api_h_counties_svg(json_t *p, srv_response *rs);

#endif
