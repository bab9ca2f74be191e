/*
 * years.c -- what the built-in data holds, year by year: the sources that
 * have each election (MEDSL returns, FEC certified results) and the census
 * whose apportionment set its electors, found by asking the loader's own
 * tables (tly_builtin_has, the historical record's years, electors.csv and
 * census_seats.csv through load.c and history.c) without loading any
 * election, so no range is written twice and the list costs a few table
 * passes; and the one JSON writer of that list for `tally years --json`
 * and /api/years.
 */
#include "history.h"
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

#define MAX_HISTORY 128 /* elections in the historical record (1789-1972) */

/* The year's entry, given the historical record's years hist[0..n_hist):
 * its sources, and its census as the loader of its default source
 * (tly_builtin_source) sets it. */
static tly_status year_info(int year, const int *hist, size_t n_hist,
                            const tly_allocator *a, tly_year_info *out,
                            tly_error *err)
{
  tly_year_info y = {.year = year};
  bool history = false;
  for (size_t i = 0; i < n_hist; i++)
    history = history || hist[i] == year;
  bool any = false;
  for (size_t i = 0; i < N_SOURCES; i++) {
    tly_source src = sources[i].source;
    y.has[src] = src == TLY_SOURCE_HISTORY ? history
                                           : tly_builtin_has(year, src);
    any = any || y.has[src];
  }
  if (!any)
    return tly__fail(err, TLY_ENODATA, "no built-in election %d", year);
  /* The default source is the record where it has the year (load.c). */
  tly_status s = history ? tly__history_census(a, year, &y.census, err)
                         : tly__electors_census(year, a, &y.census, err);
  if (s != TLY_OK)
    return s;
  *out = y;
  return TLY_OK;
}

/* The historical record's years into hist[0..MAX_HISTORY): how many. */
static tly_status history_years(int *hist, size_t *n, tly_error *err)
{
  *n = tly__history_years(hist, MAX_HISTORY);
  if (*n > MAX_HISTORY)
    return tly__fail(err, TLY_ERANGE, "more than %d historical elections",
                     MAX_HISTORY);
  return TLY_OK;
}

tly_status tly_builtin_year_info(int year, const tly_allocator *a,
                                 tly_year_info *out, tly_error *err)
{
  int hist[MAX_HISTORY];
  size_t n_hist = 0;
  tly_status s = history_years(hist, &n_hist, err);
  if (s != TLY_OK)
    return s;
  return year_info(year, hist, n_hist, a, out, err);
}

tly_status tly_json_years(const tly_allocator *a, tly_writer w, void *ud,
                          tly_error *err)
{
  int years[256];
  size_t n = tly_builtin_years(years, sizeof years / sizeof years[0]);
  if (n > sizeof years / sizeof years[0])
    return tly__fail(err, TLY_ERANGE, "more than %zu built-in years",
                     sizeof years / sizeof years[0]);
  int hist[MAX_HISTORY];
  size_t n_hist = 0;
  tly_status hs = history_years(hist, &n_hist, err);
  if (hs != TLY_OK)
    return hs;
  if (w(ud, "[\n", 2) != 0)
    return tly__fail(err, TLY_EIO, "write error");
  for (size_t i = 0; i < n; i++) {
    tly_year_info y;
    tly_status s = year_info(years[i], hist, n_hist, a, &y, err);
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
