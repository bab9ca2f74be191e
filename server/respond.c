/*
 * respond.c -- the API's answers: a capped output buffer usable as a
 * tly_writer, JSON error bodies and the mapping of library failures to
 * HTTP statuses.
 */
#include "api.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*==== Buffers and responses ===============================================*/

int srv_buf_write(void *ud, const char *p, size_t n)
{
  srv_buf *b = ud;
  if (b->over || n > SRV_MAX_OUTPUT || b->len + n > SRV_MAX_OUTPUT) {
    b->over = true;
    return 1;
  }
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n + 1)
      cap *= 2;
    char *q = realloc(b->p, cap);
    if (q == NULL) {
      b->over = true;
      return 1;
    }
    b->p = q;
    b->cap = cap;
  }
  memcpy(b->p + b->len, p, n);
  b->len += n;
  b->p[b->len] = '\0';
  return 0;
}

void srv_buf_free(srv_buf *b)
{
  free(b->p);
  memset(b, 0, sizeof *b);
}

void srv_response_free(srv_response *rs)
{
  free(rs->body);
  rs->body = NULL;
}

/* Answers with a JSON error {"error": msg, "status": n[, "code": name]}. */
void api_fail_code(srv_response *rs, unsigned status, const char *code,
                      const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  srv_response_free(rs);
  rs->status = status;
  rs->type = TYPE_JSON;
  rs->fixed = NULL;
  json_t *o = json_pack("{s:s, s:i}", "error", msg, "status", (int)status);
  if (o != NULL && code != NULL)
    json_object_set_new(o, "code", json_string(code));
  rs->body = o != NULL ? json_dumps(o, JSON_SORT_KEYS) : NULL;
  json_decref(o);
  if (rs->body == NULL) { /* out of memory: a static answer */
    static const char oom[] = "{\"error\": \"out of memory\", "
                              "\"status\": 503}";
    rs->status = 503;
    rs->fixed = (const unsigned char *)oom;
    rs->len = sizeof oom - 1;
    return;
  }
  rs->len = strlen(rs->body);
  char *nl = realloc(rs->body, rs->len + 2); /* end with a newline */
  if (nl != NULL) {
    nl[rs->len++] = '\n';
    nl[rs->len] = '\0';
    rs->body = nl;
  }
}


/* A library failure: bad input is the client's (400), the rest ours. */
void api_fail_tly(srv_response *rs, const tly_error *err)
{
  unsigned status;
  switch (err->status) {
  case TLY_ENOMEM:
    status = 503;
    break;
  case TLY_EIO:
    status = 500;
    break;
  case TLY_ENODATA:
    status = 404;
    break;
  default:
    status = 400;
  }
  api_fail_code(rs, status, tly_status_name(err->status), "%s",
            err->msg[0] != '\0' ? err->msg : tly_status_str(err->status));
}

/* Hands a filled buffer over as the body (or fails on its cap). */
void api_ok_buf(srv_response *rs, srv_buf *b, const char *type)
{
  if (b->over) {
    srv_buf_free(b);
    fail(rs, 500, "response too large");
    return;
  }
  rs->status = 200;
  rs->type = type;
  rs->body = b->p;
  rs->len = b->len;
  b->p = NULL;
}
