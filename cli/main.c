/*
 * main.c -- the tally command: dispatches `tally SUBCOMMAND [options]`
 * through one table (after redis's command table and curl's tool_help).
 * A subcommand that is not finished is not in the table.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  const char *name;
  cli_fn fn;
  const char *summary;
} command;

static const command commands[] = {
    /* Results and what-ifs */
    {"result", cmd_result, "how the votes became electors and a President"},
    {"years", cmd_years, "list the built-in elections"},
    {"history", cmd_history,
     "every election 1789-2024: President, popular-vote leader, rule"},
    {"whatif", cmd_whatif,
     "what if states left, the House changed, or the rules or votes did"},
    {"apportion", cmd_apportion, "apportion the House among the states"},
    /* Analysis and forecasts */
    {"flip", cmd_flip, "fewest votes that would have changed the result"},
    {"tipping", cmd_tipping, "the tipping-point state, its margin and tilt"},
    {"power", cmd_power, "Banzhaf and Shapley-Shubik power of each state"},
    {"forecast", cmd_forecast,
     "win probabilities from state estimates and correlated errors"},
    {"polls", cmd_polls,
     "state polling averages, error model and backtests (538 polls)"},
    /* Pictures and the page */
    {"map", cmd_map, "draw the College as an SVG tile-grid map"},
    {"serve", cmd_serve, "the local page and its JSON API over HTTP"},
    /* The processes around an election */
    {"initiative", cmd_initiative,
     "a California initiative's signatures, sample and deadlines"},
    {"amend", cmd_amend,
     "Article V: two-thirds of both Houses, three-fourths of the states"},
    {"recount", cmd_recount,
     "which states' margins met their recount triggers"},
    {"audit", cmd_audit,
     "BRAVO risk-limiting audit: expected sample and stopping rule"},
    /* @@CLI-TABLE@@ */
    {NULL, NULL, NULL},
};

static void usage(FILE *fp)
{
  fprintf(fp, "usage: tally SUBCOMMAND [options]\n"
              "       tally SUBCOMMAND --help  (or tally help SUBCOMMAND)\n"
              "       tally --version\n\n"
              "The U.S. presidential election system, computed exactly from "
              "official data.\n\nSubcommands:\n");
  for (size_t i = 0; commands[i].name != NULL; i++)
    fprintf(fp, "  %-11s %s\n", commands[i].name, commands[i].summary);
  fprintf(fp, "\nFiles: a results FILE (and initiative's --counties FILE) "
              "may be '-' for\nstandard input; an input file larger than "
              "256 MiB is refused. --out FILE\nreplaces a regular file "
              "atomically, keeping its mode; it writes a symbolic\nlink's "
              "target, and a device or a FIFO in place; it may not name an "
              "input.\n");
  fprintf(fp, "\nExit status: 0 success, 1 bad input, 2 usage error"
              " (some subcommands document more).\n");
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    usage(stderr);
    return CLI_EUSAGE;
  }
  /* `tally help SUBCOMMAND` is `tally SUBCOMMAND --help`. */
  if (strcmp(argv[1], "help") == 0 && argc > 3) {
    fprintf(stderr, "tally: help takes one subcommand (see 'tally --help')\n");
    return CLI_EUSAGE;
  }
  if (strcmp(argv[1], "help") == 0 && argc == 3) {
    for (size_t i = 0; commands[i].name != NULL; i++) {
      if (strcmp(argv[2], commands[i].name) == 0) {
        char *args[] = {argv[2], (char *)"--help", NULL};
        return commands[i].fn(2, args);
      }
    }
    fprintf(stderr, "tally: unknown subcommand '%s' (see 'tally --help')\n",
            argv[2]);
    return CLI_EUSAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      (strcmp(argv[1], "help") == 0 && argc == 2)) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("tally %s\n", tly_version());
    return CLI_OK;
  }
  for (size_t i = 0; commands[i].name != NULL; i++) {
    if (strcmp(argv[1], commands[i].name) == 0)
      return commands[i].fn(argc - 1, argv + 1);
  }
  fprintf(stderr, "tally: unknown subcommand '%s' (see 'tally --help')\n",
          argv[1]);
  return CLI_EUSAGE;
}
