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
/* Hands a filled buffer over as the body (or fails on its cap). */
void api_ok_buf(srv_response *rs, srv_buf *b, const char *type);

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
/* {"WI": "D", ...} into out[MAX_LIST]. */
int api_get_assign(json_t *p, const char *key, tly_assign *out, size_t *n,
                   srv_response *rs);
/* x as an exact decimal num / den (den = 10^k, k <= 9). */
bool api_decimal_of(double x, int64_t *num, int64_t *den);

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
  /* storage the what-if options point into */
  const char *without[MAX_LIST];
  tly_assign set[MAX_LIST], tie[MAX_LIST];
  const char *npv_codes[MAX_LIST];
} scenario;

/* The keys of a scenario: the election and every what-if field. */
extern const char *const api_scenario_keys[];
/* The built-in election cached by srv_init, or NULL. */
const tly_election *api_cached(int year, tly_source source);
/* The latest built-in year. */
int api_latest_year(void);
/* Loads the election p names and applies its what-if fields (when
 * `whatif`), computing both Colleges. false after answering an error. */
bool api_scenario_load(json_t *p, bool whatif, scenario *sc,
                       srv_response *rs);
void api_scenario_free(scenario *sc);

/*---- endpoints (handlers.c, h_forecast.c) ----*/

typedef void (*handler)(json_t *p, srv_response *rs);
void api_h_years(json_t *p, srv_response *rs);
void api_h_result(json_t *p, srv_response *rs);
void api_h_whatif(json_t *p, srv_response *rs);
void api_h_map(json_t *p, srv_response *rs);
void api_h_bar(json_t *p, srv_response *rs);
void api_h_apportion(json_t *p, srv_response *rs);
void api_h_flip(json_t *p, srv_response *rs);
void api_h_tipping(json_t *p, srv_response *rs);
void api_h_power(json_t *p, srv_response *rs);
void api_h_forecast(json_t *p, srv_response *rs);
void api_h_forecast_hist(json_t *p, srv_response *rs);
void api_h_forecast_map(json_t *p, srv_response *rs);

#endif
