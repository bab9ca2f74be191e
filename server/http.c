/*
 * http.c -- the daemon of `tally serve` on GNU libmicrohttpd (no HTTP
 * parsing of our own): binds loopback unless told otherwise, caps request
 * bodies (413 past SRV_MAX_BODY), connection memory, connections (in all
 * and per client address) and idle time, gives a request a deadline to
 * arrive whole (slowloris), refuses an ambiguous length (RFC 9112 6.3),
 * refuses Host names other than its own on loopback (DNS rebinding), hands
 * each complete request to srv_handle and tells it when its client is gone.
 * The library is opened when the server starts (mhd_open), not linked.
 */
#define _GNU_SOURCE /* POLLRDHUP (Linux): the peer closed its side */
#include "server.h"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

/* libmicrohttpd is opened when the server starts (dlopen), not linked:
 * loading it, and GnuTLS, which it loads and which initializes itself on
 * load, cost every other command about 4 ms at start-up. Its functions
 * are called through this table, under their own names. */
#define MHD_SONAME "libmicrohttpd.so.12"
#define MHD_FUNCS(X)                                                       \
  X(MHD_start_daemon)                                                      \
  X(MHD_stop_daemon)                                                       \
  X(MHD_get_daemon_info)                                                   \
  X(MHD_get_connection_info)                                               \
  X(MHD_get_connection_values)                                             \
  X(MHD_lookup_connection_value)                                           \
  X(MHD_create_response_from_buffer)                                       \
  X(MHD_add_response_header)                                               \
  X(MHD_queue_response)                                                    \
  X(MHD_destroy_response)
#define MHD_FIELD(f) __typeof__(f) *f_##f;
static struct {
  MHD_FUNCS(MHD_FIELD)
} mhd;
#define MHD_start_daemon (*mhd.f_MHD_start_daemon)
#define MHD_stop_daemon (*mhd.f_MHD_stop_daemon)
#define MHD_get_daemon_info (*mhd.f_MHD_get_daemon_info)
#define MHD_get_connection_info (*mhd.f_MHD_get_connection_info)
#define MHD_get_connection_values (*mhd.f_MHD_get_connection_values)
#define MHD_lookup_connection_value (*mhd.f_MHD_lookup_connection_value)
#define MHD_create_response_from_buffer (*mhd.f_MHD_create_response_from_buffer)
#define MHD_add_response_header (*mhd.f_MHD_add_response_header)
#define MHD_queue_response (*mhd.f_MHD_queue_response)
#define MHD_destroy_response (*mhd.f_MHD_destroy_response)

