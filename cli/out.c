/*
 * out.c -- error lines, atomic --out files (and the open-write-close tail
 * around them), the output helpers several subcommands print with (count
 * cells, CSV fields, an election's notes) and strict argument parsing for
 * every subcommand (after lua.c's l_message and curl's tool_* helpers).
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_report(const tly_error *err)
{
  if (err->file[0] != '\0' && err->line > 0)
    fprintf(stderr, "tally: %s:%lld:%lld: %s\n", err->file,
            (long long)err->line, (long long)(err->col > 0 ? err->col : 1),
            err->msg);
  else if (err->file[0] != '\0')
    fprintf(stderr, "tally: %s: %s\n", err->file, err->msg);
  else
    fprintf(stderr, "tally: %s\n",
            err->msg[0] ? err->msg : tly_status_str(err->status));
  return CLI_EINPUT;
}

int cli_fail(int code, const char *fmt, ...)
{
  va_list ap;
  fputs("tally: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return code;
}

int cli_usage(const char *sub, const char *fmt, ...)
{
  va_list ap;
  fprintf(stderr, "tally %s: ", sub);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, " (see 'tally %s --help')\n", sub);
  return CLI_EUSAGE;
}

/*---- --out: where the bytes go ------------------------------------------*/

/* Temporary files being written, removed by the signal handler: each slot
 * points at a cli_out's tmp while it exists (async-signal-safe to read). */
#define MAX_TMPS 8
static char *volatile tmps[MAX_TMPS];
static volatile sig_atomic_t handlers_set;

/* SIGINT, SIGTERM, SIGHUP: unlink the temporary files, then die of the
 * signal as if no handler were installed (the shell sees 130/143). */
static void on_signal(int sig)
{
  for (int i = 0; i < MAX_TMPS; i++) {
    char *t = tmps[i];
    if (t != NULL)
      unlink(t);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

static void set_handlers(void)
{
  if (handlers_set)
    return;
  handlers_set = 1;
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* A signal ignored when we started (nohup) stays ignored. */
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(sigs[i], &sa, NULL);
  }
}

static bool tmp_register(char *t)
{
  for (int i = 0; i < MAX_TMPS; i++) {
    if (tmps[i] == NULL) {
      tmps[i] = t;
      return true;
    }
  }
  return false;
}

static void tmp_unregister(const char *t)
{
  for (int i = 0; i < MAX_TMPS; i++) {
    if (tmps[i] == t)
      tmps[i] = NULL;
  }
}

/* Follows symbolic links from `path` to the file they name (which need not
 * exist yet) into out; false (errno set) when the chain is too long or a
 * name too long. */
static bool resolve(const char *path, char *out, size_t size)
{
  char cur[4096];
  if (strlen(path) >= sizeof cur) {
    errno = ENAMETOOLONG;
    return false;
  }
  snprintf(cur, sizeof cur, "%s", path);
  for (int hops = 0; hops < 40; hops++) {
    struct stat st;
    if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
      if (strlen(cur) >= size) {
        errno = ENAMETOOLONG;
        return false;
      }
      snprintf(out, size, "%s", cur);
      return true;
    }
    char link[4096];
    ssize_t n = readlink(cur, link, sizeof link - 1);
    if (n < 0)
      return false;
    link[n] = '\0';
    if (link[0] == '/') {
      snprintf(cur, sizeof cur, "%s", link);
    } else { /* relative to the directory holding the link */
      char *slash = strrchr(cur, '/');
      size_t dir = slash != NULL ? (size_t)(slash - cur) + 1 : 0;
      if (dir + (size_t)n >= sizeof cur) {
        errno = ENAMETOOLONG;
        return false;
      }
      memmove(cur + dir, link, (size_t)n + 1);
    }
  }
  errno = ELOOP;
  return false;
}

