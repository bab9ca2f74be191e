/*
 * cmd_years.c -- `tally years`: the built-in elections and their sources.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf("usage: tally years [--json]\n\n"
         "Lists the built-in presidential elections (every one since\n"
         "1789), their sources and the census whose apportionment set\n"
         "their electors.\n"
         "Sources: medsl (MIT Election Data + Science Lab), fec (FEC certified\n"
         "totals), history (UCSB's American Presidency Project and the Clerk\n"
         "of the House).\n\n"
         "  --json   one JSON array of {year, sources, census} (census 0:\n"
         "           the Constitution's own allocation, 1789)\n"
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
    static const struct {
      tly_source source;
      const char *name;
    } names[] = {{TLY_SOURCE_MEDSL, "medsl"},
                 {TLY_SOURCE_FEC, "fec"},
                 {TLY_SOURCE_HISTORY, "history"}};
    char sources[64] = "";
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
      if (!y.has[names[k].source])
        continue;
      size_t ln = strlen(sources);
      snprintf(sources + ln, sizeof sources - ln, "%s%s", ln ? ", " : "",
               names[k].name);
    }
    if (y.census > 0)
      printf("%d  %-11s  %d census\n", y.year, sources, y.census);
    else
      printf("%d  %-11s  the Constitution (art. I, sec. 2)\n", y.year,
             sources);
  }
  return CLI_OK;
}
