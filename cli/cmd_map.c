/*
 * cmd_map.c -- `tally map YEAR|FILE --out map.svg`: the tile-grid map of
 * an election's College as an SVG 1.1 picture (tly_svg_map), or its bar of
 * electors alone (--bar).
 */
#include "cli.h"

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
      "election and its source. YEAR is a built-in election (1976-2024,\n"
      "default: the latest); FILE is a CSV in the MEDSL or tally layout.\n"
      "With what-if options the map is of the what-if, named under the\n"
      "title; a state that left is a dashed outline.\n\n"
      "Options:\n"
      "  --source medsl|fec  built-in source (default medsl; fec: 2004-2020)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --title TEXT        the picture's title (default \"YEAR presidential\n"
      "                      election\")\n"
      "  --bar               only the bar of electors\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n");
  cli_whatif_help(stdout);
  printf(
      "\nExamples:\n"
      "  tally map 2016 --out map2016.svg\n"
      "  tally map 2016 --without CA --reapportion --out calexit.svg\n"
      "  tally map 2000 --bar --out bar2000.svg\n");
}

int cmd_map(int argc, char **argv)
{
  enum { O_SOURCE = 1, O_YEAR, O_TITLE, O_BAR, O_OUT, O_HELP };
  static const struct option opts[] = {
      {"source", required_argument, NULL, O_SOURCE},
      {"year", required_argument, NULL, O_YEAR},
      {"title", required_argument, NULL, O_TITLE},
      {"bar", no_argument, NULL, O_BAR},
      {"out", required_argument, NULL, O_OUT},
      {"help", no_argument, NULL, O_HELP},
      CLI_WHATIF_OPTIONS,
      {NULL, 0, NULL, 0}};
  tly_source source = TLY_SOURCE_MEDSL;
  bool source_given = false;
  int year = 0;
  const char *out_path = NULL;
  const char *title = NULL;
  bool bar = false;
  cli_whatif wi;
  cli_whatif_init(&wi);
  int ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    int64_t v;
    int wrc = cli_whatif_option(&wi, "map", ch, optarg, argc, argv);
    if (wrc >= 0) {
      if (wrc != CLI_OK)
        return wrc;
      continue;
    }
    switch (ch) {
    case O_SOURCE:
      if (!cli_parse_source(optarg, &source))
        return cli_usage("map", "unknown source '%s' (medsl or fec)", optarg);
      source_given = true;
      break;
    case O_YEAR:
      if (!cli_parse_i64(optarg, 1789, 9999, &v))
        return cli_usage("map", "--year needs a year, not '%s'", optarg);
      year = (int)v;
      break;
    case O_TITLE:
      title = optarg;
      break;
    case O_BAR:
      bar = true;
      break;
    case O_OUT:
      out_path = optarg;
      break;
    case O_HELP:
      help();
      return CLI_OK;
    default:
      if (optopt != 0)
        return cli_usage("map", "option '%s' needs a value",
                         argv[optind - 1]);
      return cli_usage("map", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind + 1 < argc)
    return cli_usage("map", "unexpected argument '%s'", argv[optind + 1]);
  int rc = cli_whatif_check(&wi, "map");
  if (rc != CLI_OK)
    return rc;
  tly_election *base = NULL;
  rc = cli_load_election("map", optind < argc ? argv[optind] : NULL, source,
                         year, source_given, &base);
  if (rc != CLI_OK)
    return rc;
  tly_election *e = NULL;
  rc = cli_whatif_apply(&wi, "map", base, &e);
  tly_election_free(base);
  if (rc != CLI_OK)
    return rc;
  tly_error err = {0};
  tly_outcome *o = NULL;
  if (tly_college(e, &o, &err) != TLY_OK) {
    tly_election_free(e);
    return cli_report(&err);
  }
  cli_out out;
  if (!cli_out_open(&out, out_path)) {
    tly_outcome_free(o);
    tly_election_free(e);
    return CLI_EINPUT;
  }
  char what[512] = "";
  char note[600] = "";
  cli_whatif_describe(&wi, what, sizeof what);
  if (what[0] != '\0')
    snprintf(note, sizeof note, "What-if: %s", what);
  tly_svg_opts so = {.title = title, .note = note[0] ? note : NULL};
  tly_status s = bar ? tly_svg_bar(e, o, &so, cli_file_writer, out.fp, &err)
                     : tly_svg_map(e, o, &so, cli_file_writer, out.fp, &err);
  if (s == TLY_OK) {
    rc = cli_out_close(&out);
  } else {
    cli_out_abort(&out);
    rc = cli_report(&err);
  }
  tly_outcome_free(o);
  tly_election_free(e);
  return rc;
}
