/*
 * cmd_result.c -- `tally result [YEAR|FILE]`: the national popular vote,
 * electors pledged and cast, the winner (or the contingent election), and
 * every state, from official data with its source named.
 */
#include "cli.h"
#include "result_areas.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally result [YEAR | FILE] [options]\n\n"
      "How the votes of a presidential election became electoral votes and\n"
      "a President: the national popular vote (votes, share, margin), the\n"
      "electors pledged and cast for each candidate, the winner, and a table\n"
      "of every state and district. YEAR is a built-in election (tally years,\n"
      "default: the latest); FILE is a CSV in tally's own layout or a\n"
      "MEDSL state, county or precinct file (county and precinct files\n"
      "plain or gzip, aggregated by the mode rule: a unit's TOTAL rows\n"
      "where present, else its mode rows; see README).\n\n"
      "Elections before 1976 come from the historical record and are\n"
      "counted by the rules in force: 1789-1800 two votes per elector (the\n"
      "most, with a majority of the electors, President; the runner-up Vice\n"
      "President); from 1804 the 12th Amendment. States whose legislature\n"
      "chose the electors, or whose slate was split, keep their electors as\n"
      "recorded; the electors counted are those who voted; contingent\n"
      "elections are printed as recorded; the popular vote is the sum over\n"
      "the states that voted (how many is said).\n\n"
      "Options:\n"
      "  --source S          built-in source: medsl, fec or history (default:\n"
      "                      the year's own; tally years lists each year's)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "                      (a MEDSL precinct file has no year: give it)\n"
      "  --state ST          one state's detail (ST: postal code, e.g. CA)\n"
      "  --tie ST=CAND       decide a tied state for CAND (as by lot);\n"
      "                      repeatable\n"
      "  --counties          one row per county (built-in YEAR 2000-2024,\n"
      "                      or a MEDSL county or precinct FILE):\n"
      "                      FIPS, county, state, votes per candidate (2024:\n"
      "                      D, R and others only), total, margin, shares,\n"
      "                      the source, and each state whose county sum\n"
      "                      differs from its state return\n"
      "  --districts         the same per congressional district (2008-\n"
      "                      2024; 2016 and 2020 approximate)\n"
      "  --json              the result as JSON (README, \"JSON\")\n"
      "  --csv               one row per unit and candidate: year,source,\n"
      "                      level,code,electors,winner,candidate,party,\n"
      "                      votes; level is state or district (ME/NE\n"
      "                      districts repeat votes of their state's row:\n"
      "                      sum the state rows for national totals)\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n"
      "Examples:\n"
      "  tally result 2016\n"
      "  tally result 2016 --source fec --state CA\n"
      "  tally result 2020 --counties --state PA --csv\n"
      "  tally result results.csv --json\n"
      "  tally result precinct_2016.csv.gz --year 2016 --counties --csv\n");
}

static bool shown(const tly_outcome *o, size_t c, int64_t total)
{
  /* Candidates with electors, or at least 0.5 % of the national vote, get
   * a line; the rest are summed into one. */
  int64_t v = tly_outcome_votes(o, c);
  return tly_outcome_pledged(o, c) > 0 || tly_outcome_cast(o, c) > 0 ||
         (total > 0 && v >= total / 200);
}

