/*
 * cmd_power.c -- `tally power [YEAR|FILE | --census C]`: the exact
 * normalized Banzhaf or Shapley-Shubik index of each unit of the College,
 * its power per elector and (Banzhaf) the Penrose power of one voter.
 */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally power [YEAR | FILE] [options]\n"
      "       tally power --census CENSUS [options]\n\n"
      "Voting power of each unit of the Electoral College in the weighted\n"
      "game [majority; electors...], computed exactly by dynamic programming\n"
      "over coalition weights: the normalized Banzhaf index (a unit's swings\n"
      "over all units' swings; swings are exact 64-bit counts, or 1088-bit\n"
      "ones in a game of more than 64 units, up to 1000) or the\n"
      "Shapley-Shubik index (pivotal orders over n!; exact 320-bit counts,\n"
      "at most 64 units; only the final ratio rounded to a double).\n\n"
      "YEAR or FILE takes the electors of that election (YEAR: tally years,\n"
      "default the latest); --census takes the apportionment of a census\n"
      "(1970-2020, Huntington-Hill, 435 seats, DC 3). 2020 is both an\n"
      "election and a census, hence the option.\n\n"
      "Columns: Index, the unit's share of power; Per elector, the index per\n"
      "elector relative to an equal share (1.000: power in proportion to\n"
      "electors); Voter (Banzhaf), the power of one voter after Penrose:\n"
      "index / sqrt(votes cast, or population for a census), scaled so that\n"
      "the average voter is 1.000. In --units districts, a Maine or Nebraska\n"
      "district voter also counts the at-large award; with --rule district\n"
      "every state's districts are units (about 480 in all; Banzhaf only).\n\n"
      "Options:\n"
      "  --census C           the census C's apportionment instead of an\n"
      "                       election (districts of equal population)\n"
      "  --index banzhaf|shapley   (default banzhaf)\n"
      "  --units states|districts  states (default): Maine and Nebraska as\n"
      "                       blocks; districts: at-large and districts apart\n"
      "  --source S           built-in source: medsl, fec or history\n"
      "                       (default: the year's own; see tally years)\n"
      "  --year Y             the election to take from a multi-year FILE\n"
      "  --json               {index, majority, electors, units: [{code,\n"
      "                       electors, value, per_elector, swings (null\n"
      "                       beyond 64 units), voter}]}\n"
      "  --csv                one row per unit: code,electors,value,\n"
      "                       per_elector[,swings,votes_cast (population\n"
      "                       for a census),voter]; the table's meanings;\n"
      "                       swings empty beyond 64 units\n"
      "  --out FILE           write to FILE (atomically) instead of stdout\n"
      "  --help               this help\n\n");
  cli_whatif_help(stdout);
  printf("\n"
      "Examples:\n"
      "  tally power 2016\n"
      "  tally power --census 2020 --index shapley --units districts\n"
      "  tally power 2024 --rule district --units districts\n");
}

typedef struct {
  const tly_power_row *r;
} entry;

static int by_value(const void *a, const void *b)
{
  const tly_power_row *x = ((const entry *)a)->r;
  const tly_power_row *y = ((const entry *)b)->r;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return strcmp(x->code, y->code);
}

static void print_human(FILE *fp, const tly_power *p, const char *what,
                        bool census)
{
  bool bz = tly_power_index_of(p) == TLY_POWER_BANZHAF;
  size_t n = tly_power_n_rows(p);
  int64_t total = tly_power_electors(p);
  fprintf(fp, "%s · %s\n",
          bz ? "Banzhaf index (normalized)" : "Shapley-Shubik index", what);
  fprintf(fp, "Game: majority %lld of %lld electors, %zu units\n\n",
          (long long)tly_power_majority(p), (long long)total, n);
  entry e[64];
  for (size_t i = 0; i < n; i++)
    e[i].r = tly_power_row_at(p, i);
  qsort(e, n, sizeof *e, by_value);
  fprintf(fp, "%-6s %3s %10s %11s", "Unit", "EV", "Index", "Per elector");
  if (bz)
    fprintf(fp, " %7s %14s", "Voter", census ? "Population" : "Votes cast");
  fprintf(fp, "\n");
  double sum = 0.0;
  for (size_t i = 0; i < n; i++) {
    const tly_power_row *r = e[i].r;
    sum += r->value;
    fprintf(fp, "%-6s %3lld %10.6f %11.3f", r->code, (long long)r->electors,
            r->value, r->per_elector);
    if (bz) {
      char b[32];
      if (isnan(r->voter))
        fprintf(fp, " %7s %14s", "-", "-");
      else
        fprintf(fp, " %7.3f %14s", r->voter,
                tly_format_count(r->turnout, b, sizeof b));
    }
    fprintf(fp, "\n");
  }
  fprintf(fp, "%-6s %3lld %10.6f\n", "Total", (long long)total, sum);
  size_t n_none = 0;
  for (size_t i = 0; bz && !census && i < n; i++)
    n_none += isnan(e[i].r->voter);
  if (n_none > 0 && n_none == n)
    fprintf(fp, "\nVoter: - for every unit: no popular vote (the "
                "legislatures chose the electors).\n");
  else if (n_none > 0)
    fprintf(fp, "\nVoter: - for the %zu unit%s without a popular vote (the "
                "legislature chose\nthe electors); the average voter is "
                "over the units that voted.\n",
            n_none, n_none == 1 ? "" : "s");
}

