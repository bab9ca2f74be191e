/*
 * out.c -- error lines, atomic --out files (and the open-write-close tail
 * around them), the output helpers several subcommands print with (count
 * cells, CSV fields, an election's notes) and strict argument parsing for
 * every subcommand (after lua.c's l_message and curl's tool_* helpers).
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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

bool cli_out_open(cli_out *o, const char *path)
{
  memset(o, 0, sizeof *o);
  if (path == NULL || strcmp(path, "-") == 0) {
    o->fp = stdout;
    return true;
  }
  size_t n = strlen(path);
  if (n + 16 >= sizeof o->path) {
    cli_fail(CLI_EINPUT, "%s: path too long", path);
    return false;
  }
  memcpy(o->path, path, n + 1);
  snprintf(o->tmp, sizeof o->tmp, "%s.tmpXXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    cli_fail(CLI_EINPUT, "%s: %s", path, strerror(errno));
    return false;
  }
  o->fp = fdopen(fd, "w");
  if (o->fp == NULL) {
    close(fd);
    unlink(o->tmp);
    cli_fail(CLI_EINPUT, "%s: %s", path, strerror(errno));
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
  if (fclose(o->fp) != 0)
    ok = false;
  o->fp = NULL;
  if (!ok || rename(o->tmp, o->path) != 0) {
    int e = errno;
    unlink(o->tmp);
    return cli_fail(CLI_EINPUT, "%s: %s", o->path, strerror(e));
  }
  return CLI_OK;
}

void cli_out_abort(cli_out *o)
{
  if (o->fp != NULL && o->fp != stdout) {
    fclose(o->fp);
    unlink(o->tmp);
  }
  o->fp = NULL;
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
  if (*s == '\0')
    return false;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (*end != '\0' || errno != 0 || !isfinite(v))
    return false;
  *out = v;
  return true;
}
