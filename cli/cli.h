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

/* Output: stdout, or FILE. A regular file (or a new one) is written
 * atomically: a temporary file in the same directory, renamed over FILE
 * only when everything was written, with the old file's mode (a new file:
 * 0666 less the umask). A symbolic link's target is the file written (the
 * link stays). A device or a FIFO (/dev/null, a named pipe) is written in
 * place. Temporary files are removed on SIGINT, SIGTERM and SIGHUP (the
 * handlers, installed by the first cli_out_open, then re-raise). */
typedef struct cli_out {
  FILE *fp;
  bool direct;     /* written in place: no temporary file */
  char path[4096]; /* the file written (symbolic links followed) */
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
/* Before any work: refuses an output (outs[i], given with the flag
 * out_flags[i], e.g. "--out") that names an input file (ins) or the same
 * file as an earlier output, with a usage error (returns 2); NULL and "-"
 * entries, and outputs written in place (devices, FIFOs), are skipped.
 * Returns CLI_OK otherwise. */
int cli_paths_check(const char *sub, const char *const *outs,
                    const char *const *out_flags, size_t n_outs,
                    const char *const *ins, size_t n_ins);
/* A tly_writer onto a FILE* (ud). */
int cli_file_writer(void *ud, const char *p, size_t n);
/* What a subcommand writes into its output: returns the exit code. */
typedef int (*cli_write_fn)(FILE *fp, void *ud);
/* The output tail every subcommand shares: opens `path` (as cli_out_open),
 * runs fn(fp, ud), then closes the output when fn returned CLI_OK and
 * abandons it otherwise. Returns fn's exit code, or CLI_EINPUT when the
 * output could not be opened or closed (after printing why). */
int cli_write(const char *path, cli_write_fn fn, void *ud);
/* CLI_OK for TLY_OK, else cli_report(err): for a library writer's status. */
int cli_check(tly_status s, const tly_error *err);
/* Prints a count with thousands separators right-aligned in `width`. */
void cli_count_cell(FILE *fp, int64_t v, int width);
/* Prints one CSV field, quoted per RFC 4180 when it needs to be. */
void cli_csv_field(FILE *fp, const char *s);
/* Prints the election's notes, one "note: " line each. */
void cli_print_notes(FILE *fp, const tly_election *e);
/* Prints " A (n), B (m) and C (k)" and a newline: the candidates of the
 * House's contingent election with their electoral votes cast. */
/* The contingent election decided (house.c): the House's vote by state
 * and the Senate's; nothing when o has a winner or the year has no
 * delegations built in. */
void cli_print_house(FILE *fp, const tly_election *e, const tly_outcome *o);
void cli_print_contingent(FILE *fp, const tly_election *e,
                          const tly_outcome *o);
/* Prints "YEAR presidential election · source: S" and, when `what` is not
 * "", a "What-if: " line with it. */
void cli_print_title(FILE *fp, const tly_election *e, const char *what);

/* Parses a whole decimal int64 in [lo, hi] (optional leading '-'); false
 * on junk, an empty string or out of range. */
bool cli_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out);
/* Parses a plain decimal ("0.02", "-1.5", ".5") into a double; false on
 * anything else: a sign '+', spaces, an exponent, hex, inf, nan. */
bool cli_parse_double(const char *s, double *out);

/* elect.c: "medsl"/"fec"/"history" to a source; false when none. */
bool cli_parse_source(const char *s, tly_source *out);
/* Loads the election `arg` names (a built-in year, a file, or NULL for the
 * latest built-in year) into *out; on failure prints one line and returns
 * the exit code (2 for a year without data, 1 for a bad file). */
int cli_load_election(const char *sub, const char *arg, tly_source source,
                      int year, bool source_given, tly_election **out);
/* "Clinton" for "Hillary Clinton" (keeps "Biden Jr." together). */
const char *cli_last_name(const char *name);
/* The last name of candidate c of e, or "-" when c < 0 (no one). */
const char *cli_candidate_last(const tly_election *e, int32_t c);

/* opts.c: the options most subcommands share (--source, --year, --json,
 * --csv, --out, --help and, where offered, the what-if options), one
 * getopt_long loop for all of them, and the YEAR|FILE load. Use: put the
 * CLI_OPT_* entries the subcommand offers, or the groups of them below
 * (and CLI_WHATIF_OPTIONS), in its table next to its own options (codes
 * from 1, below CLI_OPTS_BASE), fill a cli_opts, call cli_opts_parse
 * with a function for its own options, then cli_opts_load for the
 * election (or cli_opts_election for both). */