static void print_national(FILE *fp, const tly_election *e,
                           const tly_outcome *o)
{
  int64_t total = tly_outcome_total_votes(o);
  char b1[32], b2[32];
  cli_print_title(fp, e, "");
  cli_print_notes(fp, e);
  fprintf(fp, "\n%-26s %-14s %14s %8s %8s %5s\n", "Candidate", "Party",
          "Popular vote", "Share", "Pledged", "Cast");
  size_t nc = tly_election_n_candidates(e);
  int64_t rest = 0;
  size_t n_rest = 0;
  for (size_t c = 0; c < nc; c++) {
    const tly_candidate *k = tly_election_candidate(e, c);
    if (!shown(o, c, total)) {
      rest += tly_outcome_votes(o, c);
      n_rest += tly_outcome_votes(o, c) > 0;
      continue;
    }
    fprintf(fp, "%-26.26s %-14.14s ", k->name, k->party);
    cli_count_cell(fp, tly_outcome_votes(o, c), 14);
    fprintf(fp, " %6s %% %8lld %5lld\n",
            tly_format_percent(tly_outcome_votes(o, c), total, 2, b1,
                               sizeof b1),
            (long long)tly_outcome_pledged(o, c),
            (long long)tly_outcome_cast(o, c));
  }
  if (n_rest > 0) {
    char label[40];
    snprintf(label, sizeof label, "%zu more candidates", n_rest);
    fprintf(fp, "%-26s %-14s ", label, "");
    cli_count_cell(fp, rest, 14);
    fprintf(fp, " %6s %% %8d %5d\n",
            tly_format_percent(rest, total, 2, b1, sizeof b1), 0, 0);
  }
  fprintf(fp, "%-26s %-14s ", "Total", "");
  cli_count_cell(fp, total, 14);
  /* Before the 12th Amendment every elector cast two votes. */
  int64_t per = tly_election_two_votes(e) ? 2 : 1;
  fprintf(fp, " %6s %% %8lld %5lld\n",
          tly_format_percent(total, total, 2, b1, sizeof b1),
          (long long)(per * (tly_outcome_electors(o) -
                             tly_outcome_undecided(o))),
          (long long)(per * (tly_outcome_electors(o) -
                             tly_outcome_undecided(o)) -
                      tly_outcome_abstained(o) -
                      tly_outcome_not_counted(o)));
  size_t n_states = tly_outcome_n_states(o);
  size_t n_voted = tly_outcome_n_voted(o);
  if (n_voted == 0)
    fprintf(fp, "\nPopular vote: none in the data (the legislatures chose "
                "the electors)\n");
  else if (n_voted < n_states)
    fprintf(fp, "\nPopular vote: %zu of the %zu states voted; the others' "
                "legislatures chose their electors",
            n_voted, n_states);
  if (nc >= 2 && n_voted > 0) {
    int64_t m = tly_outcome_votes(o, 0) - tly_outcome_votes(o, 1);
    fprintf(fp, "\nPopular vote: %s leads %s by %s votes (%s points)\n",
            tly_election_candidate(e, 0)->name,
            tly_election_candidate(e, 1)->name,
            tly_format_count(m, b1, sizeof b1),
            tly_format_percent(m, total, 2, b2, sizeof b2));
  }
  if (tly_election_source(e) == TLY_SOURCE_HISTORY)
    fprintf(fp, "Electors: %lld voted%s; a majority is %lld\n",
            (long long)tly_outcome_electors(o),
            per == 2 ? " (two votes each)" : "",
            (long long)tly_outcome_majority(o));
  else
    fprintf(fp, "Electors: %lld appointed; a majority is %lld\n",
            (long long)tly_outcome_electors(o),
            (long long)tly_outcome_majority(o));
  if (tly_outcome_not_counted(o) > 0)
    fprintf(fp, "Not counted: %lld electoral votes\n",
            (long long)tly_outcome_not_counted(o));
  if (tly_outcome_undecided(o) > 0)
    fprintf(fp, "Undecided: %lld elector%s of tied states (decide with "
                "--tie ST=CANDIDATE)\n",
            (long long)tly_outcome_undecided(o),
            tly_outcome_undecided(o) == 1 ? "" : "s");
  int32_t w = tly_outcome_winner(o);
  int32_t vp = tly_outcome_vice_president(o);
  if (w >= 0 && per == 2) {
    fprintf(fp, "President: %s, %lld votes; Vice President: %s, %lld\n",
            tly_election_candidate(e, (size_t)w)->name,
            (long long)tly_outcome_cast(o, (size_t)w),
            vp >= 0 ? tly_election_candidate(e, (size_t)vp)->name
                    : "chosen by the Senate (a tie)",
            (long long)(vp >= 0 ? tly_outcome_cast(o, (size_t)vp) : 0));
  } else if (w >= 0) {
    fprintf(fp, "Winner: %s, %lld electoral votes cast (%lld pledged)\n",
            tly_election_candidate(e, (size_t)w)->name,
            (long long)tly_outcome_cast(o, (size_t)w),
            (long long)tly_outcome_pledged(o, (size_t)w));
  } else {
    fprintf(fp, "No majority: contingent election in the House (one vote "
                "per state delegation) among");
    cli_print_contingent(fp, e, o);
    cli_print_house(fp, e, o);
  }
  for (size_t i = 0; i < tly_election_n_contingent_records(e); i++) {
    const tly_contingent_record *k = tly_election_contingent_record(e, i);
    fprintf(fp, "Recorded: %s\n", k->note);
  }
  size_t nr = tly_election_n_cast_records(e);
  int64_t n_faith = 0;
  for (size_t i = 0; i < nr; i++)
    n_faith += tly_election_cast_record(e, i)->electors;
  if (nr > 0) {
    fprintf(fp, "Electors who voted otherwise than pledged (%lld):\n",
            (long long)n_faith);
    for (size_t i = 0; i < nr; i++) {
      const tly_cast_record *r = tly_election_cast_record(e, i);
      const tly_unit *u = tly_election_unit(e, (size_t)r->unit);
      fprintf(fp, "  %s: %d pledged to %s %s%s%s\n", u->code, r->electors,
              tly_election_candidate(e, (size_t)r->pledged)->name,
              r->cast >= 0 ? "voted for " : "abstained",
              r->cast >= 0 ? tly_election_candidate(e, (size_t)r->cast)->name
                           : "",
              r->not_counted ? " (not counted)" : "");
    }
  }
}

