/*
 * cmd_years.c -- `tally years`: the built-in elections and their sources.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf("usage: tally years [--json]\n\n"
         "Lists the built-in presidential elections, their sources and the "
         "census\nwhose apportionment set their electors.\n\n"
         "  --json   one JSON array of {year, sources, census}\n"
         "  --help   this help\n");
}

int cmd_years(int argc, char **argv)
{
  static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                       {"help", no_argument, NULL, 'h'},
                                       {NULL, 0, NULL, 0}};
  bool json = false;
  int ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    switch (ch) {
    case 'j':
      json = true;
      break;
    case 'h':
      help();
      return CLI_OK;
    default:
      return cli_usage("years", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind < argc)
    return cli_usage("years", "unexpected argument '%s'", argv[optind]);
  tly_error err = {0};
  if (json)
    return cli_check(tly_json_years(NULL, cli_file_writer, stdout, &err),
                     &err);
  int years[256];
  size_t n = tly_builtin_years(years, 256);
  printf("Year  Sources      Electors set by\n");
  for (size_t i = 0; i < n && i < 256; i++) {
    tly_year_info y;
    if (tly_builtin_year_info(years[i], NULL, &y, &err) != TLY_OK)
      return cli_report(&err);
    char sources[32];
    snprintf(sources, sizeof sources, "%s%s%s",
             y.has[TLY_SOURCE_MEDSL] ? "medsl" : "",
             y.has[TLY_SOURCE_MEDSL] && y.has[TLY_SOURCE_FEC] ? ", " : "",
             y.has[TLY_SOURCE_FEC] ? "fec" : "");
    printf("%d  %-11s  %d census\n", y.year, sources, y.census);
  }
  return CLI_OK;
}
