/*
 * cmd_recount.c -- `tally recount YEAR [--state ST]`: the statewide recount
 * triggers in force for a presidential election (the built-in table of
 * src/recount.c, each row with its source) and whether each state's margin
 * between its top two met them.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void help(void)
{
  printf(
      "usage: tally recount [YEAR | FILE] [--state ST] [options]\n\n"
      "Which states' presidential margins fell within their automatic or\n"
      "requestable recount thresholds. There is no national recount: each\n"
      "state recounts its own contest, so each row is one state's rule\n"
      "against the margin between its top two candidates. The threshold is\n"
      "the largest margin, in votes, that triggers the rule, computed\n"
      "exactly from the rule's base: all votes for the office, the top\n"
      "two's votes, or the winner's. Rules: process-facts.md §4 (NCSL,\n"
      "Ballotpedia, statutes, Politico 2016), each row with its source and\n"
      "mark (V verified, P partial, U inferred).\n\n"
      "Assumptions: a row is listed for the years its sources attest it in\n"
      "force; where they give no start year, from the year of the source\n"
      "(the rule may be older: the rows left out are named below the\n"
      "table). A base the sources do not name is all votes for the office.\n"
      "The table covers the states in the sources, not all 50.\n\n"
      "Options:\n"
      "  --state ST          one state (postal code)\n"
      "  --source medsl|fec  built-in source (default medsl)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --json              JSON instead of a table\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n"
      "Examples:\n"
      "  tally recount 2016\n"
      "  tally recount 2000 --state FL\n");
}

/* The rule in a few words: "<= 0.5 % of total", "<= 2,000 votes", ... */
static void short_rule(const tly_recount_trigger *t, char *buf, size_t n)
{
  static const char *const base[] = {"", "total", "top two", "winner"};
  char pct[48] = "", votes[48] = "";
  if (t->any_margin) {
    snprintf(buf, n, "any margin");
    return;
  }
  if (t->pct_den > 0 && t->base != TLY_BASE_NONE) {
    /* The fewest decimals that show the percentage exactly (0.5, 0.25). */
    int digits = 0;
    int64_t scaled = t->pct_num * 100;
    while (digits < 4 && scaled % t->pct_den != 0) {
      scaled *= 10;
      digits++;
    }
    char p[24];
    snprintf(pct, sizeof pct, "%s %s %% of %s", t->pct_strict ? "<" : "<=",
             tly_format_percent(t->pct_num, t->pct_den, digits, p, sizeof p),
             base[t->base]);
  }
  if (t->votes == 0 && !t->votes_strict) {
    snprintf(votes, sizeof votes, "tie");
  } else if (t->votes >= 0) {
    char v[32];
    snprintf(votes, sizeof votes, "%s %s votes", t->votes_strict ? "<" : "<=",
             tly_format_count(t->votes, v, sizeof v));
  }
  if (pct[0] && votes[0])
    snprintf(buf, n, "%s %s %s", pct,
             t->combine == TLY_COMBINE_GREATER ? "or" : "and", votes);
  else
    snprintf(buf, n, "%s", pct[0] ? pct : votes);
}

