/*
 * wasm.c -- the page's entry into tally compiled to WebAssembly (make web):
 * one request in, one answer out, through the very handler `tally serve`
 * answers with (server/api.c, srv_handle), so the page shows the bytes the
 * server's JSON API and the CLI's --json print. Strings cross as UTF-8 in
 * linear memory: the page allocates with tly_web_alloc, calls
 * tly_web_request, then reads tly_web_status/type/body/len.
 */
#include "server.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name), visibility("default")))

/* Debian's libclang_rt.builtins-wasm32.a is built with stack protection:
 * the guard and the handler it calls on a smashed stack. */
uintptr_t __stack_chk_guard = 0x5a17e3c1u;
void __stack_chk_fail(void);
void __stack_chk_fail(void)
{
  __builtin_trap(); /* a WebAssembly trap: the page reports the error */
}

/* The last answer, kept until the next request (the page copies it out). */
static srv_response last;

EXPORT("tly_web_alloc") void *tly_web_alloc(size_t n);
void *tly_web_alloc(size_t n)
{
  return malloc(n > 0 ? n : 1);
}

EXPORT("tly_web_free") void tly_web_free(void *p);
void tly_web_free(void *p)
{
  free(p);
}

/* Loads the built-in elections once (srv_init), so a request does not
 * parse its year's data again; 0, or -1 when one fails to load (requests
 * then load their own, as the server does). */
EXPORT("tly_web_init") int tly_web_init(void);
int tly_web_init(void)
{
  return srv_init();
}

/* Answers `method` `path` (no query string: parameters go in the JSON
 * body of a POST) with body[0..len) (NUL-terminated by the caller). The
 * answer's status is returned; its bytes stay until the next call. */
EXPORT("tly_web_request") unsigned tly_web_request(const char *method,
                                                     const char *path,
                                                     const char *body,
                                                     size_t len);
unsigned tly_web_request(const char *method, const char *path,
                         const char *body, size_t len)
{
  srv_response_free(&last);
  srv_request rq = {.method = method,
                    .path = path,
                    .body = body != NULL ? body : "",
                    .body_len = body != NULL ? len : 0};
  srv_handle(&rq, &last);
  return last.status;
}

EXPORT("tly_web_type") const char *tly_web_type(void);
const char *tly_web_type(void)
{
  return last.type != NULL ? last.type : "";
}

EXPORT("tly_web_body") const void *tly_web_body(void);
const void *tly_web_body(void)
{
  return last.body != NULL ? (const void *)last.body
                           : (const void *)last.fixed;
}

EXPORT("tly_web_len") size_t tly_web_len(void);
size_t tly_web_len(void)
{
  return last.len;
}
