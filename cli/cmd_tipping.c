/*
 * cmd_tipping.c -- `tally tipping [YEAR|FILE]`: the tipping-point unit (the
 * winner's units ordered by margin, largest first; the one that carries
 * the winner to a majority), its margin, the national margin and the tilt.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally tipping [YEAR | FILE] [options]\n\n"
      "The tipping point: the winner's units of the College (Maine's and\n"
      "Nebraska's districts are units of their own) ordered from the largest\n"
      "margin to the smallest; the unit whose electors carry the winner to a\n"
      "majority. Printed with its margin, the national margin and the gap\n"
      "between them (the College's tilt).\n\n"
      "A margin is (first - second) / all votes in the unit, in percentage\n"
      "points, labelled by the party of the candidate ahead: D+0.63 means the\n"
      "Democrat leads by 0.63 points, R+0.76 the Republican. The national\n"
      "margin is the winner's popular vote minus the runner-up's over all\n"
      "votes. The tilt is the tipping point's margin minus the national one,\n"
      "computed exactly and then rounded, labelled by the party it favours.\n"
      "Electors are those pledged by the popular vote (faithless electors\n"
      "aside). A unit whose winner a what-if set is certain: first, with no\n"
      "margin. A unit without returns has no margin and cannot be placed in\n"
      "the order: it is listed after it, and its electors count for the\n"
      "candidate the record gives.\n\n"
      "Options:\n"
      "  --source S          built-in source: medsl, fec or history (default:\n"
      "                      the year's own; tally years lists each year's)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --json              {unit, winner, winner_party, runner_up,\n"
      "                      runner_up_party, margin_pct, national_margin_pct,\n"
      "                      tilt_pct, order: [{code, electors, margin_pct,\n"
      "                      cumulative}], no_margin: [{code, electors,\n"
      "                      reason}], ...}; percentages signed toward the\n"
      "                      winner (negative: the winner trails)\n"
      "  --csv               the order, one row per unit; the units without\n"
      "                      returns last, with no rank\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n");
  cli_whatif_help(stdout);
  printf("\n"
      "Examples:\n"
      "  tally tipping 2016\n"
      "  tally tipping 2020 --json\n");
}

/* The label of a candidate's lead: "D", "R", or the party's (else the
 * name's) first letter. */
static char letter(const tly_election *e, int32_t c)
{
  if (c < 0)
    return '?';
  const tly_candidate *k = tly_election_candidate(e, (size_t)c);
  const char *s = k->party[0] != '\0' ? k->party : cli_last_name(k->name);
  char ch = s[0];
  return ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
}

/* "R+0.76": num / den signed toward `pos` (else toward `neg`). */
static const char *label(const tly_election *e, int32_t pos, int32_t neg,
                         int64_t num, int64_t den, char *buf, size_t size)
{
  if (den <= 0) {
    snprintf(buf, size, "-");
    return buf;
  }
  char p[32];
  tly_format_percent(num < 0 ? -num : num, den, 2, p, sizeof p);
  if (num == 0)
    snprintf(buf, size, "0.00");
  else
    snprintf(buf, size, "%c+%s", letter(e, num > 0 ? pos : neg), p);
  return buf;
}