static void print_states(FILE *fp, const tly_election *e,
                         const tly_outcome *o)
{
  size_t nc = tly_election_n_candidates(e);
  const char *n0 = nc > 0 ? cli_last_name(tly_election_candidate(e, 0)->name)
                          : "-";
  const char *n1 = nc > 1 ? cli_last_name(tly_election_candidate(e, 1)->name)
                          : "-";
  fprintf(fp, "\n%-5s %3s  %-14s %12s %12s %10s %12s %8s\n", "State", "EV",
          "Winner", n0, n1, "Others", "Margin", "Points");
  char b[32];
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    size_t u = (size_t)w->unit;
    const char *win = w->tie ? "TIE" : cli_candidate_last(e, w->winner);
    fprintf(fp, "%-5s %3d  %-14.14s", w->code, w->electors, win);
    const tly_unit *un = tly_election_unit(e, u);
    if (!un->has_votes) {
      fprintf(fp, " %12s %12s %10s %12s %8s  (%s)\n", "-", "-", "-", "-",
              "-",
              un->by_record ? "chosen by the legislature"
                            : "by the electors as cast");
      continue;
    }
    int64_t v0 = nc > 0 ? tly_election_votes(e, u, 0) : 0;
    int64_t v1 = nc > 1 ? tly_election_votes(e, u, 1) : 0;
    fprintf(fp, " ");
    cli_count_cell(fp, v0, 12);
    fprintf(fp, " ");
    cli_count_cell(fp, v1, 12);
    fprintf(fp, " ");
    cli_count_cell(fp, w->total_votes - v0 - v1, 10);
    fprintf(fp, " ");
    cli_count_cell(fp, w->first_votes - w->second_votes, 12);
    fprintf(fp, " %8s%s\n",
            tly_format_percent(w->first_votes - w->second_votes,
                               w->total_votes, 2, b, sizeof b),
            un->not_counted ? "  (not counted)"
            : un->by_record ? "  (electors split as recorded)"
                            : "");
  }
}

