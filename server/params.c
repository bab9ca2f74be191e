/*
 * params.c -- a request's parameters: the query string or the JSON body as one
 * JSON object, and typed, range-checked readers of its fields.
 */
#include "api.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*==== Parameters ==========================================================*/

typedef enum { K_INT, K_NUM, K_BOOL, K_STR, K_LIST, K_MAP } kind;

/* Every parameter the API knows, and how a query string spells it. */
static const struct {
  const char *key;
  kind k;
} known[] = {
    {"year", K_INT},      {"source", K_STR},   {"without", K_LIST},
    {"reapportion", K_BOOL}, {"census", K_INT}, {"seats", K_INT},
    {"method", K_STR},    {"rule", K_STR},     {"npv", K_STR},
    {"swing", K_STR},     {"set", K_MAP},      {"tie", K_MAP},
    {"to", K_STR},        {"target", K_STR},   {"next", K_INT},
    {"priority", K_BOOL}, {"title", K_STR},    {"index", K_STR},
    {"units", K_STR},
    {"drop", K_STR},      {"delegation", K_MAP},
    {"split", K_STR}, /* the redraw (redraw.c): one text each */
    {"move", K_STR},
    {"merge", K_STR},
    {"admit", K_STR},
    {"layer", K_STR}, /* /api/geo: states or counties */
    {"geo", K_BOOL},  /* /api/map.svg: the geographic map */
};

static int key_kind(const char *key)
{
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (strcmp(known[i].key, key) == 0)
      return (int)known[i].k;
  return -1;
}

/* Splits "CA,NY" into a JSON array of strings, keeping empty items
 * ("CA,,NY" has three, so the reader refuses it as the CLI does; an
 * empty value is an empty list); NULL when an item cannot be made (out
 * of memory, or not UTF-8), never a shorter list. */
static json_t *split_list(const char *s)
{
  json_t *a = json_array();
  for (bool more = *s != '\0'; a != NULL && more;) {
    const char *c = strchr(s, ',');
    size_t n = c != NULL ? (size_t)(c - s) : strlen(s);
    if (json_array_append_new(a, json_stringn(s, n)) != 0) {
      json_decref(a);
      return NULL;
    }
    more = c != NULL;
    s += n + more;
  }
  return a;
}

/* A strict decimal integer (optional '-'), or false. */
static bool parse_int(const char *s, long long *out)
{
  bool neg = *s == '-';
  const char *p = s + neg;
  if (*p == '\0')
    return false;
  long long v = 0;
  for (; *p != '\0'; p++) {
    if (*p < '0' || *p > '9' || v > 99999999999LL)
      return false;
    v = v * 10 + (*p - '0');
  }
  *out = neg ? -v : v;
  return true;
}

/* Whether s is valid UTF-8, as jansson requires of a string: when it
 * is, jansson failing to make the string means memory ran out. */
static bool utf8_valid(const char *s)
{
  return api_utf8_ok(s, strlen(s));
}

/* The query string as a parameter object; NULL after answering 400. */
json_t *api_params_from_query(const srv_request *rq, srv_response *rs)
{
  if (rq->query_overflow) {
    fail(rs, 400, "too many query parameters (at most %d)", SRV_MAX_QUERY);
    return NULL;
  }
  json_t *o = json_object();
  if (o == NULL) {
    fail(rs, 503, "out of memory");
    return NULL;
  }
  for (size_t i = 0; i < rq->n_query; i++) {
    const char *k = rq->query[i].key;
    const char *v = rq->query[i].value;
    if (!api_utf8_ok(k, strlen(k)) || !api_utf8_ok(v, strlen(v))) {
      json_decref(o);
      fail(rs, 400, "query parameter \"%.64s\": the %s is not UTF-8 text",
           k, api_utf8_ok(k, strlen(k)) ? "value" : "name");
      return NULL;
    }
    int kk = key_kind(k);
    json_t *x = NULL;
    long long n;
    bool made = true; /* x can be made from v: NULL is out of memory */
    switch (kk) {
    case K_INT:
      made = parse_int(v, &n);
      if (made)
        x = json_integer(n);
      break;
    case K_NUM: {
      char *end;
      double d = strtod(v, &end);
      made = *v != '\0' && *end == '\0' && isfinite(d);
      if (made)
        x = json_real(d);
      break;
    }
    case K_BOOL:
      if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || *v == '\0')
        x = json_true();
      else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
        x = json_false();
      break;
    case K_STR:
      x = json_string(v);
      break;
    case K_LIST:
      x = split_list(v);
      break;
    case K_MAP: { /* "WI:D,MI:D" or "WI=D" */
      json_t *l = split_list(v);
      x = l != NULL ? json_object() : NULL;
      size_t j;
      json_t *it;
      json_array_foreach(l, j, it)
      {
        const char *s = json_string_value(it);
        const char *sep = strpbrk(s, ":=");
        if (sep == NULL || sep == s || sep[1] == '\0') {
          json_decref(x);
          x = NULL;
          break;
        }
        char code[16];
        size_t cn = (size_t)(sep - s);
        if (cn < sizeof code) {
          memcpy(code, s, cn);
          code[cn] = '\0';
        }
        if (cn >= sizeof code ||
            json_object_set_new(x, code, json_string(sep + 1)) != 0) {
          json_decref(x);
          x = NULL;
          break;
        }
      }
      json_decref(l);
      break;
    }
    default:
      json_decref(o);
      fail(rs, 400, "unknown parameter \"%.64s\"", k);
      return NULL;
    }
    if (x == NULL && made && utf8_valid(v) && kk != K_BOOL &&
        kk != K_MAP) { /* a map's items are checked as well */
      json_decref(o);
      fail(rs, 503, "out of memory");
      return NULL;
    }
    if (x == NULL && api_whatif_key(k)) { /* the library judges it */
      x = json_string(v);
      if (x == NULL && utf8_valid(v)) {
        json_decref(o);
        fail(rs, 503, "out of memory");
        return NULL;
      }
    }
    if (x == NULL) {
      json_decref(o);
      fail(rs, 400, "parameter %s: bad value \"%.64s\"", k, v);
      return NULL;
    }
    if (json_object_get(o, k) != NULL) {
      json_decref(x);
      json_decref(o);
      fail(rs, 400, "parameter %s given twice", k);
      return NULL;
    }
    if (json_object_set_new(o, k, x) != 0) {
      json_decref(o);
      fail(rs, 503, "out of memory");
      return NULL;
    }
  }
  return o;
}

