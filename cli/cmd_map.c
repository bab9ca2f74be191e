/*
 * cmd_map.c -- `tally map YEAR|FILE --out map.svg`: the tile-grid map of
 * an election's College as an SVG 1.1 picture (tly_svg_map), or its bar of
 * electors alone (--bar).
 */
#include "cli.h"
#include "map_geo.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally map [YEAR | FILE] [options]\n\n"
      "Draws the Electoral College of an election as an SVG 1.1 picture: a\n"
      "tile-grid map of the United States (one equal square per state and\n"
      "DC; Maine and Nebraska split into at-large and district cells), each\n"
      "tile coloured by its winner and shaded by the margin, with the\n"
      "state's electors and the winner's letter (D, R) on it; the bar of\n"
      "electors with the majority line; a legend; and a title naming the\n"
      "election and its source. YEAR is a built-in election (tally years,\n"
      "default: the latest); FILE is a CSV in the MEDSL or tally layout.\n"
      "With what-if options the map is of the what-if, named under the\n"
      "title; a state that left is a dashed outline (grey on --geo), and\n"
      "a state a redraw made has a tile of its own (--geo: it is drawn from\n"
      "its counties' shapes, outlined).\n\n"
      "Options:\n"
      "  --source S          built-in source: medsl, fec or history (default:\n"
      "                      the year's own; tally years lists each year's)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --title TEXT        the picture's title (default \"YEAR presidential\n"
      "                      election\")\n"
      "  --bar               only the bar of electors\n"
      "  --geo               the states on a geographic map (Albers USA,\n"
      "                      us-atlas 3.0.1 shapes of the Census Bureau's\n"
      "                      cartographic boundaries) instead of tiles\n"
      "  --counties          every county shaded by the margin in points\n"
      "                      (built-in county returns, YEAR 2000-2024; no\n"
      "                      what-if options)\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n");
  cli_whatif_help(stdout);
  printf(
      "\nExamples:\n"
      "  tally map 2016 --out map2016.svg\n"
      "  tally map 2016 --without CA --reapportion --out calexit.svg\n"
      "  tally map 2000 --bar --out bar2000.svg\n"
      "  tally map 2016 --geo --out geo2016.svg\n"
      "  tally map 2020 --counties --out counties2020.svg\n");
}

/* map's own options. */
enum { O_TITLE = 1, O_BAR, O_GEO, O_COUNTIES };
typedef struct {
  const char *title;
  bool bar, geo, counties;
} map_args;

static int map_option(void *ud, int ch, char *arg)
{
  map_args *a = ud;
  if (ch == O_TITLE)
    a->title = arg;
  else if (ch == O_GEO)
    a->geo = true;
  else if (ch == O_COUNTIES)
    a->counties = true;
  else
    a->bar = true;
  return CLI_OK;
}

typedef struct {
  const map_args *a;
  const char *note;
  const tly_election *e;
  const tly_outcome *o;
} map_job;

static int write_map(FILE *fp, void *ud)
{
  const map_job *j = ud;
  tly_error err = {0};
  tly_svg_opts so = {.title = j->a->title,
                     .note = j->note[0] ? j->note : NULL};
  if (j->a->geo)
    return cli_map_geo(fp, j->e, j->o, so.title, so.note);
  return cli_check(
      j->a->bar ? tly_svg_bar(j->e, j->o, &so, cli_file_writer, fp, &err)
                : tly_svg_map(j->e, j->o, &so, cli_file_writer, fp, &err),
      &err);
}

int cmd_map(int argc, char **argv)
{
  static const struct option opts[] = {
      {"title", required_argument, NULL, O_TITLE},
      {"bar", no_argument, NULL, O_BAR},
      {"geo", no_argument, NULL, O_GEO},
      {"counties", no_argument, NULL, O_COUNTIES},
      CLI_ELECTION_OPTIONS,
      CLI_OPT_OUT,
      CLI_OPT_HELP,
      CLI_WHATIF_OPTIONS,
      {NULL, 0, NULL, 0}};
  cli_whatif wi;
  cli_opts o = {.sub = "map", .help = help, .wi = &wi, .max_operands = 1};
  map_args a = {NULL, false, false, false};
  tly_election *e = NULL;
  int rc = cli_opts_election(&o, argc, argv, opts, map_option, &a, &e);
  if (rc != CLI_MORE)
    return rc;
  if (a.bar + a.geo + a.counties > 1 || (a.counties && wi.any)) {
    tly_election_free(e);
    return cli_usage("map", a.counties && wi.any
                                ? "--counties draws the county returns as "
                                  "counted: no what-if options"
                                : "--bar, --geo and --counties exclude each "
                                  "other");
  }
  if (a.counties) {
    rc = cli_map_counties(&o, e, a.title);
    tly_election_free(e);
    return rc;
  }
  tly_error err = {0};
  tly_outcome *oc = NULL;
  if (tly_college(e, &oc, &err) != TLY_OK) {
    tly_election_free(e);
    return cli_report(&err);
  }
  char what[512] = "";
  char note[600] = "";
  cli_whatif_describe(&wi, what, sizeof what);
  if (what[0] != '\0')
    snprintf(note, sizeof note, "What-if: %s", what);
  map_job j = {&a, note, e, oc};
  rc = cli_write(o.out, write_map, &j);
  tly_outcome_free(oc);
  tly_election_free(e);
  return rc;
}
