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
  int years[64];
  size_t n = tly_builtin_years(years, 64);
  if (json)
    printf("[\n");
  else
    printf("Year  Sources      Electors set by\n");
  for (size_t i = 0; i < n && i < 64; i++) {
    tly_election *e = NULL;
    tly_error err;
    int census = 0;
    if (tly_election_builtin(years[i], TLY_SOURCE_MEDSL, NULL, &e, &err) ==
        TLY_OK)
      census = tly_election_census(e);
    tly_election_free(e);
    bool fec = years[i] >= 2004 && years[i] <= 2020;
    if (json)
      printf("  {\"census\": %d, \"sources\": [\"medsl\"%s], \"year\": "
             "%d}%s\n",
             census, fec ? ", \"fec\"" : "", years[i], i + 1 < n ? "," : "");
    else
      printf("%d  %-11s  %d census\n", years[i], fec ? "medsl, fec" : "medsl",
             census);
  }
  if (json)
    printf("]\n");
  return CLI_OK;
}
