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
      b->oom = true;
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

/* The length of the UTF-8 sequence at s[0..n) (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
  if (s[0] < 0x80)
    return 1;
  size_t len = s[0] >= 0xC2 && s[0] <= 0xDF   ? 2
               : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                              : 0;
  if (len == 0 || len > n)
    return 0;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  if ((s[0] == 0xE0 && s[1] < 0xA0) || /* overlong */
      (s[0] == 0xED && s[1] > 0x9F) || /* U+D800..U+DFFF */
      (s[0] == 0xF0 && s[1] < 0x90) || /* overlong */
      (s[0] == 0xF4 && s[1] > 0x8F))   /* above U+10FFFF */
    return 0;
  return len;
}

bool api_utf8_ok(const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    size_t k = utf8_seq(p + i, n - i);
    if (k == 0)
      return false;
    i += k;
  }
  return true;
}

/* json_dump_callback's writer: into the srv_buf ud. */
static int dump_cb(const char *p, size_t n, void *ud)
{
  return srv_buf_write(ud, p, n);
}

/* Answers with a JSON error {"error": msg, "status": n[, "code": name]}.
 * A message quoting the request's bytes may not be UTF-8 (or be cut inside
 * a character): such bytes become '?', so it is always JSON. */
void api_fail_code(srv_response *rs, unsigned status, const char *code,
                      const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  size_t n = strlen(msg);
  for (size_t i = 0; i < n;) {
    size_t k = utf8_seq((const unsigned char *)msg + i, n - i);
    if (k == 0) {
      msg[i] = '?';
      k = 1;
    }
    i += k;
  }
  srv_response_free(rs);
  rs->status = status;
  rs->type = TYPE_JSON;
  rs->fixed = NULL;
  json_t *o = json_pack("{s:s, s:i}", "error", msg, "status", (int)status);
  bool ok = o != NULL;
  if (ok && code != NULL)
    ok = json_object_set_new(o, "code", json_string(code)) == 0;
  /* Through srv_buf, whose failure is sticky: jansson 2.14's json_dumps
   * can return a string with a key missing when memory runs out (it does
   * not check each key's write), which would be malformed JSON. */
  srv_buf b = {0};
  ok = ok && json_dump_callback(o, dump_cb, &b, JSON_SORT_KEYS) == 0 &&
       srv_buf_write(&b, "\n", 1) == 0 && !b.over;
  json_decref(o);
  if (!ok) { /* out of memory: a static answer */
    static const char oom[] = "{\"error\": \"out of memory\", "
                              "\"status\": 503}\n";
    srv_buf_free(&b);
    rs->status = 503;
    rs->fixed = (const unsigned char *)oom;
    rs->len = sizeof oom - 1;
    return;
  }
  rs->body = b.p;
  rs->len = b.len;
}


/* A library failure: bad input is the client's (400), the rest ours. */
void api_fail_tly(srv_response *rs, const tly_error *err)
{
  unsigned status;
  switch (err->status) {
  case TLY_ENOMEM:
  case TLY_ECANCELED: /* the client has gone: nobody reads this */
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

/* A failure while writing into b (freed here): memory running out in b
 * is 503 and its cap 500, whatever the library made of its writer's
 * failure (TLY_EIO); otherwise as api_fail_tly. */
void api_fail_buf(srv_response *rs, srv_buf *b, const tly_error *err)
{
  bool oom = b->oom;
  bool over = b->over;
  srv_buf_free(b);
  if (oom)
    fail(rs, 503, "out of memory");
  else if (over)
    fail(rs, 500, "response too large");
  else
    api_fail_tly(rs, err);
}

/* Hands a filled buffer over as the body (or fails on its cap). */
void api_ok_buf(srv_response *rs, srv_buf *b, const char *type)
{
  if (b->over) {
    bool oom = b->oom;
    srv_buf_free(b);
    if (oom)
      fail(rs, 503, "out of memory");
    else
      fail(rs, 500, "response too large");
    return;
  }
  rs->status = 200;
  rs->type = type;
  rs->body = b->p;
  rs->len = b->len;
  b->p = NULL;
}
