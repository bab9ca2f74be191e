/*
 * cmd_whatif.c -- `tally whatif YEAR|FILE [options]`: an election and a
 * what-if made from it (states leaving, the House reapportioned, another
 * allocation rule, a uniform swing, forced states) side by side, and the
 * states whose electors or winner changed.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally whatif [YEAR | FILE] [options]\n\n"
      "An election and a what-if made from it, side by side: the popular\n"
      "vote, the electors, the majority and the winner (or the contingent\n"
      "election in the House), then every state whose electors or winner\n"
      "changed. YEAR is a built-in election (tally years; default: the\n"
      "latest); FILE a CSV in the MEDSL or tally layout. Every what-if is\n"
      "computed from the data exactly; the original is never modified.\n\n"
      "Options:\n"
      "  --source S          built-in source: medsl, fec or history (default:\n"
      "                      the year's own; tally years lists each year's)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --json              {baseline, whatif, changes} (README, \"JSON\")\n"
      "  --csv               every unit's electors by candidate, before and\n"
      "                      after: year,source,level,code,electors_before,\n"
      "                      electors_after,candidate,before,after; level\n"
      "                      is state (its districts included) or district\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n");
  cli_whatif_help(stdout);
  printf(
      "\nExit status: 0 success, 1 bad input file, 2 usage error (unknown\n"
      "state or candidate, census without data, swing beyond 100 points,\n"
      "contradictory options, --rule district outside 2008-2024).\n"
      "\nExamples:\n"
      "  tally whatif 2016 --without CA --source fec\n"
      "  tally whatif 2016 --without CA --reapportion\n"
      "  tally whatif 2016 --rule npv --npv-members all\n"
      "  tally whatif 2016 --rule proportional-hamilton\n"
      "  tally whatif 2020 --swing -2\n");
}

enum { COLW = 22 };

/* A candidate gets a popular-vote row when it has votes and electors
 * pledged or 0.5 % of the vote, on either side. */
static bool shown(const tly_outcome *o, size_t c)
{
  int64_t total = tly_outcome_total_votes(o);
  int64_t v = tly_outcome_votes(o, c);
  return v > 0 && (tly_outcome_pledged(o, c) > 0 || v >= total / 200);
}

static void row(FILE *fp, const char *label, const char *a, const char *b)
{
  fprintf(fp, "  %-24.24s %*s %*s\n", label, COLW, a, COLW, b);
}

/* "Clinton +2,868,519": the national leader and the margin over second. */
static void leader(const tly_election *e, const tly_outcome *o, char *buf,
                   size_t size)
{
  int32_t first = -1, second = -1;
  for (size_t c = 0; c < tly_election_n_candidates(e); c++) {
    int64_t v = tly_outcome_votes(o, c);
    if (first < 0 || v > tly_outcome_votes(o, (size_t)first)) {
      second = first;
      first = (int32_t)c;
    } else if (second < 0 || v > tly_outcome_votes(o, (size_t)second)) {
      second = (int32_t)c;
    }
  }
  if (first < 0 || second < 0) {
    snprintf(buf, size, "-");
    return;
  }
  int64_t m = tly_outcome_votes(o, (size_t)first) -
              tly_outcome_votes(o, (size_t)second);
  char b[32];
  if (m == 0)
    snprintf(buf, size, "tied");
  else
    snprintf(buf, size, "%s +%s", cli_candidate_last(e, first),
             tly_format_count(m, b, sizeof b));
}

static void electors_cell(const tly_outcome *o, size_t c, char *buf,
                          size_t size)
{
  int64_t p = tly_outcome_pledged(o, c);
  int64_t k = tly_outcome_cast(o, c);
  if (p == k)
    snprintf(buf, size, "%lld", (long long)p);
  else
    snprintf(buf, size, "%lld (%lld cast)", (long long)p, (long long)k);
}

static void outcome_line(FILE *fp, const char *label, const tly_election *e,
                         const tly_outcome *o)
{
  int32_t w = tly_outcome_winner(o);
  if (w >= 0) {
    fprintf(fp, "%s: %s wins, %lld electoral votes cast of %lld (majority "
                "%lld)\n",
            label, tly_election_candidate(e, (size_t)w)->name,
            (long long)tly_outcome_cast(o, (size_t)w),
            (long long)tly_outcome_electors(o),
            (long long)tly_outcome_majority(o));
    return;
  }
  fprintf(fp, "%s: no majority (%lld of %lld needed): contingent election "
              "in the House (one vote per state delegation) among",
          label, (long long)tly_outcome_majority(o),
          (long long)tly_outcome_electors(o));
  cli_print_contingent(fp, e, o);
  cli_print_house(fp, e, o);
  if (tly_outcome_undecided(o) > 0)
    fprintf(fp, "  (%lld elector%s undecided by ties; decide with --tie "
                "ST=CANDIDATE)\n",
            (long long)tly_outcome_undecided(o),
            tly_outcome_undecided(o) == 1 ? "" : "s");
}