static void print_state(FILE *fp, const tly_election *e, const tly_outcome *o,
                        int32_t unit)
{
  char b1[32], b2[32];
  fprintf(fp, "%d · %s (%s) · source: %s\n", tly_election_year(e),
          tly_state_name(tly_election_unit(e, (size_t)unit)->code),
          tly_election_unit(e, (size_t)unit)->code,
          tly_election_source_name(e));
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    const tly_unit *u = tly_election_unit(e, (size_t)w->unit);
    if (w->unit != unit && u->parent != unit)
      continue;
    fprintf(fp, "\n%s: %d elector%s%s\n", w->code, w->electors,
            w->electors == 1 ? "" : "s",
            u->parent < 0 && w->electors !=
                                 tly_election_unit(e, (size_t)unit)->electors
                ? " at large"
                : "");
    if (u->by_record || u->not_counted) {
      fprintf(fp, "  %s", u->not_counted ? "not counted by Congress"
                          : u->has_votes ? "electors as recorded:"
                                         : "chosen by the legislature; "
                                           "electoral votes as recorded:");
      for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
        int32_t n = tly_outcome_award_electors(o, i, c);
        if (n > 0)
          fprintf(fp, " %s %d", tly_election_candidate(e, c)->name, n);
      }
      fprintf(fp, "\n");
      if (!u->has_votes)
        continue;
    } else if (!u->has_votes) {
      fprintf(fp, "  no returns in the data; won by %s per the electoral "
                  "votes as cast\n",
              w->winner >= 0
                  ? tly_election_candidate(e, (size_t)w->winner)->name
                  : "-");
      continue;
    }
    fprintf(fp, "  %-28s %-22s %12s %8s\n", "Candidate", "Party", "Votes",
            "Share");
    for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
      int64_t v = tly_election_votes(e, (size_t)w->unit, c);
      if (v == 0)
        continue;
      const tly_candidate *k = tly_election_candidate(e, c);
      fprintf(fp, "  %-28.28s %-22.22s ", k->name, k->party);
      cli_count_cell(fp, v, 12);
      fprintf(fp, " %6s %%\n",
              tly_format_percent(v, w->total_votes, 2, b1, sizeof b1));
    }
    fprintf(fp, "  %-28s %-22s ", "Total", "");
    cli_count_cell(fp, w->total_votes, 12);
    fprintf(fp, "\n");
    if (w->tie)
      fprintf(fp, "  TIE between %s and %s at %s votes: decided by lot "
                  "under state law (use --tie %s=CANDIDATE)\n",
              tly_election_candidate(e, (size_t)w->first)->name,
              tly_election_candidate(e, (size_t)w->second)->name,
              tly_format_count(w->first_votes, b1, sizeof b1), w->code);
    else if (w->winner >= 0 && w->second >= 0)
      fprintf(fp, "  Winner: %s by %s votes (%s points)\n",
              tly_election_candidate(e, (size_t)w->winner)->name,
              tly_format_count(w->first_votes - w->second_votes, b1,
                               sizeof b1),
              tly_format_percent(w->first_votes - w->second_votes,
                                 w->total_votes, 2, b2, sizeof b2));
  }
  for (size_t i = 0; i < tly_election_n_cast_records(e); i++) {
    const tly_cast_record *r = tly_election_cast_record(e, i);
    if (r->unit != unit)
      continue;
    fprintf(fp, "  Faithless: %d elector%s pledged to %s %s%s\n",
            r->electors, r->electors == 1 ? "" : "s",
            tly_election_candidate(e, (size_t)r->pledged)->name,
            r->cast >= 0 ? "voted for " : "abstained",
            r->cast >= 0 ? tly_election_candidate(e, (size_t)r->cast)->name
                         : "");
  }
}