bool cli_out_open(cli_out *o, const char *path)
{
  memset(o, 0, sizeof *o);
  if (path == NULL || strcmp(path, "-") == 0) {
    o->fp = stdout;
    return true;
  }
  /* A symbolic link's target is what gets written (the link stays). */
  if (!resolve(path, o->path, sizeof o->path - 16)) {
    cli_fail(CLI_EINPUT, "%s: %s", path, strerror(errno));
    return false;
  }
  struct stat st;
  bool exists = stat(o->path, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    cli_fail(CLI_EINPUT, "%s: %s", path, strerror(EISDIR));
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    /* A device or a FIFO (/dev/null, a pipe) is written in place. */
    int fd = open(o->path, O_WRONLY | O_NOCTTY);
    if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
      int e = errno;
      if (fd >= 0)
        close(fd);
      cli_fail(CLI_EINPUT, "%s: %s", path, strerror(e));
      return false;
    }
    o->direct = true;
    return true;
  }
  /* A regular file (or none yet): a temporary file beside it, renamed over
   * it when complete, with the old file's mode (and owner, when we may),
   * or for a new file the mode the umask gives (not mkstemp's 0600). */
  size_t n = strlen(o->path); /* < sizeof o->tmp - 16 (resolve's cap) */
  memcpy(o->tmp, o->path, n);
  memcpy(o->tmp + n, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
  set_handlers();
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGHUP);
  sigprocmask(SIG_BLOCK, &block, &old); /* create and register at once */
  int fd = mkstemp(o->tmp);
  int e = errno;
  bool registered = fd >= 0 && tmp_register(o->tmp);
  sigprocmask(SIG_SETMASK, &old, NULL);
  if (fd < 0 || !registered) {
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
      e = EMFILE;
    }
    cli_fail(CLI_EINPUT, "%s: %s", path, strerror(e));
    return false;
  }
  mode_t mode;
  if (exists) {
    mode = st.st_mode & 07777;
    if (fchown(fd, st.st_uid, st.st_gid) != 0)
      mode &= 0777; /* not ours to give: no set-id bits either */
  } else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  o->fp = fchmod(fd, mode) == 0 ? fdopen(fd, "w") : NULL;
  if (o->fp == NULL) {
    e = errno;
    close(fd);
    cli_out_abort(o);
    cli_fail(CLI_EINPUT, "%s: %s", path, strerror(e));
    return false;
  }
  return true;
}

int cli_out_close(cli_out *o)
{
  if (o->fp == stdout) {
    if (fflush(stdout) != 0 || ferror(stdout))
      return cli_fail(CLI_EINPUT, "error writing standard output");
    return CLI_OK;
  }
  bool ok = fflush(o->fp) == 0 && !ferror(o->fp);
  int e = errno;
  if (fclose(o->fp) != 0 && ok) {
    ok = false;
    e = errno;
  }
  o->fp = NULL;
  if (o->direct)
    return ok ? CLI_OK : cli_fail(CLI_EINPUT, "%s: %s", o->path, strerror(e));
  if (ok && rename(o->tmp, o->path) != 0) {
    ok = false;
    e = errno;
  }
  if (!ok)
    unlink(o->tmp);
  tmp_unregister(o->tmp);
  return ok ? CLI_OK : cli_fail(CLI_EINPUT, "%s: %s", o->path, strerror(e));
}

void cli_out_abort(cli_out *o)
{
  if (o->fp != NULL && o->fp != stdout)
    fclose(o->fp);
  if (!o->direct && o->tmp[0] != '\0') {
    unlink(o->tmp);
    tmp_unregister(o->tmp);
  }
  o->fp = NULL;
  o->tmp[0] = '\0';
}

/* Whether a and b name the same file: the same inode when both exist, else
 * the same resolved directory and name. */
static bool same_file(const char *a, const char *b)
{
  struct stat sa, sb;
  bool ea = stat(a, &sa) == 0;
  bool eb = stat(b, &sb) == 0;
  if (ea && eb)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (ea || eb)
    return false;
  char ra[4096], rb[4096];
  if (!resolve(a, ra, sizeof ra) || !resolve(b, rb, sizeof rb))
    return strcmp(a, b) == 0;
  const char *na = strrchr(ra, '/');
  const char *nb = strrchr(rb, '/');
  if (strcmp(na != NULL ? na + 1 : ra, nb != NULL ? nb + 1 : rb) != 0)
    return false;
  char da[4096], db[4096];
  snprintf(da, sizeof da, "%.*s", na != NULL ? (int)(na - ra) + 1 : 1,
           na != NULL ? ra : ".");
  snprintf(db, sizeof db, "%.*s", nb != NULL ? (int)(nb - rb) + 1 : 1,
           nb != NULL ? rb : ".");
  struct stat xa, xb;
  if (stat(da, &xa) != 0 || stat(db, &xb) != 0)
    return strcmp(da, db) == 0;
  return xa.st_dev == xb.st_dev && xa.st_ino == xb.st_ino;
}

/* Whether path is written in place (a device or FIFO), where writing it
 * twice or reading it too replaces nothing. */