static void print_side_by_side(FILE *fp, const tly_election *b,
                               const tly_outcome *ob, const tly_election *w,
                               const tly_outcome *ow, const char *what)
{
  char c1[64], c2[64];
  fprintf(fp, "%d presidential election · what if: %s · source: %s\n",
          tly_election_year(w), what[0] ? what : "(nothing)",
          tly_election_source_name(w));
  cli_print_notes(fp, w);
  fprintf(fp, "\n  %-24s %*s %*s\n", "", COLW, "Baseline", COLW, "What-if");
  fprintf(fp, "Popular vote\n");
  size_t nc = tly_election_n_candidates(b);
  for (size_t c = 0; c < nc; c++) {
    if (!shown(ob, c) && !shown(ow, c))
      continue;
    row(fp, tly_election_candidate(b, c)->name,
        tly_format_count(tly_outcome_votes(ob, c), c1, sizeof c1),
        tly_format_count(tly_outcome_votes(ow, c), c2, sizeof c2));
  }
  row(fp, "Total", tly_format_count(tly_outcome_total_votes(ob), c1, sizeof c1),
      tly_format_count(tly_outcome_total_votes(ow), c2, sizeof c2));
  leader(b, ob, c1, sizeof c1);
  leader(w, ow, c2, sizeof c2);
  row(fp, "Lead", c1, c2);
  fprintf(fp, "Electors pledged\n");
  for (size_t c = 0; c < nc; c++) {
    if (tly_outcome_pledged(ob, c) == 0 && tly_outcome_pledged(ow, c) == 0 &&
        tly_outcome_cast(ob, c) == 0 && tly_outcome_cast(ow, c) == 0)
      continue;
    electors_cell(ob, c, c1, sizeof c1);
    electors_cell(ow, c, c2, sizeof c2);
    row(fp, tly_election_candidate(b, c)->name, c1, c2);
  }
  if (tly_outcome_undecided(ob) > 0 || tly_outcome_undecided(ow) > 0) {
    snprintf(c1, sizeof c1, "%lld", (long long)tly_outcome_undecided(ob));
    snprintf(c2, sizeof c2, "%lld", (long long)tly_outcome_undecided(ow));
    row(fp, "Undecided (ties)", c1, c2);
  }
  snprintf(c1, sizeof c1, "%lld", (long long)tly_outcome_electors(ob));
  snprintf(c2, sizeof c2, "%lld", (long long)tly_outcome_electors(ow));
  row(fp, "Appointed", c1, c2);
  snprintf(c1, sizeof c1, "%lld", (long long)tly_outcome_majority(ob));
  snprintf(c2, sizeof c2, "%lld", (long long)tly_outcome_majority(ow));
  row(fp, "Majority", c1, c2);
  int32_t wb = tly_outcome_winner(ob);
  int32_t ww = tly_outcome_winner(ow);
  row(fp, "Winner", wb >= 0 ? cli_candidate_last(b, wb) : "none: the House",
      ww >= 0 ? cli_candidate_last(w, ww) : "none: the House");
  fprintf(fp, "\n");
  outcome_line(fp, "Baseline", b, ob);
  outcome_line(fp, "What-if", w, ow);
  tly_npv_info ni;
  tly_outcome_npv(ow, &ni);
  if (ni.applies) {
    if (ni.in_force)
      fprintf(fp, "NPV compact in force: the members hold %lld electors "
                  "(%lld needed); all of them go to %s, the national "
                  "popular-vote winner\n",
              (long long)ni.member_electors, (long long)ni.needed,
              tly_election_candidate(w, (size_t)ni.national_winner)->name);
    else if (ni.member_electors >= ni.needed)
      fprintf(fp, "NPV compact not in force: the national vote is tied; "
                  "the members chose their electors as their states did\n");
    else
      fprintf(fp, "NPV compact not in force: the members hold %lld "
                  "electors, %lld needed; they chose their electors as "
                  "their states did\n",
              (long long)ni.member_electors, (long long)ni.needed);
  }
}