#define CLI_OPTS_BASE 900
enum {
  CLI_O_SOURCE = CLI_OPTS_BASE,
  CLI_O_YEAR,
  CLI_O_JSON,
  CLI_O_CSV,
  CLI_O_OUT,
  CLI_O_HELP
};
#define CLI_OPT_SOURCE {"source", required_argument, NULL, CLI_O_SOURCE}
#define CLI_OPT_YEAR {"year", required_argument, NULL, CLI_O_YEAR}
#define CLI_OPT_JSON {"json", no_argument, NULL, CLI_O_JSON}
#define CLI_OPT_CSV {"csv", no_argument, NULL, CLI_O_CSV}
#define CLI_OPT_OUT {"out", required_argument, NULL, CLI_O_OUT}
#define CLI_OPT_HELP {"help", no_argument, NULL, CLI_O_HELP}
/* A built-in YEAR's source and a FILE's year. */
#define CLI_ELECTION_OPTIONS CLI_OPT_SOURCE, CLI_OPT_YEAR
/* --json, --csv, --out FILE, --help. */
#define CLI_OUTPUT_OPTIONS CLI_OPT_JSON, CLI_OPT_CSV, CLI_OPT_OUT, CLI_OPT_HELP

struct option; /* <getopt.h> */
typedef struct cli_whatif cli_whatif;
/* The progress line of a long file read (progress.c): start before
 * loading, pass cli_progress_cb with the struct as tly_load_opts'
 * progress, end after. Shown after 1 s, only when stderr is a terminal. */
typedef struct cli_progress {
  const char *name;
  double t0;
  bool tty, shown;
} cli_progress;
void cli_progress_start(cli_progress *p, const char *name);
void cli_progress_cb(void *ud, int64_t done, int64_t size);
void cli_progress_end(cli_progress *p);

typedef struct cli_opts {
  /* Set by the subcommand before cli_opts_parse: */
  const char *sub;       /* its name, for messages */
  void (*help)(void);    /* prints its --help to stdout */
  cli_whatif *wi;        /* where its what-if options go (cli_opts_parse
                          * initializes it); NULL: it offers none */
  int first;             /* argv index of the first option (0 means 1) */
  int max_operands;      /* operands allowed after the options: 0 or 1 */
  /* Filled by cli_opts_parse (zero: not given): */
  tly_source source;     /* --source (TLY_SOURCE_MEDSL, 0, by default) */
  bool source_given;
  int year;              /* --year */
  bool json, csv;        /* --json, --csv */
  const char *out;       /* --out FILE; NULL: stdout */
  const char *arg;       /* the operand (YEAR|FILE, CENSUS), NULL if none */
} cli_opts;

/* cli_opts_parse's "nothing to return yet": parsing went through. */
enum { CLI_MORE = -1 };
/* A subcommand's own option `ch` (with its argument, NULL when none):
 * returns CLI_OK when taken, or the exit code to stop with. */
typedef int (*cli_option_fn)(void *ud, int ch, char *arg);

/* Runs getopt_long over argv with `opts`: the shared options are taken
 * here (--help prints o->help and stops with CLI_OK), what-if options go
 * to cli_whatif_option, the others to own(ud, ...) (own may be NULL when
 * there are none). An unknown option or a missing value, --json with
 * --csv, or more than o->max_operands operands is a usage error. Returns
 * CLI_MORE when all went through (o->arg set), else the exit code. */
int cli_opts_parse(cli_opts *o, int argc, char **argv,
                   const struct option *opts, cli_option_fn own, void *ud);
/* Loads the election o->arg names (cli_load_election) into *out. When
 * o->wi is set, the what-ifs are checked first (cli_whatif_check) and
 * applied after (cli_whatif_apply): *out is then the what-if, and the
 * election as loaded goes to *base, or is freed when base is NULL (base
 * is only for a subcommand with what-ifs). Returns the exit code; on
 * failure *out (and *base) are NULL. */
int cli_opts_load(const cli_opts *o, tly_election **base,
                  tly_election **out);
/* cli_opts_parse, then cli_opts_load(o, NULL, out): the election a
 * YEAR|FILE subcommand works on. Returns CLI_MORE with *out set, else the
 * exit code (*out NULL). */
int cli_opts_election(cli_opts *o, int argc, char **argv,
                      const struct option *opts, cli_option_fn own, void *ud,
                      tly_election **out);

/* Subcommands (cli/cmd_<name>.c). */
int cmd_years(int argc, char **argv);
int cmd_result(int argc, char **argv);
int cmd_history(int argc, char **argv);
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
int cmd_polls(int argc, char **argv);
/* cmd_polls.c: tally polls --model's CSV for a poll file (malloc'd into *text) and the
 * national sd its error model recommends; CLI_OK, or prints the error and
 * returns the exit code. */
