/*
 * cli.h -- what the subcommands of the tally command share: the dispatch
 * table's entries, error reporting (the one place that prints
 * "tally: FILE:LINE:COL: msg") and output to stdout or an atomic --out file.
 * Exit codes: 0 ok, 1 user error (bad input), 2 usage error.
 */
#ifndef TALLY_CLI_H
#define TALLY_CLI_H

#include "tally.h"

#include <stdbool.h>
#include <stdio.h>

enum { CLI_OK = 0, CLI_EINPUT = 1, CLI_EUSAGE = 2 };

/* A subcommand: argv[0] is its name; returns the exit code. */
typedef int (*cli_fn)(int argc, char **argv);

/* Prints "tally: FILE:LINE:COL: msg" (or "tally: msg" when err has no
 * file) to stderr; returns CLI_EINPUT. */
int cli_report(const tly_error *err);
/* Prints "tally: " + a printf-style message to stderr; returns `code`. */
int cli_fail(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* For a usage error: "tally SUB: msg" and a hint to run --help; returns 2. */
int cli_usage(const char *sub, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Output: stdout, or FILE written atomically (a temporary file in the same
 * directory, renamed over FILE only when everything was written). */
typedef struct cli_out {
  FILE *fp;
  char path[4096];
  char tmp[4096];
} cli_out;

/* Opens the output (path NULL or "-" means stdout); on failure prints the
 * reason and returns false. */
bool cli_out_open(cli_out *o, const char *path);
/* Flushes and, for a file, renames it into place; returns the exit code
 * (CLI_OK, or CLI_EINPUT after printing why). */
int cli_out_close(cli_out *o);
/* Abandons the output: removes the temporary file. */
void cli_out_abort(cli_out *o);
/* A tly_writer onto a FILE* (ud). */
int cli_file_writer(void *ud, const char *p, size_t n);

/* Parses a whole decimal int64 in [lo, hi] (optional leading '-'); false
 * on junk, an empty string or out of range. */
bool cli_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out);
/* Parses a finite double; false on junk. */
bool cli_parse_double(const char *s, double *out);

/* elect.c: "medsl"/"fec" to a source; false when neither. */
bool cli_parse_source(const char *s, tly_source *out);
/* Loads the election `arg` names (a built-in year, a file, or NULL for the
 * latest built-in year) into *out; on failure prints one line and returns
 * the exit code (2 for a year without data, 1 for a bad file). */
int cli_load_election(const char *sub, const char *arg, tly_source source,
                      int year, bool source_given, tly_election **out);
/* "Clinton" for "Hillary Clinton" (keeps "Biden Jr." together). */
const char *cli_last_name(const char *name);

/* Subcommands (cli/cmd_<name>.c). */
int cmd_years(int argc, char **argv);
int cmd_result(int argc, char **argv);
int cmd_initiative(int argc, char **argv);
int cmd_amend(int argc, char **argv);
int cmd_recount(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_apportion(int argc, char **argv);
int cmd_flip(int argc, char **argv);
int cmd_tipping(int argc, char **argv);
int cmd_power(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_forecast(int argc, char **argv);
/* @@CLI-DECLS@@ */

#endif
