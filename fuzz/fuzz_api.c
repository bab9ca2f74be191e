/*
 * fuzz_api.c -- libFuzzer harness for the server's request handler
 * (srv_handle, server/api.c), below the HTTP library. An input is a
 * request as text: "METHOD PATH[?QUERY]", a line end, then the body; the
 * query is split at '&' and '=' and %XX-decoded as libmicrohttpd (and
 * server/http.c) would. Every allocation of the server and of the
 * library's default allocator goes through fz_sys_* below (see
 * sysalloc.h), so one of them fails per input, and nothing (jansson's
 * included) may be left outstanding. Checks: a status from the API's set; a JSON body that
 * parses; a 5xx only when an allocation failed, and then only 503 (out of
 * memory); a failure never turns into another 200 answer.
 */
#include "fuzz.h"
#include "server.h"
#include "sysalloc.h"

#include <jansson.h>
#include <pthread.h>

/* Undo sysalloc.h here: this file calls the C library itself. */
#undef malloc
#undef calloc
#undef realloc
#undef free

/*---- the C library's allocation calls, counted (sysalloc.h) ----*/

/* To fz_cur (fuzz.h): fz_idle before any input (srv_init's cache), the
 * run's state while one runs. The forecast's worker threads allocate too:
 * one at a time. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void *fz_sys_realloc(void *p, size_t n)
{
  pthread_mutex_lock(&lock);
  size_t old = p != NULL ? ((fz_head *)p - 1)->size : 0;
  void *q = NULL;
  if (n > 0)
    q = fz_realloc(fz_cur, p, old, n);
  else
    fz_realloc(fz_cur, p, old, 0);
  pthread_mutex_unlock(&lock);
  return q;
}

/* jansson's allocations: counted, but never failed here. jansson 2.14
 * (Debian 12) aborts on an assertion (load.c lex_scan_string, "assert(0)")
 * when an allocation fails while it reads a string with an escape, so
 * failing them would only find that again; they fail in the library's
 * harnesses, where jansson writes but never reads. */
static void *jansson_malloc(size_t n)
{
  pthread_mutex_lock(&lock);
  fz_head *h = malloc(sizeof(fz_head) + (n > 0 ? n : 1));
  if (h != NULL) {
    h->size = n > 0 ? n : 1;
    fz_cur->blocks++;
    fz_cur->bytes += (int64_t)h->size;
  }
  pthread_mutex_unlock(&lock);
  return h != NULL ? h + 1 : NULL;
}

void *fz_sys_malloc(size_t n)
{
  return fz_sys_realloc(NULL, n > 0 ? n : 1);
}

void *fz_sys_calloc(size_t count, size_t size)
{
  if (size != 0 && count > SIZE_MAX / size)
    return NULL;
  void *p = fz_sys_malloc(count * size);
  if (p != NULL)
    memset(p, 0, count * size);
  return p;
}

void fz_sys_free(void *p)
{
  if (p != NULL)
    fz_sys_realloc(p, 0);
}

/*---- requests from text ----*/