int cli_polls_model_csv(const char *file, char **text, size_t *len,
                        double *national_sd);
/* whatif_opts.c: the what-if options any subcommand can offer (--without,
 * --reapportion [CENSUS], --seats, --apportion-method, --rule,
 * --npv-members, --swing, --set, --tie, --drop, --delegation, --split,
 * --move, --merge, --admit), each mapped to a key of the library's what-if
 * specification and applied in the library's order (tly_whatif_apply). Use: put CLI_WHATIF_OPTIONS in the getopt_long table
 * (their codes are CLI_WHATIF_BASE and up: keep your own below it, and
 * drop a --tie of your own), call cli_whatif_init, hand every option to
 * cli_whatif_option (-1: not a what-if option), then cli_whatif_check
 * after the loop and cli_whatif_apply on the loaded election. A new
 * option: a key in the library (src/whatif_spec.c), a line here and its
 * key at the same place in flag_key (whatif_opts.c). */
#define CLI_WHATIF_BASE 1000
#define CLI_WHATIF_OPTIONS                                                 \
  {"without", required_argument, NULL, CLI_WHATIF_BASE + 0},               \
      {"reapportion", optional_argument, NULL, CLI_WHATIF_BASE + 1},       \
      {"seats", required_argument, NULL, CLI_WHATIF_BASE + 2},             \
      {"apportion-method", required_argument, NULL, CLI_WHATIF_BASE + 3},  \
      {"rule", required_argument, NULL, CLI_WHATIF_BASE + 4},              \
      {"npv-members", required_argument, NULL, CLI_WHATIF_BASE + 5},       \
      {"swing", required_argument, NULL, CLI_WHATIF_BASE + 6},             \
      {"set", required_argument, NULL, CLI_WHATIF_BASE + 7},               \
      {"tie", required_argument, NULL, CLI_WHATIF_BASE + 8},               \
      {"drop", required_argument, NULL, CLI_WHATIF_BASE + 9},              \
      {"delegation", required_argument, NULL, CLI_WHATIF_BASE + 10},         \
      CLI_REDRAW_OPTIONS
/* The redraw's flags (redraw.c), numbered apart from the others. */
#define CLI_REDRAW_OPTIONS                                                 \
  {"split", required_argument, NULL, CLI_WHATIF_BASE + 20},                \
      {"move", required_argument, NULL, CLI_WHATIF_BASE + 21},             \
      {"merge", required_argument, NULL, CLI_WHATIF_BASE + 22},            \
      {"admit", required_argument, NULL, CLI_WHATIF_BASE + 23}

typedef struct cli_whatif {
  bool any; /* some what-if option was given */
  struct {
    const char *key;  /* the library's key (tly_whatif_spec_set) */
    const char *text; /* the flag's argument, as given */
  } pair[256];
  size_t n_pairs;
  /* Filled by cli_whatif_apply: */
  bool reapportion; /* the House is reapportioned */
  char what[512];   /* the what-if in words (tly_whatif_spec_describe) */
} cli_whatif;

void cli_whatif_init(cli_whatif *w);
/* Takes option `ch` with argument `arg` (NULL when none) as a (key, text)
 * pair for the library (nothing is read here); argc/argv are the
 * subcommand's, so that `--reapportion 2000` can take its census from the
 * next argument (an all-digit one; optind is advanced past it). Returns -1
 * when ch is not a what-if option, CLI_OK when taken, or 2 after printing
 * a usage error. */
int cli_whatif_option(cli_whatif *w, const char *sub, int ch, const char *arg,
                      int argc, char **argv);
/* After option parsing: the library reads and checks the options
 * (tly_whatif_spec_set, tly_whatif_spec_check); a bad value or a
 * contradiction (seats without reapportion...) prints the library's one
 * line; returns 0 or 2. */
int cli_whatif_check(const cli_whatif *w, const char *sub);
/* Applies the options to `in` into *out (a new election; a copy when no
 * option was given) with tly_whatif_spec_apply, and fills w->what and
 * w->reapportion. A bad option (unknown state or candidate, census
 * without data, a swing beyond 100 points, --rule district without
 * district returns) prints one line and returns 2; other failures 1. */
int cli_whatif_apply(cli_whatif *w, const char *sub,
                     const tly_election *in, tly_election **out);
/* The options' lines for a subcommand's --help. */
void cli_whatif_help(FILE *fp);
/* "without CA, NY · reapportioned (2010 census) · swing +2 · rule npv", a
 * one-line summary of what was asked, into buf; "" when nothing. */
void cli_whatif_describe(const cli_whatif *w, char *buf, size_t size);
int cmd_whatif(int argc, char **argv);
int cmd_serve(int argc, char **argv);
/* @@CLI-DECLS@@ */

#endif