/* The columns carry the table's names: per_elector (1 is an equal share),
 * votes_cast (population for a census). */
static void print_csv(FILE *fp, const tly_power *p, bool census)
{
  bool bz = tly_power_index_of(p) == TLY_POWER_BANZHAF;
  fprintf(fp, "code,electors,value,per_elector%s\n",
          !bz      ? ""
          : census ? ",swings,population,voter"
                   : ",swings,votes_cast,voter");
  for (size_t i = 0; i < tly_power_n_rows(p); i++) {
    const tly_power_row *r = tly_power_row_at(p, i);
    fprintf(fp, "%s,%lld,%.12g,%.12g", r->code, (long long)r->electors,
            r->value, r->per_elector);
    if (bz) {
      if (tly_power_n_rows(p) > TLY_POWER_MAX_PLAYERS)
        fputc(',', fp); /* swings beyond 64 bits: left empty */
      else
        fprintf(fp, ",%llu", (unsigned long long)r->swings);
      fprintf(fp, ",%lld,", (long long)r->turnout);
      if (!isnan(r->voter))
        fprintf(fp, "%.12g", r->voter);
    }
    fprintf(fp, "\n");
  }
}

/* power's own options. */
enum { O_CENSUS = 1, O_INDEX, O_UNITS };
typedef struct {
  int census;
  tly_power_index index;
  tly_power_units units;
} power_args;

static int power_option(void *ud, int ch, char *arg)
{
  power_args *a = ud;
  int64_t v;
  switch (ch) {
  case O_CENSUS:
    if (!cli_parse_i64(arg, 1790, 9999, &v))
      return cli_usage("power", "--census needs a census year, not '%s'",
                       arg);
    a->census = (int)v;
    return CLI_OK;
  case O_INDEX:
    if (strcmp(arg, "banzhaf") == 0)
      a->index = TLY_POWER_BANZHAF;
    else if (strcmp(arg, "shapley") == 0)
      a->index = TLY_POWER_SHAPLEY;
    else
      return cli_usage("power", "--index is banzhaf or shapley, not '%s'",
                       arg);
    return CLI_OK;
  default: /* O_UNITS */
    if (strcmp(arg, "states") == 0)
      a->units = TLY_POWER_STATES;
    else if (strcmp(arg, "districts") == 0)
      a->units = TLY_POWER_DISTRICTS;
    else
      return cli_usage("power", "--units is states or districts, not '%s'",
                       arg);
    return CLI_OK;
  }
}

typedef struct {
  const cli_opts *o;
  const char *what;
  bool census;
  const tly_power *p;
} power_job;

static int write_power(FILE *fp, void *ud)
{
  const power_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(tly_json_power(j->p, cli_file_writer, fp, &err), &err);
  if (j->o->csv)
    print_csv(fp, j->p, j->census);
  else
    print_human(fp, j->p, j->what, j->census);
  return CLI_OK;
}

int cmd_power(int argc, char **argv)
{
  static const struct option opts[] = {
      {"census", required_argument, NULL, O_CENSUS},
      {"index", required_argument, NULL, O_INDEX},
      {"units", required_argument, NULL, O_UNITS},
      CLI_ELECTION_OPTIONS,
      CLI_OUTPUT_OPTIONS,
      CLI_WHATIF_OPTIONS,
      {NULL, 0, NULL, 0}};
  cli_whatif wi;
  cli_opts o = {.sub = "power", .help = help, .wi = &wi, .max_operands = 1};
  power_args a = {0, TLY_POWER_BANZHAF, TLY_POWER_STATES};
  int rc = cli_opts_parse(&o, argc, argv, opts, power_option, &a);
  if (rc != CLI_MORE)
    return rc;
  if (a.census != 0 && (o.arg != NULL || o.source_given || o.year != 0))
    return cli_usage("power", "--census excludes an election (YEAR, FILE, "
                              "--source, --year)");
  if (a.census != 0 && wi.any)
    return cli_usage("power", "what-if options apply to an election, not "
                              "to --census");
  tly_error err = {0};
  tly_power *p = NULL;
  char what[600];
  if (a.census != 0) {
    tly_status s =
        tly_power_census(a.census, a.index, a.units, NULL, &p, &err);
    if (s == TLY_ENODATA)
      return cli_usage("power", "%s", err.msg);
    if (s != TLY_OK)
      return cli_report(&err);
    snprintf(what, sizeof what,
             "electors of the %d census's apportionment (Huntington-Hill)",
             a.census);
  } else {
    tly_election *e = NULL;
    rc = cli_opts_load(&o, NULL, &e);
    if (rc != CLI_OK)
      return rc;
    if (tly_power_election(e, a.index, a.units, &p, &err) != TLY_OK) {
      tly_election_free(e);
      return cli_report(&err);
    }
    char wif[512];
    cli_whatif_describe(&wi, wif, sizeof wif);
    snprintf(what, sizeof what, "electors of the %d election · source: %.200s"
             "%s%.200s",
             tly_election_year(e), tly_election_source_name(e),
             wif[0] ? " · what-if: " : "", wif);
    tly_election_free(e);
  }
  power_job j = {&o, what, a.census != 0, p};
  rc = cli_write(o.out, write_power, &j);
  tly_power_free(p);
  return rc;
}
