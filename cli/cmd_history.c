/*
 * cmd_history.c -- `tally history [--from Y] [--to Y]`: one row per built-in
 * election (tly_history_compute): who became President and with how many
 * electoral votes, the popular-vote leader and margin, whether the leader
 * lost, how many states voted, and the rule of the year.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally history [--from Y] [--to Y] [options]\n\n"
      "Every built-in election, one row each, counted by the rules in force\n"
      "that year: who became President (the College's majority, or the\n"
      "House's choice as recorded), the electoral votes, the popular-vote\n"
      "leader and margin over the states that voted, whether the leader\n"
      "lost, how many states voted (the rest chose electors by their\n"
      "legislatures), the rule, and the source.\n\n"
      "How 1960 is counted: Alabama's Democratic vote (its top Democratic\n"
      "elector's) goes to Kennedy, as the Clerk of the House counts it; the\n"
      "notes give the margin if it were split by its electors.\n\n"
      "Options:\n"
      "  --from Y     the first year (default: the first built-in)\n"
      "  --to Y       the last year (default: the last built-in)\n"
      "  --json       {elections: [{year, source, rule, president, by_house,\n"
      "               president_ev, runner_up, runner_up_ev, electors,\n"
      "               majority, states, states_voted, total_votes,\n"
      "               pv_leader, pv_leader_votes, pv_margin,\n"
      "               pv_leader_lost}], notes}\n"
      "  --csv        one row per election, the same fields\n"
      "  --out FILE   write to FILE (atomically) instead of stdout\n"
      "  --help       this help\n\n"
      "Examples:\n"
      "  tally history\n"
      "  tally history --from 1860 --to 1900\n"
      "  tally history --csv\n");
}

enum { O_FROM = 1, O_TO };

typedef struct {
  int from, to;
} range;

static int own(void *ud, int ch, char *arg)
{
  range *r = ud;
  int64_t v;
  if (!cli_parse_i64(arg, 1, 9999, &v))
    return cli_usage("history", "%s needs a year, not '%s'",
                     ch == O_FROM ? "--from" : "--to", arg);
  if (ch == O_FROM)
    r->from = (int)v;
  else
    r->to = (int)v;
  return CLI_OK;
}

typedef struct {
  const tly_history *h;
  bool json, csv;
} job;

static int write_csv(FILE *fp, const tly_history *h)
{
  fprintf(fp, "year,source,rule,president,by_house,president_ev,runner_up,"
              "runner_up_ev,electors,majority,states,states_voted,"
              "total_votes,pv_leader,pv_leader_votes,pv_margin,"
              "pv_leader_lost\n");
  for (size_t i = 0; i < tly_history_n_rows(h); i++) {
    const tly_history_row *r = tly_history_row_at(h, i);
    fprintf(fp, "%d,", r->year);
    cli_csv_field(fp, r->source);
    fprintf(fp, ",");
    cli_csv_field(fp, r->rule);
    fprintf(fp, ",");
    cli_csv_field(fp, r->president);
    fprintf(fp, ",%s,%lld,", r->by_house ? "true" : "false",
            (long long)r->president_ev);
    cli_csv_field(fp, r->runner_up);
    fprintf(fp, ",%lld,%lld,%lld,%zu,%zu,%lld,", (long long)r->runner_up_ev,
            (long long)r->electors, (long long)r->majority, r->n_states,
            r->n_voted, (long long)r->total_votes);
    cli_csv_field(fp, r->pv_leader);
    fprintf(fp, ",%lld,%lld,%s\n", (long long)r->pv_leader_votes,
            (long long)r->pv_margin, r->pv_leader_lost ? "true" : "false");
  }
  return CLI_OK;
}

static int write_human(FILE *fp, const tly_history *h)
{
  size_t n = tly_history_n_rows(h);
  fprintf(fp, "Presidential elections %d-%d · sources:",
          tly_history_row_at(h, 0)->year, tly_history_row_at(h, n - 1)->year);
  /* Each source once, with the years it covers here. */
  for (size_t i = 0; i < n;) {
    const tly_history_row *first = tly_history_row_at(h, i);
    size_t k = i;
    while (k + 1 < n &&
           strcmp(tly_history_row_at(h, k + 1)->source, first->source) == 0)
      k++;
    fprintf(fp, "%s %s (%d-%d)", i ? ";" : "", first->source, first->year,
            tly_history_row_at(h, k)->year);
    i = k + 1;
  }
  fprintf(fp, "\n\n");
  fprintf(fp, "%-4s  %-22s %7s  %-22s %12s %6s  %-5s %-6s %s\n", "Year",
          "President", "EV", "Popular-vote leader", "Margin", "Points",
          "Lost", "Voted", "Rule");
  char b1[32], b2[32];
  size_t n_lost = 0;
  for (size_t i = 0; i < n; i++) {
    const tly_history_row *r = tly_history_row_at(h, i);
    char ev[24];
    snprintf(ev, sizeof ev, "%lld/%lld%s", (long long)r->president_ev,
             (long long)r->electors, r->by_house ? "H" : "");
    char voted[16];
    snprintf(voted, sizeof voted, "%zu/%zu", r->n_voted, r->n_states);
    fprintf(fp, "%-4d  %-22.22s %7s  %-22.22s %12s %6s  %-5s %-6s %s\n",
            r->year, r->president, ev,
            r->pv_leader[0] ? r->pv_leader : "(no popular vote)",
            r->pv_leader[0] ? tly_format_count(r->pv_margin, b1, sizeof b1)
                            : "-",
            r->pv_leader[0] ? tly_format_percent(r->pv_margin,
                                                 r->total_votes, 2, b2,
                                                 sizeof b2)
                            : "-",
            r->pv_leader_lost ? "yes" : "", voted, r->rule);
    n_lost += r->pv_leader_lost;
  }
  fprintf(fp, "\nEV: electoral votes cast for the President / electors "
              "counted (H: the House chose him). Voted: states with a "
              "popular vote / states taking part.\n");
  fprintf(fp, "The popular-vote leader lost in %zu of these elections:",
          n_lost);
  for (size_t i = 0, k = 0; i < n; i++) {
    const tly_history_row *r = tly_history_row_at(h, i);
    if (r->pv_leader_lost)
      fprintf(fp, "%s %d", k++ ? "," : "", r->year);
  }
  fprintf(fp, "\n");
  if (tly_history_note_1960(h)[0] != '\0')
    fprintf(fp, "note: %s\n", tly_history_note_1960(h));
  for (size_t i = 0; i < tly_history_n_checks(h); i++)
    fprintf(fp, "note: %s\n", tly_history_check(h, i));
  return CLI_OK;
}