/* The POST body as a parameter object; NULL after answering 400. */
json_t *api_params_from_body(const srv_request *rq, srv_response *rs)
{
  size_t i = 0;
  while (i < rq->body_len && strchr(" \t\r\n", rq->body[i]) != NULL)
    i++;
  if (i == rq->body_len)
    return json_object();
  json_error_t je;
  json_t *o = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
  /* Out of memory: jansson 2.14 says so, or (when its reader cannot even
   * start) leaves the error's text empty. */
  if (o == NULL && (json_error_code(&je) == json_error_out_of_memory ||
                    je.text[0] == '\0')) {
    fail(rs, 503, "out of memory");
    return NULL;
  }
  if (o == NULL) {
    fail(rs, 400, "malformed JSON at line %d, column %d: %s", je.line,
         je.column, je.text);
    return NULL;
  }
  if (!json_is_object(o)) {
    json_decref(o);
    fail(rs, 400, "the body must be a JSON object");
    return NULL;
  }
  return o;
}

/* Refuses keys the endpoint does not take (a typo should not be ignored).
 * `allowed` is a NULL-terminated list. */
bool api_check_keys(json_t *p, const char *const *allowed,
                       srv_response *rs)
{
  const char *k;
  json_t *v;
  json_object_foreach(p, k, v)
  {
    bool ok = false;
    for (size_t i = 0; allowed[i] != NULL && !ok; i++)
      ok = strcmp(allowed[i], k) == 0;
    if (!ok) {
      fail(rs, 400, "unknown field \"%.64s\" for this endpoint", k);
      return false;
    }
  }
  return true;
}

/* An integer field in [lo, hi]: 0 absent, 1 read, -1 answered 400. */
int api_get_int(json_t *p, const char *key, long long lo, long long hi,
                   long long *out, srv_response *rs)
{
  json_t *v = json_object_get(p, key);
  if (v == NULL || json_is_null(v))
    return 0;
  if (!json_is_integer(v) || json_integer_value(v) < lo ||
      json_integer_value(v) > hi) {
    fail(rs, 400, "%s must be an integer from %lld to %lld", key, lo, hi);
    return -1;
  }
  *out = json_integer_value(v);
  return 1;
}

int api_get_num(json_t *p, const char *key, double lo, double hi,
                   double *out, srv_response *rs)
{
  json_t *v = json_object_get(p, key);
  if (v == NULL || json_is_null(v))
    return 0;
  if (!json_is_number(v) || !(json_number_value(v) >= lo) ||
      !(json_number_value(v) <= hi)) {
    fail(rs, 400, "%s must be a number from %g to %g", key, lo, hi);
    return -1;
  }
  *out = json_number_value(v);
  return 1;
}

int api_get_bool(json_t *p, const char *key, bool *out, srv_response *rs)
{
  json_t *v = json_object_get(p, key);
  if (v == NULL || json_is_null(v))
    return 0;
  if (!json_is_boolean(v)) {
    fail(rs, 400, "%s must be true or false", key);
    return -1;
  }
  *out = json_is_true(v);
  return 1;
}

int api_get_str(json_t *p, const char *key, const char **out,
                   srv_response *rs)
{
  json_t *v = json_object_get(p, key);
  if (v == NULL || json_is_null(v))
    return 0;
  if (!json_is_string(v) || json_string_length(v) > 4000) {
    fail(rs, 400, "%s must be a string", key);
    return -1;
  }
  *out = json_string_value(v);
  return 1;
}

/* Reads a list of strings (or one comma-separated string) into out. */
int api_get_list(json_t *p, const char *key, const char **out,
                    size_t *n, srv_response *rs)
{
  json_t *v = json_object_get(p, key);
  *n = 0;
  if (v == NULL || json_is_null(v))
    return 0;
  if (json_is_string(v)) { /* one code */
    out[(*n)++] = json_string_value(v);
    return 1;
  }
  if (!json_is_array(v) || json_array_size(v) > MAX_LIST) {
    fail(rs, 400, "%s must be a list of at most %d codes", key, MAX_LIST);
    return -1;
  }
  size_t i;
  json_t *x;
  json_array_foreach(v, i, x)
  {
    if (!json_is_string(x)) {
      fail(rs, 400, "%s must be a list of codes (strings)", key);
      return -1;
    }
    out[(*n)++] = json_string_value(x);
  }
  return 1;
}