static int hexval(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* %XX-decodes s in place (not %00, as server/http.c). */
static void unescape(char *s)
{
  char *w = s;
  const char *r = s;
  while (*r != '\0') {
    int hi = r[0] == '%' ? hexval(r[1]) : -1;
    int lo = hi >= 0 ? hexval(r[2]) : -1;
    if (lo >= 0 && (hi | lo) != 0) {
      *w++ = (char)(hi * 16 + lo);
      r += 3;
    } else {
      *w++ = *r++;
    }
  }
  *w = '\0';
}

/* The answer without the failure, to compare with. */
static unsigned first_status;
static fz_out first_body;

static bool known_status(unsigned s)
{
  static const unsigned ok[] = {200, 400, 404, 405, 413, 422, 500, 503};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    if (s == ok[i])
      return true;
  return false;
}

/* Whether the input asks for a forecast that may take seconds: Student-t
 * or regional factors (the exact method integrates over each), or the
 * default 100,000 simulations (issue 10, item 16, bounds such work). The
 * model and its options are fuzzed apart (fuzz_forecast.c); here such
 * requests are skipped, to keep the fuzzer's pace. */
static bool heavy(const uint8_t *d, size_t n)
{
  static const char *const words[] = {"\"df\"", "\"regions\"",
                                      "region_sd", "/api/forecast"};
  bool has[4] = {false, false, false, false};
  for (size_t w = 0; w < 4; w++) {
    size_t k = strlen(words[w]);
    for (size_t i = 0; i + k <= n && !has[w]; i++)
      has[w] = memcmp(d + i, words[w], k) == 0;
  }
  bool sims = false;
  for (size_t i = 0; i + 6 <= n && !sims; i++)
    sims = memcmp(d + i, "\"sims\"", 6) == 0;
  return has[3] && (has[0] || has[1] || has[2] || !sims);
}

static tly_status run(const tly_allocator *a, const uint8_t *d, size_t n)
{
  /* The request line and the body, as C strings (the harness's memory). */
  const uint8_t *eol = memchr(d, '\n', n);
  size_t head_len = eol != NULL ? (size_t)(eol - d) : n;
  char *head = malloc(head_len + 1);
  size_t body_len = eol != NULL ? n - head_len - 1 : 0;
  char *body = malloc(body_len + 1);
  FZ_CHECK(head != NULL && body != NULL, "harness out of memory");
  memcpy(head, d, head_len);
  head[head_len] = '\0';
  if (body_len > 0)
    memcpy(body, eol + 1, body_len);
  body[body_len] = '\0';
  char *sp = strchr(head, ' ');
  const char *method = sp != NULL ? head : "GET";
  char *url = sp != NULL ? sp + 1 : head;
  if (sp != NULL)
    *sp = '\0';
  srv_kv kv[SRV_MAX_QUERY];
  size_t nkv = 0;
  bool overflow = false;
  char *q = strchr(url, '?');
  if (q != NULL) {
    *q++ = '\0';
    while (*q != '\0') {
      char *amp = strchr(q, '&');
      if (amp != NULL)
        *amp = '\0';
      char *eq = strchr(q, '=');
      if (eq != NULL)
        *eq = '\0';
      if (*q != '\0') {
        if (nkv == SRV_MAX_QUERY) {
          overflow = true;
        } else {
          unescape(q);
          if (eq != NULL)
            unescape(eq + 1);
          kv[nkv].key = q;
          kv[nkv].value = eq != NULL ? eq + 1 : "";
          nkv++;
        }
      }
      if (amp == NULL)
        break;
      q = amp + 1;
    }
  }
  unescape(url);
  srv_request rq = {.method = method,
                    .path = url,
                    .query = kv,
                    .n_query = nkv,
                    .query_overflow = overflow,
                    .body = body,
                    .body_len = body_len};
  srv_response rs;
  fz_alloc *st = a->ud;
  srv_handle(&rq, &rs);
  FZ_CHECK(known_status(rs.status), "status %u", rs.status);
  FZ_CHECK(rs.type != NULL, "no Content-Type (status %u)", rs.status);
  const char *p = rs.body != NULL ? rs.body : (const char *)rs.fixed;
  FZ_CHECK(p != NULL || rs.len == 0, "no body (status %u)", rs.status);
  if (getenv("FZ_VERBOSE") != NULL) /* to see what a seed reaches */
    fprintf(stderr, "allocation %llu failing: %u %.*s\n",
            (unsigned long long)st->fail_at, rs.status,
            (int)rs.len, p);
  char why[300];
  if (strncmp(rs.type, "application/json", 16) == 0)
    FZ_CHECK(fz_json_ok(p, rs.len, why, sizeof why),
             "status %u: the JSON does not parse: %s", rs.status, why);
  tly_status s = TLY_OK;
  if (st->fail_at == 0) {
    FZ_CHECK(rs.status < 500, "status %u with no allocation failing: %.*s",
             rs.status, (int)(rs.len < 300 ? rs.len : 300), p);
    first_status = rs.status;
    first_body.len = 0;
    FZ_CHECK(fz_out_write(&first_body, p != NULL ? p : "", rs.len) == 0,
             "harness out of memory");
  } else {
    /* Out of memory must say so (503), or give the same answer as
     * without the failure. A 4xx is let pass: jansson 2.14's reader
     * reports some failed allocations as a syntax error ("string or '}'
     * expected"), which the server cannot tell from one. Never a 500, nor
     * another 200. */
    size_t fl = first_body.len;
    bool same = rs.status == first_status && rs.len == fl &&
                memcmp(p, first_body.p, rs.len) == 0;
    FZ_CHECK(!st->failed || rs.status == 503 || same ||
                 (rs.status >= 400 && rs.status < 500),
             "allocation %llu failing: status %u, want 503 (or the status "
             "%u without the failure): %.*s",
             (unsigned long long)st->fail_at, rs.status, first_status,
             (int)(rs.len < 300 ? rs.len : 300), p);
    s = TLY_ENOMEM; /* what fz_run expects once the failure is answered */
  }
  srv_response_free(&rs);
  free(head);
  free(body);
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static bool ready;
  if (!ready) {
    json_set_alloc_funcs(jansson_malloc, fz_sys_free); /* thread-safe */
    FZ_CHECK(srv_init() == 0, "srv_init failed");
    ready = true;
  }
  if (!heavy(data, size))
    fz_run(run, data, size);
  return 0;
}