/* Opens libmicrohttpd and fills mhd: 0, or -1 with the reason on stderr. */
static int mhd_open(void)
{
  void *h = dlopen(MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (h == NULL) {
    fprintf(stderr, "tally: serve needs libmicrohttpd: %s\n", dlerror());
    return -1;
  }
#define MHD_LOAD(f)                                                        \
  *(void **)&mhd.f_##f = dlsym(h, #f);                                     \
  if (mhd.f_##f == NULL) {                                                 \
    fprintf(stderr, "tally: serve: %s has no %s\n", MHD_SONAME, #f);       \
    return -1;                                                             \
  }
  MHD_FUNCS(MHD_LOAD)
  return 0;
}

/*==== The watcher: deadlines, and clients that have gone ==================*/

/* libmicrohttpd's idle timeout is reset by every byte, so a client that
 * sends a header line every few seconds keeps its connection for ever;
 * and while a handler runs, its worker thread reads nothing, so nothing
 * notices that the client has closed. A watcher thread does both: every
 * WATCH_MS it shuts down (shutdown(2); libmicrohttpd then closes it) a
 * connection whose request has not arrived whole within the deadline
 * (unless bytes of it wait unread: its worker is busy, the delay ours), and
 * polls the sockets of requests being worked on for the peer's close
 * (POLLRDHUP), setting the request's `gone` flag. Slots are taken when
 * libmicrohttpd starts a connection and freed when it reports it closed,
 * which it does before closing the socket: the watcher touches a socket
 * only under `lock`, while its slot is taken, so never a reused one. */
#define WATCH_MS 100

enum { PH_FREE, PH_ARRIVING, PH_WORKING, PH_SENDING, PH_DROPPED };

typedef struct conn_slot {
  int fd;
  int phase;           /* PH_*, under the watcher's lock */
  int64_t since_ms;    /* PH_ARRIVING: when this request began */
  atomic_bool gone;    /* PH_WORKING: the client has closed */
} conn_slot;

typedef struct watcher {
  pthread_mutex_t lock;
  conn_slot slot[SRV_MAX_CONNECTIONS];
  int64_t deadline_ms; /* for a request to arrive whole */
  bool quiet;
  atomic_bool stop;
} watcher;

static int64_t now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *watch(void *arg)
{
  watcher *w = arg;
  struct pollfd pf[SRV_MAX_CONNECTIONS];
  conn_slot *of[SRV_MAX_CONNECTIONS];
  while (!atomic_load(&w->stop)) {
    struct timespec tick = {.tv_nsec = WATCH_MS * 1000000L};
    nanosleep(&tick, NULL);
    int64_t now = now_ms();
    size_t n = 0, n_dropped = 0;
    pthread_mutex_lock(&w->lock);
    for (size_t i = 0; i < SRV_MAX_CONNECTIONS; i++) {
      conn_slot *s = &w->slot[i];
      int unread = 0; /* bytes waiting on a busy worker: our delay */
      if (s->phase == PH_ARRIVING && now - s->since_ms > w->deadline_ms &&
          (ioctl(s->fd, FIONREAD, &unread) != 0 || unread == 0)) {
        shutdown(s->fd, SHUT_RDWR);
        s->phase = PH_DROPPED;
        n_dropped++;
      } else if (s->phase == PH_WORKING && !atomic_load(&s->gone)) {
        pf[n] = (struct pollfd){.fd = s->fd, .events = POLLRDHUP};
        of[n++] = s;
      }
    }
    if (n > 0 && poll(pf, (nfds_t)n, 0) > 0)
      for (size_t i = 0; i < n; i++)
        if ((pf[i].revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0)
          atomic_store(&of[i]->gone, true);
    pthread_mutex_unlock(&w->lock);
    if (n_dropped > 0 && !w->quiet)
      fprintf(stderr, "tally serve: closed %zu connection%s whose request "
                      "had not arrived within %lld s\n",
              n_dropped, n_dropped == 1 ? "" : "s",
              (long long)(w->deadline_ms / 1000));
  }
  return NULL;
}

/* Takes a slot for a new connection (libmicrohttpd's callback); a
 * connection without one (never, as the slots match the connection
 * limit) is shut down at once. */
static void on_connection(void *cls, struct MHD_Connection *c,
                          void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
  watcher *w = cls;
  conn_slot *s = *socket_context;
  if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
    if (s != NULL) {
      pthread_mutex_lock(&w->lock);
      s->phase = PH_FREE;
      s->fd = -1;
      pthread_mutex_unlock(&w->lock);
      *socket_context = NULL;
    }
    return;
  }
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
  if (ci == NULL)
    return;
  int fd = ci->connect_fd;
  pthread_mutex_lock(&w->lock);
  for (size_t i = 0; i < SRV_MAX_CONNECTIONS && s == NULL; i++) {
    if (w->slot[i].phase == PH_FREE) {
      s = &w->slot[i];
      s->fd = fd;
      s->phase = PH_ARRIVING;
      s->since_ms = now_ms();
      atomic_store(&s->gone, false);
    }
  }
  pthread_mutex_unlock(&w->lock);
  if (s == NULL)
    shutdown(fd, SHUT_RDWR);
  *socket_context = s;
}

static conn_slot *slot_of(struct MHD_Connection *c)
{
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return ci != NULL ? ci->socket_context : NULL;
}

/* Moves a connection to `phase` (from PH_DROPPED, nowhere: it is going). */
static void set_phase(watcher *w, struct MHD_Connection *c, int phase)
{
  conn_slot *s = slot_of(c);
  if (s == NULL)
    return;
  pthread_mutex_lock(&w->lock);
  if (s->phase != PH_DROPPED && s->phase != PH_FREE) {
    s->phase = phase;
    s->since_ms = now_ms();
    if (phase == PH_WORKING)
      atomic_store(&s->gone, false);
  }
  pthread_mutex_unlock(&w->lock);
}

/*==== Requests ============================================================*/

/* What the daemon knows, read-only once it runs. */
typedef struct daemon_ctx {
  bool loopback; /* bound to a loopback address: check Host */
  bool quiet;
  watcher *w;
} daemon_ctx;

/* A request being received. */
typedef struct conn_state {
  char *body;
  size_t len, cap;
  bool too_big;
  bool answered; /* a response was queued early (413) */
} conn_state;

/* Collects the query arguments (MHD decodes them). */
typedef struct query_ctx {
  srv_kv kv[SRV_MAX_QUERY];
  size_t n;
  bool overflow;
} query_ctx;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind,
                               const char *key, const char *value)
{
  (void)kind;
  query_ctx *q = cls;
  if (q->n == SRV_MAX_QUERY) {
    q->overflow = true;
    return MHD_NO;
  }
  q->kv[q->n].key = key;
  q->kv[q->n].value = value != NULL ? value : "";
  q->n++;
  return MHD_YES;
}

/* Counts the headers that frame a body. */
typedef struct header_count {
  int content_length, transfer_encoding;
} header_count;

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind,
                                     const char *key, const char *value)
{
  (void)kind;
  (void)value;
  header_count *hc = cls;
  if (strcasecmp(key, "Content-Length") == 0)
    hc->content_length++;
  else if (strcasecmp(key, "Transfer-Encoding") == 0)
    hc->transfer_encoding++;
  return MHD_YES;
}