/* qsort comparator: state codes (const char *) in strcmp order. */
static int by_code(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void print(FILE *fp, const tly_election *e, const char *state,
                  const tly_recount_check *rows, size_t n)
{
  char b1[32], b2[32], rule[160];
  fprintf(fp, "Recount triggers in force in %d · source: %s\n",
          tly_election_year(e), tly_election_source_name(e));
  fprintf(fp, "Each state recounts its own contest; threshold = the largest "
              "margin (votes) that triggers the rule.\n\n");
  if (n == 0) {
    fprintf(fp, "No statewide trigger in the table is in force for %s in "
                "%d.\n",
            state != NULL ? state : "any state", tly_election_year(e));
  } else {
    fprintf(fp, "%-5s %-9s %-38s %-10s %-10s %11s %11s  %s\n", "State",
            "Kind", "Trigger", "Winner", "Runner-up", "Margin", "Threshold",
            "Met");
  }
  for (size_t i = 0; i < n; i++) {
    const tly_recount_check *r = &rows[i];
    const tly_recount_trigger *t = r->trigger;
    short_rule(t, rule, sizeof rule);
    const char *w = cli_candidate_last(e, r->first);
    const char *l = cli_candidate_last(e, r->second);
    fprintf(fp, "%-5s %-9s %-38.38s %-10.10s %-10.10s %11s %11s  %s\n",
            t->state,
            t->kind == TLY_RECOUNT_AUTOMATIC ? "automatic" : "requested",
            rule, w, l, tly_format_count(r->margin, b1, sizeof b1),
            t->any_margin ? "any"
                          : tly_format_count(r->threshold, b2, sizeof b2),
            r->met ? "yes" : "no");
  }
  if (n > 0) {
    fprintf(fp, "\nRules and sources:\n");
    for (size_t i = 0; i < n; i++) {
      const tly_recount_trigger *t = rows[i].trigger;
      fprintf(fp, "  %s%s%s%s: %s [%s] %s\n", t->state,
              t->label[0] ? " (" : "", t->label, t->label[0] ? ")" : "",
              t->rule, t->mark, t->source);
    }
  }
  /* The states whose rows the sources attest only for other years, in
   * alphabetical order of their codes. */
  const char *codes[128];
  size_t n_codes = 0;
  int year = tly_election_year(e);
  for (size_t i = 0; i < tly_recount_n_triggers(); i++) {
    const tly_recount_trigger *t = tly_recount_trigger_at(i);
    if (year >= t->first_year && year <= t->last_year)
      continue;
    if (state != NULL && strcasecmp(state, t->state) != 0)
      continue;
    bool listed = false;
    for (size_t j = 0; j < n_codes && !listed; j++)
      listed = strcmp(codes[j], t->state) == 0;
    for (size_t j = 0; j < n && !listed; j++)
      listed = strcmp(rows[j].trigger->state, t->state) == 0;
    if (!listed && n_codes < sizeof codes / sizeof codes[0])
      codes[n_codes++] = t->state;
  }
  qsort(codes, n_codes, sizeof codes[0], by_code);
  char left[512] = "";
  size_t len = 0;
  for (size_t i = 0; i < n_codes && len + 8 < sizeof left; i++)
    len += (size_t)snprintf(left + len, sizeof left - len, "%s%s",
                            len ? ", " : "", codes[i]);
  if (len > 0)
    fprintf(fp, "\nNot listed for %d (its sources attest the rule only for "
                "other years): %s\n",
            year, left);
}

enum { O_STATE = 1 }; /* recount's own option */

static int recount_option(void *ud, int ch, char *arg)
{
  (void)ch; /* O_STATE */
  *(const char **)ud = arg;
  return CLI_OK;
}

typedef struct {
  const cli_opts *o;
  const char *state;
  const tly_election *e;
  const tly_recount_check *rows;
  size_t n;
} recount_job;

static int write_recount(FILE *fp, void *ud)
{
  const recount_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(tly_json_recount(j->e, j->rows, j->n, cli_file_writer,
                                      fp, &err),
                     &err);
  print(fp, j->e, j->state, j->rows, j->n);
  return CLI_OK;
}

int cmd_recount(int argc, char **argv)
{
  static const struct option opts[] = {
      {"state", required_argument, NULL, O_STATE},
      CLI_ELECTION_OPTIONS,
      CLI_OPT_JSON,
      CLI_OPT_OUT,
      CLI_OPT_HELP,
      {NULL, 0, NULL, 0}};
  cli_opts o = {.sub = "recount", .help = help, .max_operands = 1};
  const char *state = NULL;
  int rc = cli_opts_parse(&o, argc, argv, opts, recount_option, &state);
  if (rc != CLI_MORE)
    return rc;
  if (o.arg == NULL)
    return cli_usage("recount", "which election? (a YEAR or a FILE)");
  tly_election *e = NULL;
  rc = cli_opts_load(&o, NULL, &e);
  if (rc != CLI_OK)
    return rc;
  tly_error err = {0};
  size_t cap = tly_recount_n_triggers();
  tly_recount_check rows[128];
  size_t n = 0;
  if (cap > sizeof rows / sizeof rows[0])
    cap = sizeof rows / sizeof rows[0];
  tly_status s = tly_recount_check_election(e, state, rows, cap, &n, &err);
  if (s == TLY_ENOTFOUND) {
    tly_election_free(e);
    return cli_usage("recount", "unknown state '%s'", state);
  }
  if (s != TLY_OK) {
    tly_election_free(e);
    return cli_report(&err);
  }
  recount_job j = {&o, state, e, rows, n};
  rc = cli_write(o.out, write_recount, &j);
  tly_election_free(e);
  return rc;
}