static int write_out(FILE *fp, void *ud)
{
  const job *j = ud;
  if (j->json) {
    tly_error err;
    return cli_check(tly_json_history(j->h, cli_file_writer, fp, &err),
                     &err);
  }
  return j->csv ? write_csv(fp, j->h) : write_human(fp, j->h);
}

int cmd_history(int argc, char **argv)
{
  static const struct option opts[] = {
      {"from", required_argument, NULL, O_FROM},
      {"to", required_argument, NULL, O_TO},
      CLI_OUTPUT_OPTIONS,
      {NULL, 0, NULL, 0}};
  range r = {0, 0};
  cli_opts o = {.sub = "history", .help = help, .max_operands = 0};
  int rc = cli_opts_parse(&o, argc, argv, opts, own, &r);
  if (rc != CLI_MORE)
    return rc;
  if (r.from != 0 && r.to != 0 && r.from > r.to)
    return cli_usage("history", "--from %d is after --to %d", r.from, r.to);
  tly_history *h = NULL;
  tly_error err;
  tly_status s = tly_history_compute(r.from, r.to, NULL, &h, &err);
  if (s == TLY_ENODATA)
    return cli_usage("history", "%s", err.msg);
  if (s != TLY_OK)
    return cli_report(&err);
  job j = {h, o.json, o.csv};
  rc = cli_write(o.out, write_out, &j);
  tly_history_free(h);
  return rc;
}