/* Whether a Host header names this loopback server ("127.0.0.1:8080",
 * "localhost", "[::1]:8080"). */
static bool host_ok(const char *host)
{
  static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
  for (size_t i = 0; i < 3; i++) {
    size_t n = strlen(names[i]);
    if (strncasecmp(host, names[i], n) != 0)
      continue;
    const char *p = host + n;
    if (*p == '\0')
      return true;
    if (*p != ':' || p[1] == '\0')
      return false;
    for (p++; *p != '\0'; p++)
      if (*p < '0' || *p > '9')
        return false;
    return true;
  }
  return false;
}

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

/* Decodes %XX in the path and the arguments as MHD would, except %00: a
 * NUL would cut "/app.js%00.html" short to "/app.js", so it stays
 * undecoded (and such a path matches nothing). */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
  (void)cls;
  (void)c;
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
  return (size_t)(w - s);
}

static enum MHD_Result send_response(struct MHD_Connection *c,
                                     srv_response *rs)
{
  struct MHD_Response *r;
  if (rs->body != NULL) {
    r = MHD_create_response_from_buffer(rs->len, rs->body,
                                        MHD_RESPMEM_MUST_FREE);
    if (r != NULL)
      rs->body = NULL; /* MHD frees it */
  } else {
    r = MHD_create_response_from_buffer(rs->len, (void *)rs->fixed,
                                        MHD_RESPMEM_PERSISTENT);
  }
  if (r == NULL) {
    srv_response_free(rs);
    return MHD_NO;
  }
  MHD_add_response_header(r, "Content-Type", rs->type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
  MHD_add_response_header(r, "Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; "
                          "style-src 'self'; script-src 'self'; "
                          "object-src 'none'; base-uri 'none'; "
                          "frame-ancestors 'none'; form-action 'self'");
  if (rs->allow != NULL)
    MHD_add_response_header(r, "Allow", rs->allow);
  if (rs->retry_after_s > 0) {
    char v[16];
    snprintf(v, sizeof v, "%u", rs->retry_after_s);
    MHD_add_response_header(r, "Retry-After", v);
  }
  enum MHD_Result ret = MHD_queue_response(c, rs->status, r);
  MHD_destroy_response(r);
  srv_response_free(rs);
  return ret;
}

/* A JSON error answered straight from here. */
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status,
                                  const char *msg)
{
  srv_response rs = {.status = status, .type = "application/json"};
  size_t n = strlen(msg) + 64;
  rs.body = malloc(n);
  if (rs.body == NULL)
    return MHD_NO;
  int k = snprintf(rs.body, n, "{\"error\": \"%s\", \"status\": %u}\n", msg,
                   status);
  rs.len = k > 0 ? (size_t)k : 0;
  return send_response(c, &rs);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version,
                                  const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
  (void)version;
  const daemon_ctx *dc = cls;
  conn_state *st = *con_cls;
  if (st == NULL) { /* headers are in: decide what can be decided now */
    st = calloc(1, sizeof *st);
    if (st == NULL)
      return MHD_NO;
    *con_cls = st;
    header_count hc = {0};
    MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &hc);
    if (hc.content_length > 1 ||
        (hc.content_length > 0 && hc.transfer_encoding > 0)) {
      st->answered = true; /* MHD then closes without reading a body */
      set_phase(dc->w, c, PH_SENDING);
      return send_error(c, 400, hc.content_length > 1
                                    ? "more than one Content-Length header"
                                    : "both Content-Length and "
                                      "Transfer-Encoding");
    }
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                 "Content-Length");
    if (cl != NULL) {
      size_t n = 0;
      bool digits = *cl != '\0';
      for (const char *p = cl; *p != '\0' && digits; p++) {
        digits = *p >= '0' && *p <= '9';
        if (digits && n <= SRV_MAX_BODY)
          n = n * 10 + (size_t)(*p - '0');
      }
      if (digits && n > SRV_MAX_BODY) {
        st->answered = true; /* MHD then closes without reading it */
        set_phase(dc->w, c, PH_SENDING);
        return send_error(c, 413, "request body too large (limit 65536 "
                                  "bytes)");
      }
    }
    return MHD_YES;
  }
  if (*upload_data_size > 0) { /* a piece of the body */
    size_t n = *upload_data_size;
    *upload_data_size = 0;
    if (st->answered || st->too_big)
      return MHD_YES;
    if (st->len + n > SRV_MAX_BODY) {
      st->too_big = true;
      return MHD_YES;
    }
    if (st->len + n + 1 > st->cap) {
      size_t cap = st->cap ? st->cap : 1024;
      while (cap < st->len + n + 1)
        cap *= 2;
      char *p = realloc(st->body, cap);
      if (p == NULL)
        return MHD_NO;
      st->body = p;
      st->cap = cap;
    }
    memcpy(st->body + st->len, upload_data, n);
    st->len += n;
    st->body[st->len] = '\0';
    return MHD_YES;
  }
  if (st->answered)
    return MHD_YES;
  st->answered = true;
  set_phase(dc->w, c, PH_WORKING); /* arrived whole: no deadline now */
  if (st->too_big)
    return send_error(c, 413, "request body too large (limit 65536 bytes)");
  if (dc->loopback) {
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                   "Host");
    if (host != NULL && !host_ok(host))
      return send_error(c, 403, "this server answers only to 127.0.0.1, "
                                "localhost or [::1]");
  }
  query_ctx q = {.n = 0};
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &q);
  const conn_slot *slot = slot_of(c);
  srv_request rq = {.method = method,
                    .path = url,
                    .query = q.kv,
                    .n_query = q.n,
                    .query_overflow = q.overflow,
                    .body = st->body != NULL ? st->body : "",
                    .body_len = st->len,
                    .gone = slot != NULL ? &slot->gone : NULL};
  srv_response rs = {0};
  srv_handle(&rq, &rs);
  if (!dc->quiet)
    fprintf(stderr, "tally serve: %s %s %u%s\n", method, url, rs.status,
            rq.gone != NULL && atomic_load(rq.gone) ? " (client gone)" : "");
  set_phase(dc->w, c, PH_SENDING);
  return send_response(c, &rs);
}

