/*
 * years.c -- what the built-in data holds, year by year: the sources that
 * have each election (MEDSL returns, FEC certified results) and the census
 * whose apportionment set its electors, found by asking the loader
 * (tly_election_builtin), so no range is written twice; and the one JSON
 * writer of that list for `tally years --json` and /api/years.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* The built-in sources, in the order `tally years` names them. */
static const struct {
  tly_source source;
  const char *name;
} sources[] = {{TLY_SOURCE_MEDSL, "medsl"},
               {TLY_SOURCE_FEC, "fec"},
               {TLY_SOURCE_HISTORY, "history"}};
#define N_SOURCES (sizeof sources / sizeof sources[0])

tly_status tly_builtin_year_info(int year, const tly_allocator *a,
                                 tly_year_info *out, tly_error *err)
{
  tly_year_info y = {.year = year};
  bool any = false;
  for (size_t i = 0; i < N_SOURCES; i++)
    if (tly_builtin_has(year, sources[i].source))
      any = y.has[sources[i].source] = true;
  if (!any)
    return tly__fail(err, TLY_ENODATA, "no built-in election %d", year);
  /* The census, from the year's default source as the loader makes it. */
  tly_election *e = NULL;
  tly_status s = tly_election_builtin(year, tly_builtin_source(year), a, &e,
                                      err);
  if (s != TLY_OK)
    return s;
  y.census = tly_election_census(e);
  tly_election_free(e);
  tly__error_clear(err);
  *out = y;
  return TLY_OK;
}

tly_status tly_json_years(const tly_allocator *a, tly_writer w, void *ud,
                          tly_error *err)
{
  int years[256];
  size_t n = tly_builtin_years(years, sizeof years / sizeof years[0]);
  if (n > sizeof years / sizeof years[0])
    return tly__fail(err, TLY_ERANGE, "more than %zu built-in years",
                     sizeof years / sizeof years[0]);
  if (w(ud, "[\n", 2) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  for (size_t i = 0; i < n; i++) {
    tly_year_info y;
    tly_status s = tly_builtin_year_info(years[i], a, &y, err);
    if (s != TLY_OK)
      return s;
    char quoted[96] = "";
    size_t len = 0;
    for (size_t k = 0; k < N_SOURCES; k++) {
      if (!y.has[sources[k].source])
        continue;
      int m = snprintf(quoted + len, sizeof quoted - len, "%s\"%s\"",
                       len ? ", " : "", sources[k].name);
      if (m > 0 && (size_t)m < sizeof quoted - len)
        len += (size_t)m;
    }
    /* One object a line, keys sorted, as the JSON contract has it. */
    char line[200];
    int k = snprintf(line, sizeof line,
                     "  {\"census\": %d, \"sources\": [%s], \"year\": %d}%s\n",
                     y.census, quoted, y.year, i + 1 < n ? "," : "");
    if (k < 0 || (size_t)k >= sizeof line || w(ud, line, (size_t)k) != 0)
      return tly__fail(err, TLY_EIO, "write error");
  }
  if (w(ud, "]\n", 2) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  return TLY_OK;
}
