/*
 * cmd_flip.c -- `tally flip [YEAR|FILE]`: the fewest voters whose switch
 * would have given the runner-up (or --to) the Presidency or a tie, exact
 * (a 0/1 knapsack over the units of the College), with both conventions.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally flip [YEAR | FILE] [options]\n\n"
      "The fewest votes that, moved from the winner to the runner-up (or to\n"
      "--to), would have changed the outcome: an exact 0/1 knapsack over the\n"
      "units of the College (Maine's and Nebraska's districts are units of\n"
      "their own), solved by dynamic programming over electors.\n\n"
      "Two conventions are printed for the same set of units:\n"
      "  voters who switch  the minimum: in each unit, the fewest voters who,\n"
      "                     changing sides, give the target the unit outright\n"
      "                     (half the margin plus one in a two-way lead)\n"
      "  sum of margins     the units' margins (leader's votes minus the\n"
      "                     target's), added up\n"
      "Electors are those pledged by the popular vote (faithless electors\n"
      "aside). Units without returns (settled by the record) cannot move.\n\n"
      "Options:\n"
      "  --target win|tie    win (default): the target reaches a majority;\n"
      "                      tie: exactly half of the electors, no majority\n"
      "  --to CANDIDATE      the candidate to flip toward (name, last name,\n"
      "                      party, D or R; default: the runner-up)\n"
      "  --source S          built-in source: medsl, fec or history (default:\n"
      "                      the year's own; tally years lists each year's)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --json              {target, from, to, units: [{code, electors,\n"
      "                      margin, votes_to_move}], margin_sum, voters,\n"
      "                      electors_after: {candidate: n}, ...}\n"
      "  --csv               one row per flipped unit\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n");
  cli_whatif_help(stdout);
  printf("\n"
      "Examples:\n"
      "  tally flip 2016\n"
      "  tally flip 2020 --target tie\n");
}

static void print_human(FILE *fp, const char *what, const tly_election *e,
                        const tly_flip *f)
{
  char b1[32], b2[32], b3[32];
  const char *to = tly_election_candidate(e, (size_t)tly_flip_to(f))->name;
  const char *from =
      tly_election_candidate(e, (size_t)tly_flip_from(f))->name;
  cli_print_title(fp, e, what);
  if (tly_flip_target_of(f) == TLY_FLIP_WIN)
    fprintf(fp, "Fewest votes for %s to win: %lld of %lld electors "
                "(a majority)\n",
            to, (long long)tly_flip_majority(f),
            (long long)tly_flip_electors(f));
  else
    fprintf(fp, "Fewest votes for a tie: %s gets %lld of %lld electors, "
                "no one a majority\n",
            to, (long long)(tly_flip_electors(f) / 2),
            (long long)tly_flip_electors(f));
  fprintf(fp, "Votes move from %s's side; electors as pledged (faithless "
              "electors aside).\n\n",
          cli_last_name(from));
  fprintf(fp, "%-6s %3s  %-10s %12s %16s\n", "Unit", "EV", "Held by",
          "Margin", "Voters to switch");
  int64_t ev = 0;
  for (size_t i = 0; i < tly_flip_n_units(f); i++) {
    const tly_flip_unit *u = tly_flip_unit_at(f, i);
    ev += u->electors;
    fprintf(fp, "%-6s %3d  %-10.10s %12s %16s\n", u->code, u->electors,
            u->holder >= 0
                ? cli_last_name(
                      tly_election_candidate(e, (size_t)u->holder)->name)
                : "(tie)",
            tly_format_count(u->margin, b1, sizeof b1),
            tly_format_count(u->votes_to_move, b2, sizeof b2));
  }
  fprintf(fp, "%-6s %3lld  %-10s %12s %16s\n", "Total", (long long)ev, "",
          tly_format_count(tly_flip_margin_sum(f), b1, sizeof b1),
          tly_format_count(tly_flip_voters(f), b2, sizeof b2));
  fprintf(fp, "\nVoters who switch (the minimum; half the margin plus one "
              "in each unit): %s\n",
          tly_format_count(tly_flip_voters(f), b3, sizeof b3));
  fprintf(fp, "Sum of the margins in the same units: %s\n",
          tly_format_count(tly_flip_margin_sum(f), b3, sizeof b3));
  fprintf(fp, "Electors after:");
  bool first = true;
  for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
    if (tly_flip_electors_before(f, c) == 0 &&
        tly_flip_electors_after(f, c) == 0)
      continue;
    fprintf(fp, "%s %s %lld", first ? "" : ",",
            tly_election_candidate(e, c)->name,
            (long long)tly_flip_electors_after(f, c));
    first = false;
  }
  fprintf(fp, "\n");
}

static void print_csv(FILE *fp, const tly_flip *f)
{
  fprintf(fp, "code,electors,margin,votes_to_move\n");
  for (size_t i = 0; i < tly_flip_n_units(f); i++) {
    const tly_flip_unit *u = tly_flip_unit_at(f, i);
    fprintf(fp, "%s,%d,%lld,%lld\n", u->code, u->electors,
            (long long)u->margin, (long long)u->votes_to_move);
  }
}

/* flip's own options. */
enum { O_TARGET = 1, O_TO };
typedef struct {
  tly_flip_opts fo;
  const char *to;
} flip_args;