/* A request is over: free it, and the next one on this connection (kept
 * alive) has the deadline from now. */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
  (void)toe;
  const daemon_ctx *dc = cls;
  set_phase(dc->w, c, PH_ARRIVING);
  conn_state *st = *con_cls;
  if (st != NULL) {
    free(st->body);
    free(st);
    *con_cls = NULL;
  }
}

int srv_run(const srv_config *cfg)
{
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  const struct sockaddr *addr;
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
  unsigned timeout_s = cfg->timeout_s > 0 ? (unsigned)cfg->timeout_s
                                          : (unsigned)SRV_TIMEOUT_S;
  static watcher w; /* one daemon a process; 6 KiB kept off the stack */
  memset(&w, 0, sizeof w);
  w.deadline_ms = (int64_t)timeout_s * 1000;
  w.quiet = cfg->quiet;
  for (size_t i = 0; i < SRV_MAX_CONNECTIONS; i++)
    w.slot[i].fd = -1;
  daemon_ctx dc = {.quiet = cfg->quiet, .w = &w};
  const char *host = cfg->host;
  if (strcmp(host, "localhost") == 0)
    host = "127.0.0.1";
  memset(&a4, 0, sizeof a4);
  memset(&a6, 0, sizeof a6);
  if (inet_pton(AF_INET, host, &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons((uint16_t)cfg->port);
    addr = (const struct sockaddr *)&a4;
    dc.loopback = (ntohl(a4.sin_addr.s_addr) >> 24) == 127;
  } else if (inet_pton(AF_INET6, host, &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons((uint16_t)cfg->port);
    addr = (const struct sockaddr *)&a6;
    flags |= MHD_USE_IPv6;
    dc.loopback = IN6_IS_ADDR_LOOPBACK(&a6.sin6_addr);
  } else {
    fprintf(stderr, "tally: --host %s is not an IPv4 or IPv6 address\n",
            cfg->host);
    return 1;
  }
  if (mhd_open() != 0)
    return 1;
  if (srv_init() != 0) {
    fprintf(stderr, "tally: cannot load the built-in elections\n");
    return 1;
  }
  /* SIGINT and SIGTERM are taken by sigwait below; the daemon's threads
   * inherit the mask. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  /* Half the workers at most compute forecasts, so the others stay free
   * for everything else. */
  srv_set_heavy_limit(cfg->threads > 1 ? cfg->threads / 2 : 1);
  pthread_t watch_thread;
  if (pthread_mutex_init(&w.lock, NULL) != 0 ||
      pthread_create(&watch_thread, NULL, watch, &w) != 0) {
    fprintf(stderr, "tally: cannot start the server's watcher thread\n");
    srv_fini();
    return 1;
  }
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)cfg->port, NULL, NULL, on_request, &dc,
      MHD_OPTION_SOCK_ADDR, addr, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      SRV_CONN_MEMORY, MHD_OPTION_CONNECTION_TIMEOUT, timeout_s,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)SRV_MAX_CONNECTIONS,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SRV_MAX_PER_ADDRESS,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
      MHD_OPTION_NOTIFY_COMPLETED, on_completed, &dc,
      MHD_OPTION_NOTIFY_CONNECTION, on_connection, &w,
      MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_END);
  if (d == NULL) {
    fprintf(stderr, "tally: cannot listen on %s port %d (in use, or not "
                    "allowed)\n",
            cfg->host, cfg->port);
    atomic_store(&w.stop, true);
    pthread_join(watch_thread, NULL);
    pthread_mutex_destroy(&w.lock);
    srv_fini();
    return 1;
  }
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  unsigned port = info != NULL ? info->port : (unsigned)cfg->port;
  bool v6 = (flags & MHD_USE_IPv6) != 0;
  printf("tally serve: listening on http://%s%s%s:%u/\n", v6 ? "[" : "",
         host, v6 ? "]" : "", port);
  fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  MHD_stop_daemon(d); /* closes every connection, freeing their slots */
  atomic_store(&w.stop, true);
  pthread_join(watch_thread, NULL);
  pthread_mutex_destroy(&w.lock);
  srv_fini();
  printf("tally serve: stopped\n");
  return 0;
}
