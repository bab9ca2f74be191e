/*
 * map_geo.c -- `tally map YEAR --geo` (the College on the states' shapes)
 * and `tally map YEAR --counties` (every county by its margin): option
 * checks and output around tly_svg_geo_map and tly_svg_geo_counties.
 */
#include "map_geo.h"

int cli_map_geo(FILE *fp, const tly_election *e, const tly_outcome *o,
                const char *title, const char *note)
{
  tly_error err = {0};
  tly_svg_geo_opts so = {.title = title, .note = note};
  return cli_check(tly_svg_geo_map(e, o, &so, cli_file_writer, fp, &err),
                   &err);
}

typedef struct job {
  const tly_areas *t;
  const char *title;
} job;

static int write_counties(FILE *fp, void *ud)
{
  const job *j = ud;
  tly_error err = {0};
  tly_svg_geo_opts so = {.title = j->title};
  return cli_check(
      tly_svg_geo_counties(j->t, &so, cli_file_writer, fp, &err), &err);
}

int cli_map_counties(const cli_opts *o, const tly_election *e,
                     const char *title)
{
  if (tly_election_source(e) == TLY_SOURCE_FILE)
    return cli_usage(o->sub, "--counties needs a built-in YEAR, not a file");
  tly_error err = {0};
  tly_areas *t = NULL;
  if (tly_areas_counties(tly_election_year(e), NULL, NULL, &t, &err) !=
      TLY_OK)
    return cli_report(&err);
  job j = {t, title};
  int rc = cli_write(o->out, write_counties, &j);
  tly_areas_free(t);
  return rc;
}
