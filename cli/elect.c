/*
 * elect.c -- how every subcommand names an election: a built-in YEAR (with
 * --source medsl|fec|history; by default the year's own source) or a
 * FILE in the MEDSL or tally layout (with --year for a file of several
 * elections).
 */
#include "cli.h"

#include <string.h>

bool cli_parse_source(const char *s, tly_source *out)
{
  if (strcmp(s, "medsl") == 0)
    *out = TLY_SOURCE_MEDSL;
  else if (strcmp(s, "fec") == 0)
    *out = TLY_SOURCE_FEC;
  else if (strcmp(s, "history") == 0)
    *out = TLY_SOURCE_HISTORY;
  else
    return false;
  return true;
}

int cli_load_election(const char *sub, const char *arg, tly_source source,
                      int year, bool source_given, tly_election **out)
{
  *out = NULL;
  tly_error err = {0};
  int64_t y;
  tly_status s;
  if (arg == NULL || cli_parse_i64(arg, 0, 99999, &y)) {
    if (arg == NULL) {
      int years[256];
      size_t n = tly_builtin_years(years, 256);
      y = years[(n < 256 ? n : 256) - 1];
    }
    if (year != 0 && year != (int)y)
      return cli_usage(sub, "--year %d contradicts the election %lld", year,
                       (long long)y);
    if (!source_given)
      source = tly_builtin_source((int)y);
    s = tly_election_builtin((int)y, source, NULL, out, &err);
    if (s == TLY_ENODATA)
      return cli_usage(sub, "%s", err.msg);
  } else {
    if (source_given)
      return cli_usage(sub, "--source applies to built-in years, not to a "
                            "file");
    cli_progress pr;
    cli_progress_start(&pr, arg);
    tly_load_opts o = {.year = year, .progress = cli_progress_cb,
                       .progress_ud = &pr};
    s = tly_election_load(arg, &o, NULL, out, &err);
    cli_progress_end(&pr);
  }
  if (s != TLY_OK)
    return cli_report(&err);
  return CLI_OK;
}

const char *cli_last_name(const char *name)
{
  const char *sp = strrchr(name, ' ');
  if (sp == NULL)
    return name;
  /* "Joseph R. Biden Jr." style suffixes keep the surname before them. */
  if (strcmp(sp + 1, "Jr.") == 0 || strcmp(sp + 1, "Jr") == 0 ||
      strcmp(sp + 1, "III") == 0) {
    const char *p = sp;
    while (p > name && p[-1] != ' ')
      p--;
    return p;
  }
  return sp + 1;
}

const char *cli_candidate_last(const tly_election *e, int32_t c)
{
  return c >= 0 ? cli_last_name(tly_election_candidate(e, (size_t)c)->name)
                : "-";
}