/* "Clinton 3, Trump 1" for state `code`, or "none" when no one. */
static void split_text(const tly_election *e, const tly_outcome *o,
                       const char *code, char *buf, size_t size)
{
  size_t n = 0;
  buf[0] = '\0';
  for (size_t c = 0; c < tly_election_n_candidates(e) && n < size; c++) {
    int64_t k = tly_outcome_state_electors(e, o, code, c);
    if (k == 0)
      continue;
    n += (size_t)snprintf(buf + n, size - n, "%s%s %lld", n ? ", " : "",
                          cli_candidate_last(e, (int32_t)c), (long long)k);
  }
  if (n == 0)
    snprintf(buf, size, "none");
}

static int print_changes(FILE *fp, const tly_election *b,
                         const tly_outcome *ob, const tly_election *w,
                         const tly_outcome *ow)
{
  tly_whatif_change ch[128];
  size_t n;
  tly_error err = {0};
  if (tly_whatif_changes(b, ob, w, ow, ch, 128, &n, &err) != TLY_OK)
    return cli_report(&err);
  fprintf(fp, "\nChanged: %zu state%s (electors or winner)\n", n,
          n == 1 ? "" : "s");
  for (size_t i = 0; i < n; i++) {
    char s1[160], s2[160];
    split_text(b, ob, ch[i].code, s1, sizeof s1);
    split_text(w, ow, ch[i].code, s2, sizeof s2);
    if (ch[i].left) {
      fprintf(fp, "  %-3s %2lld electors (%s): left\n", ch[i].code,
              (long long)ch[i].electors_before, s1);
    } else if (ch[i].joined) {
      fprintf(fp, "  %-3s joined: %lld electors (%s)\n", ch[i].code,
              (long long)ch[i].electors_after, s2);
    } else {
      fprintf(fp, "  %-3s %2lld electors (%s) -> %2lld (%s)\n", ch[i].code,
              (long long)ch[i].electors_before, s1,
              (long long)ch[i].electors_after, s2);
    }
  }
  return CLI_OK;
}

/* Candidate c's electors from the award of district `code` (0 when the
 * outcome has no such award). */
static int64_t district_electors(const tly_outcome *o, const char *code,
                                 size_t c)
{
  for (size_t i = 0; i < tly_outcome_n_awards(o); i++) {
    if (strcmp(tly_outcome_award(o, i)->code, code) == 0)
      return tly_outcome_award_electors(o, i, c);
  }
  return 0;
}

/* The rows of one unit: code, whether a district, its electors before
 * and after, and candidate c's electors on each side (bo or wo NULL: the
 * unit is not in that election). */
static void unit_rows(FILE *fp, const tly_election *b, const tly_outcome *ob,
                      const tly_election *w, const tly_outcome *ow,
                      const char *code, bool district, int64_t before,
                      int64_t after, bool in_b, bool in_w)
{
  bool any = false;
  for (size_t c = 0; c < tly_election_n_candidates(b); c++) {
    int64_t x = !in_b      ? 0
                : district ? district_electors(ob, code, c)
                           : tly_outcome_state_electors(b, ob, code, c);
    int64_t y = !in_w      ? 0
                : district ? district_electors(ow, code, c)
                           : tly_outcome_state_electors(w, ow, code, c);
    if (x == 0 && y == 0)
      continue;
    any = true;
    fprintf(fp, "%d,", tly_election_year(b));
    cli_csv_field(fp, tly_election_source_name(b));
    fprintf(fp, ",%s,%s,%lld,%lld,", district ? "district" : "state", code,
            (long long)before, (long long)after);
    cli_csv_field(fp, tly_election_candidate(b, c)->name);
    fprintf(fp, ",%lld,%lld\n", (long long)x, (long long)y);
  }
  if (!any) {
    fprintf(fp, "%d,", tly_election_year(b));
    cli_csv_field(fp, tly_election_source_name(b));
    fprintf(fp, ",%s,%s,%lld,%lld,,0,0\n", district ? "district" : "state",
            code, (long long)before, (long long)after);
  }
}

/* One row per unit of the election before (level "state": a state or DC,
 * its districts' electors included; level "district": a district) and
 * candidate with electors on either side; a unit with none (every elector
 * undecided) gets one row with an empty candidate. A district that only
 * the what-if has (--rule district) follows its state's rows, with 0
 * electors before. Summing the rows of level "state" gives the College. */