static bool written_in_place(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int cli_paths_check(const char *sub, const char *const *outs,
                    const char *const *out_flags, size_t n_outs,
                    const char *const *ins, size_t n_ins)
{
  for (size_t i = 0; i < n_outs; i++) {
    const char *o = outs[i];
    if (o == NULL || strcmp(o, "-") == 0 || written_in_place(o))
      continue;
    for (size_t j = 0; j < n_ins; j++) {
      if (ins[j] != NULL && strcmp(ins[j], "-") != 0 &&
          same_file(o, ins[j]))
        return cli_usage(sub, "%s '%s' would replace the input '%s'",
                         out_flags[i], o, ins[j]);
    }
    for (size_t j = 0; j < i; j++) {
      if (outs[j] != NULL && strcmp(outs[j], "-") != 0 &&
          same_file(o, outs[j]))
        return cli_usage(sub, "%s and %s name the same file '%s'",
                         out_flags[j], out_flags[i], o);
    }
  }
  return CLI_OK;
}

int cli_file_writer(void *ud, const char *p, size_t n)
{
  return fwrite(p, 1, n, (FILE *)ud) == n ? 0 : -1;
}

int cli_write(const char *path, cli_write_fn fn, void *ud)
{
  cli_out out;
  if (!cli_out_open(&out, path))
    return CLI_EINPUT;
  int rc = fn(out.fp, ud);
  if (rc == CLI_OK)
    return cli_out_close(&out);
  cli_out_abort(&out);
  return rc;
}

int cli_check(tly_status s, const tly_error *err)
{
  return s == TLY_OK ? CLI_OK : cli_report(err);
}

void cli_count_cell(FILE *fp, int64_t v, int width)
{
  char b[32];
  fprintf(fp, "%*s", width, tly_format_count(v, b, sizeof b));
}

void cli_csv_field(FILE *fp, const char *s)
{
  if (strpbrk(s, ",\"\r\n") == NULL) {
    fputs(s, fp);
    return;
  }
  fputc('"', fp);
  for (; *s; s++) {
    if (*s == '"')
      fputc('"', fp);
    fputc(*s, fp);
  }
  fputc('"', fp);
}

void cli_print_contingent(FILE *fp, const tly_election *e,
                          const tly_outcome *o)
{
  int32_t top[3];
  size_t n = tly_outcome_contingent(o, top);
  for (size_t i = 0; i < n; i++)
    fprintf(fp, "%s %s (%lld)", i ? (i + 1 == n ? " and" : ",") : "",
            tly_election_candidate(e, (size_t)top[i])->name,
            (long long)tly_outcome_cast(o, (size_t)top[i]));
  fprintf(fp, "\n");
}

void cli_print_title(FILE *fp, const tly_election *e, const char *what)
{
  fprintf(fp, "%d presidential election · source: %s\n",
          tly_election_year(e), tly_election_source_name(e));
  if (what[0] != '\0')
    fprintf(fp, "What-if: %s\n", what);
}

void cli_print_notes(FILE *fp, const tly_election *e)
{
  const char *notes = tly_election_notes(e);
  while (*notes != '\0') {
    const char *nl = strchr(notes, '\n');
    int n = nl ? (int)(nl - notes) : (int)strlen(notes);
    fprintf(fp, "note: %.*s\n", n, notes);
    notes += n + (nl ? 1 : 0);
  }
}

bool cli_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
  const char *p = s;
  bool neg = false;
  if (*p == '-' || *p == '+') {
    neg = *p == '-';
    p++;
  }
  if (*p == '\0')
    return false;
  uint64_t v = 0;
  for (; *p != '\0'; p++) {
    if (*p == ',' || *p == '_')
      continue; /* "7,317,581" reads as a number, as people write it */
    if (*p < '0' || *p > '9')
      return false;
    if (v > (UINT64_MAX - 9) / 10)
      return false;
    v = v * 10 + (uint64_t)(*p - '0');
  }
  if (!neg && v > (uint64_t)INT64_MAX)
    return false;
  if (neg && v > (uint64_t)INT64_MAX + 1)
    return false;
  int64_t r = neg ? (int64_t)(0 - v) : (int64_t)v;
  if (r < lo || r > hi)
    return false;
  *out = r;
  return true;
}

bool cli_parse_double(const char *s, double *out)
{
  /* A plain decimal: an optional '-', digits with at most one '.', at
   * least one digit. No '+', spaces, exponent, hex ("0x1p-3"), "inf" or
   * "nan", which strtod would all take. */
  const char *p = s;
  if (*p == '-')
    p++;
  size_t digits = 0;
  bool dot = false;
  for (; *p != '\0'; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (*p == '.' && !dot)
      dot = true;
    else
      return false;
  }
  if (digits == 0 || digits > 300)
    return false;
  char *end;
  errno = 0;
  double v = strtod(s, &end); /* the CLI runs in the "C" locale */
  if (*end != '\0' || errno != 0 || !isfinite(v))
    return false;
  *out = v;
  return true;
}