static void print_human(FILE *fp, const char *what, const tly_election *e,
                        const tly_tipping *t)
{
  int32_t w = tly_tipping_winner(t);
  int32_t r = tly_tipping_runner_up(t);
  const tly_tipping_row *p = tly_tipping_row_at(t, tly_tipping_point(t));
  char b1[48], b2[48], b3[48];
  cli_print_title(fp, e, what);
  const char *name = tly_state_name(p->code);
  fprintf(fp, "Tipping point: %s%s%s%s, %s; it carries %s to %lld electors "
              "(a majority is %lld)\n",
          p->code, name ? " (" : "", name ? name : "", name ? ")" : "",
          p->forced ? "set by the what-if"
                    : label(e, w, r, p->lead, p->total_votes, b1, sizeof b1),
          tly_election_candidate(e, (size_t)w)->name,
          (long long)p->cumulative, (long long)tly_tipping_majority(t));
  fprintf(fp, "National margin: %s (popular vote, %s vs. %s)\n",
          label(e, w, r, tly_tipping_national_lead(t),
                tly_tipping_national_total(t), b2, sizeof b2),
          cli_candidate_last(e, w), cli_candidate_last(e, r));
  fprintf(fp, "Tilt of the College: %s (tipping point minus nation)\n",
          label(e, w, r, tly_tipping_tilt_num(t), tly_tipping_tilt_den(t),
                b3, sizeof b3));
  fprintf(fp, "\n%s's units, largest margin first:\n",
          cli_candidate_last(e, w));
  fprintf(fp, "%3s  %-6s %3s %9s %11s\n", "#", "Unit", "EV", "Margin",
          "Cumulative");
  size_t n = tly_tipping_n_ordered(t);
  for (size_t i = 0; i < n; i++) {
    const tly_tipping_row *x = tly_tipping_row_at(t, i);
    fprintf(fp, "%3zu  %-6s %3d %9s %11lld%s\n", i + 1, x->code,
            x->electors,
            x->forced ? "set"
                      : label(e, w, r, x->lead, x->total_votes, b1,
                              sizeof b1),
            (long long)x->cumulative,
            i == tly_tipping_point(t) ? "  <- tipping point" : "");
  }
  if (n == tly_tipping_n_rows(t))
    return;
  fprintf(fp, "\nNot in the order, without a margin (their electors count "
              "for %s):\n", cli_candidate_last(e, w));
  for (size_t i = n; i < tly_tipping_n_rows(t); i++) {
    const tly_tipping_row *x = tly_tipping_row_at(t, i);
    fprintf(fp, "%3s  %-6s %3d  %s\n", "", x->code, x->electors,
            "no returns (the electors as cast decide it)");
  }
}

static void print_csv(FILE *fp, const tly_tipping *t)
{
  fprintf(fp, "rank,code,electors,lead,total_votes,cumulative,tipping\n");
  for (size_t i = 0; i < tly_tipping_n_rows(t); i++) {
    const tly_tipping_row *x = tly_tipping_row_at(t, i);
    if (x->by_record && !x->forced)
      fprintf(fp, ",%s,%d,,,", x->code, x->electors); /* no rank, margin */
    else if (x->forced)
      fprintf(fp, "%zu,%s,%d,,,", i + 1, x->code, x->electors);
    else
      fprintf(fp, "%zu,%s,%d,%lld,%lld,", i + 1, x->code, x->electors,
              (long long)x->lead, (long long)x->total_votes);
    fprintf(fp, "%lld,%d\n", (long long)x->cumulative,
            i == tly_tipping_point(t));
  }
}

typedef struct {
  const cli_opts *o;
  const char *what;
  const tly_election *e;
  const tly_tipping *t;
} tipping_job;

static int write_tipping(FILE *fp, void *ud)
{
  const tipping_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(
        tly_json_tipping(j->e, j->t, cli_file_writer, fp, &err), &err);
  if (j->o->csv)
    print_csv(fp, j->t);
  else
    print_human(fp, j->what, j->e, j->t);
  return CLI_OK;
}

int cmd_tipping(int argc, char **argv)
{
  static const struct option opts[] = {
      CLI_ELECTION_OPTIONS, CLI_OUTPUT_OPTIONS, CLI_WHATIF_OPTIONS,
      {NULL, 0, NULL, 0}};
  cli_whatif wi;
  cli_opts o = {.sub = "tipping", .help = help, .wi = &wi,
                .max_operands = 1};
  tly_election *e = NULL;
  int rc = cli_opts_election(&o, argc, argv, opts, NULL, NULL, &e);
  if (rc != CLI_MORE)
    return rc;
  char what[512];
  cli_whatif_describe(&wi, what, sizeof what);
  tly_error err = {0};
  tly_tipping *t = NULL;
  if (tly_tipping_compute(e, &t, &err) != TLY_OK) {
    /* A rule the library refuses is a usage error (see cmd_flip.c). */
    bool by_rule = err.status == TLY_EUNSUPPORTED &&
                   !tly_rule_units_decide(tly_election_rule(e));
    tly_election_free(e);
    return by_rule ? cli_usage("tipping", "%s", err.msg) : cli_report(&err);
  }
  tipping_job j = {&o, what, e, t};
  rc = cli_write(o.out, write_tipping, &j);
  tly_tipping_free(t);
  tly_election_free(e);
  return rc;
}