static void print_csv(FILE *fp, const tly_election *b, const tly_outcome *ob,
                      const tly_election *w, const tly_outcome *ow)
{
  fprintf(fp, "year,source,level,code,electors_before,electors_after,"
              "candidate,before,after\n");
  size_t nb = tly_election_n_units(b);
  for (size_t u = 0; u < nb; u++) {
    const tly_unit *un = tly_election_unit(b, u);
    bool district = un->parent >= 0;
    int32_t uw = tly_election_find_unit(w, un->code);
    int64_t after = uw >= 0 ? tly_election_unit(w, (size_t)uw)->electors : 0;
    unit_rows(fp, b, ob, w, ow, un->code, district, un->electors, after, true,
              uw >= 0);
    /* After a state's last unit in b: the what-if's districts b lacks. */
    size_t state = district ? (size_t)un->parent : u;
    if (u + 1 < nb && tly_election_unit(b, u + 1)->parent == (int32_t)state)
      continue;
    const char *sc = tly_election_unit(b, state)->code;
    int32_t sw = tly_election_find_unit(w, sc);
    for (size_t k = 0; sw >= 0 && k < tly_election_n_units(w); k++) {
      const tly_unit *d = tly_election_unit(w, k);
      if (d->parent != sw || tly_election_find_unit(b, d->code) >= 0)
        continue;
      unit_rows(fp, b, ob, w, ow, d->code, true, 0, d->electors, false,
                true);
    }
  }
  /* States the what-if made (a redraw: NCA, PR): before, 0. */
  for (size_t u = 0; u < tly_election_n_units(w); u++) {
    const tly_unit *un = tly_election_unit(w, u);
    if (un->parent >= 0 || tly_election_find_unit(b, un->code) >= 0)
      continue;
    bool any = false;
    for (size_t c = 0; c < tly_election_n_candidates(w); c++) {
      int64_t y = tly_outcome_state_electors(w, ow, un->code, c);
      if (y == 0)
        continue;
      any = true;
      fprintf(fp, "%d,", tly_election_year(b));
      cli_csv_field(fp, tly_election_source_name(b));
      fprintf(fp, ",state,%s,0,%d,", un->code, un->electors);
      cli_csv_field(fp, tly_election_candidate(w, c)->name);
      fprintf(fp, ",0,%lld\n", (long long)y);
    }
    if (!any) {
      fprintf(fp, "%d,", tly_election_year(b));
      cli_csv_field(fp, tly_election_source_name(b));
      fprintf(fp, ",state,%s,0,%d,,0,0\n", un->code, un->electors);
    }
  }
}

/* The states a redraw made or changed: where their people come from,
 * their counties, population, seats, electors and winner. */
static void print_redrawn(FILE *fp, const tly_election *w,
                          const tly_outcome *ow)
{
  size_t n = tly_election_n_redrawn(w);
  if (n == 0)
    return;
  fprintf(fp, "\nRedrawn states (population: %d census, counties' resident "
              "+ overseas share)\n",
          tly_election_redrawn(w, 0)->census);
  fprintf(fp, "  %-4s %-22s %-7s %8s %12s %9s %12s %5s %8s  %s\n", "Code",
          "Name", "From", "Counties", "Resident", "Overseas", "Population",
          "Seats", "Electors", "Electors to");
  for (size_t i = 0; i < n; i++) {
    const tly_redrawn *r = tly_election_redrawn(w, i);
    char b1[32], b2[32], b3[32], to[160];
    split_text(w, ow, r->code, to, sizeof to);
    fprintf(fp, "  %-4s %-22.22s %-7.7s %8zu %12s %9s %12s %5lld %8lld  %s\n",
            r->code, r->name, r->admitted && r->from[0] == '\0' ? "-" : r->from,
            r->n_counties, tly_format_count(r->resident, b1, sizeof b1),
            tly_format_count(r->overseas, b2, sizeof b2),
            tly_format_count(r->population, b3, sizeof b3),
            (long long)r->seats, (long long)r->electors, to);
  }
}