static void print_csv(FILE *fp, const tly_election *e, const tly_outcome *o,
                      int32_t only)
{
  fprintf(fp, "year,source,level,code,electors,winner,candidate,party,"
              "votes\n");
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    const tly_award *w = tly_outcome_award(o, i);
    const tly_unit *u = tly_election_unit(e, (size_t)w->unit);
    if (only >= 0 && w->unit != only && u->parent != only)
      continue;
    for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
      int64_t v = tly_election_votes(e, (size_t)w->unit, c);
      if (v == 0 && !(w->winner == (int32_t)c && !u->has_votes) &&
          tly_outcome_award_electors(o, i, c) == 0)
        continue;
      fprintf(fp, "%d,", tly_election_year(e));
      cli_csv_field(fp, tly_election_source_name(e));
      fprintf(fp, ",%s,%s,%d,", u->parent >= 0 ? "district" : "state",
              w->code, w->electors);
      cli_csv_field(fp, w->winner >= 0
                        ? tly_election_candidate(e, (size_t)w->winner)->name
                        : (w->tie ? "TIE" : ""));
      fputc(',', fp);
      cli_csv_field(fp, tly_election_candidate(e, c)->name);
      fputc(',', fp);
      cli_csv_field(fp, tly_election_candidate(e, c)->party);
      fprintf(fp, ",%lld\n", (long long)v);
    }
  }
}

/* result's own options; its --tie is the what-if option (whatif_opts.c). */
enum { O_STATE = 1, O_COUNTIES, O_DISTRICTS };
typedef struct {
  const char *state;
  bool counties, districts;
} result_args;

static int result_option(void *ud, int ch, char *arg)
{
  result_args *a = ud;
  if (ch == O_COUNTIES || ch == O_DISTRICTS) {
    *(ch == O_COUNTIES ? &a->counties : &a->districts) = true;
    return CLI_OK;
  }
  if (ch != O_STATE)
    return -1;
  a->state = arg;
  return CLI_OK;
}

typedef struct {
  const cli_opts *o;
  int32_t unit;
  const tly_election *e;
  const tly_outcome *oc;
} result_job;

static int write_result(FILE *fp, void *ud)
{
  const result_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(
        tly_json_result(j->e, j->oc, cli_file_writer, fp, &err), &err);
  if (j->o->csv) {
    print_csv(fp, j->e, j->oc, j->unit);
  } else if (j->unit >= 0) {
    print_state(fp, j->e, j->oc, j->unit);
  } else {
    print_national(fp, j->e, j->oc);
    print_states(fp, j->e, j->oc);
  }
  return CLI_OK;
}

int cmd_result(int argc, char **argv)
{
  static const struct option opts[] = {
      {"state", required_argument, NULL, O_STATE},
      {"tie", required_argument, NULL, CLI_WHATIF_BASE + 8}, /* its --tie */
      {"counties", no_argument, NULL, O_COUNTIES},
      {"districts", no_argument, NULL, O_DISTRICTS},
      CLI_ELECTION_OPTIONS,
      CLI_OUTPUT_OPTIONS,
      {NULL, 0, NULL, 0}};
  cli_whatif wi;
  cli_opts o = {.sub = "result", .help = help, .wi = &wi, .max_operands = 1};
  result_args a = {0};
  tly_election *e = NULL;
  int rc = cli_opts_parse(&o, argc, argv, opts, result_option, &a);
  if (rc != CLI_MORE)
    return rc;
  if (a.counties && !a.districts && o.arg != NULL &&
      strcmp(o.arg, "-") == 0)
    return cli_result_areas(&o, NULL, a.state, false); /* read once */
  rc = cli_opts_load(&o, NULL, &e);
  if (rc != CLI_OK)
    return rc;
  tly_error err = {0};
  int32_t unit = -1;
  if (a.state != NULL) {
    unit = tly_election_find_unit(e, a.state);
    if (unit < 0 || tly_election_unit(e, (size_t)unit)->parent >= 0) {
      tly_election_free(e);
      return cli_usage("result", "unknown state '%s'", a.state);
    }
  }
  if (a.counties || a.districts) {
    rc = a.counties && a.districts
             ? cli_usage("result", "--counties and --districts exclude each "
                                   "other")
             : cli_result_areas(&o, e, a.state, a.districts);
    tly_election_free(e);
    return rc;
  }
  tly_outcome *oc = NULL;
  if (tly_college(e, &oc, &err) != TLY_OK) {
    tly_election_free(e);
    return cli_report(&err);
  }
  result_job j = {&o, unit, e, oc};
  rc = cli_write(o.out, write_result, &j);
  tly_outcome_free(oc);
  tly_election_free(e);
  return rc;
}