static int flip_option(void *ud, int ch, char *arg)
{
  flip_args *a = ud;
  switch (ch) {
  case O_TARGET:
    if (strcmp(arg, "win") == 0)
      a->fo.target = TLY_FLIP_WIN;
    else if (strcmp(arg, "tie") == 0)
      a->fo.target = TLY_FLIP_TIE;
    else
      return cli_usage("flip", "--target is win or tie, not '%s'", arg);
    return CLI_OK;
  default: /* O_TO */
    a->to = arg;
    return CLI_OK;
  }
}

typedef struct {
  const cli_opts *o;
  const char *what;
  const tly_election *e;
  const tly_flip *f;
} flip_job;

static int write_flip(FILE *fp, void *ud)
{
  const flip_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(tly_json_flip(j->e, j->f, cli_file_writer, fp, &err),
                     &err);
  if (j->o->csv)
    print_csv(fp, j->f);
  else
    print_human(fp, j->what, j->e, j->f);
  return CLI_OK;
}

int cmd_flip(int argc, char **argv)
{
  static const struct option opts[] = {
      {"target", required_argument, NULL, O_TARGET},
      {"to", required_argument, NULL, O_TO},
      CLI_ELECTION_OPTIONS,
      CLI_OUTPUT_OPTIONS,
      CLI_WHATIF_OPTIONS,
      {NULL, 0, NULL, 0}};
  cli_whatif wi;
  cli_opts o = {.sub = "flip", .help = help, .wi = &wi, .max_operands = 1};
  flip_args a = {{TLY_FLIP_WIN, -1}, NULL};
  tly_election *e = NULL;
  int rc = cli_opts_election(&o, argc, argv, opts, flip_option, &a, &e);
  if (rc != CLI_MORE)
    return rc;
  char what[512];
  cli_whatif_describe(&wi, what, sizeof what);
  if (a.to != NULL) {
    a.fo.to = tly_election_find_candidate(e, a.to);
    if (a.fo.to < 0) {
      tly_election_free(e);
      return cli_usage("flip", "--to '%s' matches no single candidate",
                       a.to);
    }
  }
  tly_error err = {0};
  tly_flip *f = NULL;
  if (tly_flip_compute(e, &a.fo, &f, &err) != TLY_OK) {
    /* A rule the library refuses is a what-if option that does not apply
     * here: a usage error, like every other refusal of a what-if. */
    bool by_rule = err.status == TLY_EUNSUPPORTED &&
                   !tly_rule_units_decide(tly_election_rule(e));
    tly_election_free(e);
    return by_rule ? cli_usage("flip", "%s", err.msg) : cli_report(&err);
  }
  flip_job j = {&o, what, e, f};
  rc = cli_write(o.out, write_flip, &j);
  tly_flip_free(f);
  tly_election_free(e);
  return rc;
}