/* Every state's seats and electors before and after a reapportionment. */
static int print_reapportion(FILE *fp, const tly_election *b,
                             const tly_election *w)
{
  int census = tly_election_census(w);
  tly_census_row rows[64];
  size_t n = 0;
  tly_error err = {0};
  if (tly_census_builtin(census, NULL, rows, 64, &n, &err) != TLY_OK)
    return cli_report(&err);
  fprintf(fp, "\nReapportionment (%d census)\n", census);
  fprintf(fp, "  %-5s %12s %12s %14s\n", "State", "Population",
          "Seats", "Electors");
  int64_t seats = 0;
  for (size_t u = 0; u < tly_election_n_units(w); u++) {
    const tly_unit *un = tly_election_unit(w, u);
    if (un->parent >= 0)
      continue;
    int32_t ub = tly_election_find_unit(b, un->code);
    int64_t before = ub >= 0 ? tly_election_unit(b, (size_t)ub)->electors : 0;
    const tly_census_row *r = NULL;
    for (size_t i = 0; i < n; i++) {
      if (strcmp(rows[i].code, un->code) == 0)
        r = &rows[i];
    }
    char pop[32], s[32], ev[32];
    const tly_redrawn *rd = NULL;
    for (size_t i = 0; i < tly_election_n_redrawn(w); i++)
      if (strcmp(tly_election_redrawn(w, i)->code, un->code) == 0)
        rd = tly_election_redrawn(w, i);
    if (rd != NULL) { /* redrawn or admitted: its own population */
      tly_format_count(rd->population, pop, sizeof pop);
      if (ub >= 0 && r != NULL)
        snprintf(s, sizeof s, "%lld -> %lld", (long long)(before - 2),
                 (long long)rd->seats);
      else
        snprintf(s, sizeof s, "- -> %lld", (long long)rd->seats);
      seats += rd->seats;
    } else if (r == NULL) { /* DC: no seats */
      snprintf(pop, sizeof pop, "-");
      snprintf(s, sizeof s, "-");
    } else {
      tly_format_count(r->population, pop, sizeof pop);
      snprintf(s, sizeof s, "%lld -> %lld", (long long)(before - 2),
               (long long)(un->electors - 2));
      seats += un->electors - 2;
    }
    snprintf(ev, sizeof ev, "%lld -> %d", (long long)before, un->electors);
    fprintf(fp, "  %-5s %12s %12s %14s%s\n", un->code, pop, s, ev,
            before != un->electors ? "  *" : "");
  }
  fprintf(fp, "  %-5s %12s %12lld\n", "Total", "", (long long)seats);
  return CLI_OK;
}

typedef struct {
  const cli_opts *o;
  const cli_whatif *wi;
  const tly_election *b, *w;
  const tly_outcome *ob, *ow;
} whatif_job;

static int write_whatif(FILE *fp, void *ud)
{
  const whatif_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(tly_json_whatif(j->b, j->ob, j->w, j->ow,
                                     cli_file_writer, fp, &err),
                     &err);
  if (j->o->csv) {
    print_csv(fp, j->b, j->ob, j->w, j->ow);
    return CLI_OK;
  }
  char what[512];
  cli_whatif_describe(j->wi, what, sizeof what);
  print_side_by_side(fp, j->b, j->ob, j->w, j->ow, what);
  print_redrawn(fp, j->w, j->ow);
  int rc = CLI_OK;
  if (j->wi->reapportion)
    rc = print_reapportion(fp, j->b, j->w);
  if (rc == CLI_OK)
    rc = print_changes(fp, j->b, j->ob, j->w, j->ow);
  return rc;
}

int cmd_whatif(int argc, char **argv)
{
  static const struct option opts[] = {
      CLI_ELECTION_OPTIONS, CLI_OUTPUT_OPTIONS, CLI_WHATIF_OPTIONS,
      {NULL, 0, NULL, 0}};
  cli_whatif wi;
  cli_opts o = {.sub = "whatif", .help = help, .wi = &wi, .max_operands = 1};
  int rc = cli_opts_parse(&o, argc, argv, opts, NULL, NULL);
  if (rc != CLI_MORE)
    return rc;
  tly_election *base = NULL;
  tly_election *w = NULL;
  rc = cli_opts_load(&o, &base, &w);
  if (rc != CLI_OK)
    return rc;
  tly_error err = {0};
  tly_outcome *ob = NULL;
  tly_outcome *ow = NULL;
  if (tly_college(base, &ob, &err) != TLY_OK ||
      tly_college(w, &ow, &err) != TLY_OK) {
    rc = cli_report(&err);
  } else {
    whatif_job j = {&o, &wi, base, w, ob, ow};
    rc = cli_write(o.out, write_whatif, &j);
  }
  tly_outcome_free(ob);
  tly_outcome_free(ow);
  tly_election_free(w);
  tly_election_free(base);
  return rc;
}
