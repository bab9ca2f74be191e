/*
 * cmd_initiative.c -- `tally initiative requirement|sample|deadline`: a
 * California initiative's signature requirement (Cal. Const. art. II
 * §8(b)), the Secretary of State's random-sample projection (Cal. Code
 * Regs. tit. 2 §§20530-20532) and its deadlines (Elections Code §9014).
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally initiative requirement --governor-votes N\n"
      "                        [--kind statute|amendment] [--json]\n"
      "       tally initiative sample --required N\n"
      "                        (--county NAME,RAW,SAMPLE,VALID,DUPLICATES ...\n"
      "                         | --counties FILE.csv) [--json]\n"
      "       tally initiative deadline --summary-date YYYY-MM-DD\n"
      "                        [--election YYYY-MM-DD] [--json]\n\n"
      "A California initiative, by the rules as written.\n\n"
      "requirement  signatures needed: 5 %% (statute) or 8 %% (constitutional\n"
      "             amendment, also amendment + statute) of the votes for\n"
      "             all candidates for Governor at the last gubernatorial\n"
      "             election (Cal. Const. art. II §8(b)), rounded up [an\n"
      "             assumption inferred from the SoS's 365,880 and 585,407\n"
      "             for 2014's 7,317,581].\n"
      "sample       each county's random sample (EC §9030(d): every\n"
      "             signature up to 500, else the greater of 500 and 3 %%,\n"
      "             rounded up) and its projected valid signatures by the\n"
      "             SoS formula (Cal. Code Regs. tit. 2 §§20530-20532):\n"
      "             r = valid/sample as a percentage to two decimals; V =\n"
      "             ceil(R*r); A = R/sample to four decimals; C =\n"
      "             ceil(d*A*(A-1)); projected = V - C. Decimals are rounded\n"
      "             half up [assumed; §20540's example rules out truncation].\n"
      "             The statewide projection is the sum of the counties'\n"
      "             [assumed]. Decision (EC §9030(e)-(g)): more than 110 %%\n"
      "             of required qualifies; 95 %% to 110 %%, both included\n"
      "             [assumed boundary], means a full count; less than 95 %%\n"
      "             fails; a raw total below 100 %% fails at once (§9030(c)).\n"
      "             A county where every signature was examined reports its\n"
      "             count, not a projection; duplicates found are taken as\n"
      "             not counted valid, so valid + duplicates <= sample\n"
      "             [assumed]. FILE.csv has a header: name,raw,sample,valid,\n"
      "             duplicates.\n"
      "deadline     circulation deadline = official summary date + 180 days\n"
      "             (EC §9014(b)), moved to the next business day when it\n"
      "             falls on a Saturday, Sunday or California holiday (Gov.\n"
      "             Code §§6700-6701, tabulated 2007-2035); the day the\n"
      "             measure fails if no county reports signatures (the 9th\n"
      "             working day after the deadline, SoS); and the last day to\n"
      "             qualify for a November ballot, E-131 (art. II §8). Without\n"
      "             --election, E is the first even-year general election\n"
      "             whose E-131 is on or after the deadline [assumed]. Good\n"
      "             Friday (a holiday from noon to 3 p.m.) is a business day;\n"
      "             Thanksgiving is the only appointed day counted [assumed].\n\n"
      "Options:\n"
      "  --governor-votes N   votes for Governor at the last election\n"
      "  --kind K             statute (5 %%) or amendment (8 %%, default)\n"
      "  --required N         signatures required\n"
      "  --county SPEC        NAME,RAW,SAMPLE,VALID,DUPLICATES; repeatable\n"
      "  --counties FILE      the counties from a CSV file\n"
      "  --summary-date D     the official summary date\n"
      "  --election D         the general election aimed at\n"
      "  --json               JSON instead of a table\n"
      "  --out FILE           write to FILE (atomically) instead of stdout\n"
      "  --help               this help\n\n"
      "Examples:\n"
      "  tally initiative requirement --governor-votes 7317581 --kind "
      "amendment\n"
      "  tally initiative sample --required 585407 --county "
      "Example,24034,722,516,2\n"
      "  tally initiative deadline --summary-date 2017-01-26\n");
}

/* Prints x / 100 with two decimals and thousands separators. */
static void hundredths(FILE *fp, int64_t x)
{
  char b[32];
  fprintf(fp, "%s.%02d", tly_format_count(x / 100, b, sizeof b),
          (int)(x % 100));
}

static int requirement(FILE *fp, int64_t votes, tly_initiative_kind kind,
                       bool json)
{
  tly_error err = {0};
  int64_t req;
  if (tly_initiative_requirement(votes, kind, &req, &err) != TLY_OK)
    return cli_report(&err);
  if (json) {
    if (tly_json_initiative_requirement(votes, kind, req, cli_file_writer,
                                        fp, &err) != TLY_OK)
      return cli_report(&err);
    return CLI_OK;
  }
  char b1[32], b2[32];
  int pct = tly_initiative_percent(kind);
  fprintf(fp, "Initiative %s (Cal. Const. art. II §8(b)): %d %% of %s votes "
              "for Governor\n",
          kind == TLY_INITIATIVE_AMENDMENT ? "constitutional amendment"
                                           : "statute",
          pct, tly_format_count(votes, b1, sizeof b1));
  fprintf(fp, "Signatures required: %s (%d %% is ",
          tly_format_count(req, b2, sizeof b2), pct);
  hundredths(fp, votes * pct); /* no overflow: the library checked it */
  fprintf(fp, ", rounded up)\n");
  return CLI_OK;
}

/* Parses NAME,RAW,SAMPLE,VALID,DUPLICATES, splitting the four counts off
 * the right so that a name may hold commas. */
static bool parse_county(char *spec, tly_county_sample *c)
{
  int64_t v[4];
  for (int k = 3; k >= 0; k--) {
    char *comma = strrchr(spec, ',');
    if (comma == NULL ||
        !cli_parse_i64(comma + 1, 0, INT64_MAX, &v[k]))
      return false;
    *comma = '\0';
  }
  if (spec[0] == '\0')
    return false;
  c->name = spec;
  c->raw = v[0];
  c->sample = v[1];
  c->valid = v[2];
  c->duplicates = v[3];
  return true;
}

static int sample(FILE *fp, int64_t required, const tly_county_sample *cs,
                  size_t n, bool json)
{
  tly_error err = {0};
  tly_projection proj[256];
  tly_projection *p = proj;
  if (n > sizeof proj / sizeof proj[0]) {
    p = calloc(n, sizeof *p);
    if (p == NULL)
      return cli_fail(CLI_EINPUT, "out of memory");
  }
  tly_petition_result r;
  int rc = CLI_OK;
  if (tly_initiative_decide(required, cs, n, p, &r, &err) != TLY_OK) {
    rc = cli_report(&err);
    goto done;
  }
  if (json) {
    if (tly_json_initiative_sample(&r, cs, p, n, cli_file_writer, fp,
                                   &err) != TLY_OK)
      rc = cli_report(&err);
    goto done;
  }
  char b[8][32];
  fprintf(fp, "Random-sample verification (EC §9030; Cal. Code Regs. tit. "
              "2 §§20530-20532)\n");
  fprintf(fp, "Signatures required: %s\n\n",
          tly_format_count(required, b[0], sizeof b[0]));
  fprintf(fp, "%-16s %11s %8s %8s %8s %5s %7s %11s %10s %9s %11s\n",
          "County", "Raw", "Min n", "Sample", "Valid", "Dup", "Rate %",
          "V", "A", "C", "Projected");
  for (size_t i = 0; i < n; i++) {
    const tly_projection *q = &p[i];
    char a[32];
    snprintf(a, sizeof a, "%lld.%04lld", (long long)(q->value_e4 / 10000),
             (long long)(q->value_e4 % 10000));
    char rate[32];
    snprintf(rate, sizeof rate, "%lld.%02lld", (long long)(q->rate_bp / 100),
             (long long)(q->rate_bp % 100));
    fprintf(fp, "%-16.16s %11s %8s %8s %8s %5s %7s %11s %10s %9s %11s%s\n",
            cs[i].name, tly_format_count(cs[i].raw, b[0], 32),
            tly_format_count(q->min_sample, b[1], 32),
            tly_format_count(cs[i].sample, b[2], 32),
            tly_format_count(cs[i].valid, b[3], 32),
            tly_format_count(cs[i].duplicates, b[4], 32),
            cs[i].raw > 0 ? rate : "-",
            tly_format_count(q->uncorrected, b[5], 32),
            cs[i].raw > 0 ? a : "-",
            tly_format_count(q->duplicates_est, b[6], 32),
            tly_format_count(q->projected_valid, b[7], 32),
            q->examined_all ? "  (all examined: a count)" : "");
  }
  fprintf(fp, "%-16s %11s%86s\n", "Statewide",
          tly_format_count(r.raw_total, b[0], 32),
          tly_format_count(r.projected_valid, b[1], 32));
  fprintf(fp, "\nProjected valid: %s = %s %% of required\n",
          tly_format_count(r.projected_valid, b[0], 32),
          tly_format_percent(r.projected_valid, required, 2, b[1], 32));
  fprintf(fp, "Decision: %s", r.decision == TLY_PETITION_FULL_COUNT
                                  ? "full count" /* human words; JSON
                                                    keeps full_count */
                                  : tly_petition_decision_name(r.decision));
  if (r.raw_short)
    fprintf(fp, " at the raw count: %s signatures filed, below 100 %% of "
                "the %s required (EC §9030(c))\n",
            tly_format_count(r.raw_total, b[0], 32),
            tly_format_count(required, b[1], 32));
  else if (r.decision == TLY_PETITION_QUALIFIES)
    fprintf(fp, ": more than 110 %% of required\n");
  else if (r.decision == TLY_PETITION_FULL_COUNT)
    fprintf(fp, ": within 95 %% to 110 %% of required; every signature is "
                "to be examined (EC §9031)\n");
  else
    fprintf(fp, ": less than 95 %% of required\n");
  fprintf(fp, "Rule: projected valid > 110 %% (> ");
  hundredths(fp, required * 110);
  fprintf(fp, ") qualifies; < 95 %% (< ");
  hundredths(fp, required * 95);
  fprintf(fp, ") fails; from 95 %% to 110 %%, both included [assumed], a "
              "full count\n");
done:
  if (p != proj)
    free(p);
  return rc;
}

static int deadline(FILE *fp, tly_date summary, const tly_date *election,
                    bool json)
{
  tly_error err = {0};
  tly_initiative_dates d;
  if (tly_initiative_deadline(summary, election, &d, &err) != TLY_OK)
    return cli_report(&err);
  if (json) {
    if (tly_json_initiative_deadline(&d, cli_file_writer, fp, &err) !=
        TLY_OK)
      return cli_report(&err);
    return CLI_OK;
  }
  char b[16];
  fprintf(fp, "Official summary date:  %s (%s)\n",
          tly_date_format(d.summary, b, sizeof b),
          tly_date_weekday(d.summary));
  fprintf(fp, "Circulation deadline:   %s (%s) = summary date + 180 days "
              "(EC §9014(b))",
          tly_date_format(d.circulation_deadline, b, sizeof b),
          tly_date_weekday(d.circulation_deadline));
  fprintf(fp, "\n");
  if (d.deadline_moved) {
    bool hol = false;
    const char *name = NULL;
    tly_ca_holiday(d.day_180, &hol, &name, NULL);
    fprintf(fp, "                        the 180th day, %s, is a %s%s%s: "
                "moved to the next business day (EC §9014(d))\n",
            tly_date_format(d.day_180, b, sizeof b),
            tly_date_weekday(d.day_180),
            hol && strcmp(name, "Sunday") != 0 ? ", " : "",
            hol && strcmp(name, "Sunday") != 0 ? name : "");
  }
  fprintf(fp, "No signatures filed:    the measure fails on %s, the 9th "
              "working day after the deadline (SoS)\n",
          tly_date_format(d.no_filing_fails, b, sizeof b));
  fprintf(fp, "Election:               %s (%s)\n",
          tly_date_format(d.election, b, sizeof b),
          d.election_given ? "given"
                           : "the first general election whose E-131 is on "
                             "or after the deadline [assumed]");
  fprintf(fp, "Qualify by:             %s = election - 131 days (Cal. "
              "Const. art. II §8)\n",
          tly_date_format(d.qualify_by, b, sizeof b));
  if (d.too_late)
    fprintf(fp, "Note: the qualification date precedes the circulation "
                "deadline: too late for that ballot unless filed early\n");
  return CLI_OK;
}

/* initiative's own options. */
enum {
  O_VOTES = 1, O_KIND, O_REQUIRED, O_COUNTY, O_COUNTIES, O_SUMMARY,
  O_ELECTION
};
typedef struct {
  int64_t votes, required; /* -1 until given */
  tly_initiative_kind kind;
  tly_county_sample counties[128];
  size_t n_counties;
  const char *counties_file;
  tly_date summary, election;
  bool have_summary, have_election;
} initiative_args;

static int initiative_option(void *ud, int ch, char *arg)
{
  const char *sub = "initiative";
  initiative_args *a = ud;
  tly_error err = {0};
  switch (ch) {
  case O_VOTES:
    if (!cli_parse_i64(arg, 1, INT64_MAX, &a->votes))
      return cli_usage(sub, "--governor-votes needs a count >= 1, not '%s'",
                       arg);
    return CLI_OK;
  case O_KIND:
    if (strcmp(arg, "statute") == 0)
      a->kind = TLY_INITIATIVE_STATUTE;
    else if (strcmp(arg, "amendment") == 0)
      a->kind = TLY_INITIATIVE_AMENDMENT;
    else
      return cli_usage(sub, "--kind is statute or amendment, not '%s'", arg);
    return CLI_OK;
  case O_REQUIRED:
    if (!cli_parse_i64(arg, 1, INT64_MAX, &a->required))
      return cli_usage(sub, "--required needs a count >= 1, not '%s'", arg);
    return CLI_OK;
  case O_COUNTY: {
    char orig[128];
    snprintf(orig, sizeof orig, "%s", arg);
    if (a->n_counties == sizeof a->counties / sizeof a->counties[0])
      return cli_usage(sub, "too many --county (use --counties FILE)");
    if (!parse_county(arg, &a->counties[a->n_counties]))
      return cli_usage(sub, "--county takes NAME,RAW,SAMPLE,VALID,"
                            "DUPLICATES with counts >= 0, not '%s'",
                       orig);
    a->n_counties++;
    return CLI_OK;
  }
  case O_COUNTIES:
    a->counties_file = arg;
    return CLI_OK;
  case O_SUMMARY:
    if (tly_date_parse(arg, &a->summary, &err) != TLY_OK)
      return cli_usage(sub, "--summary-date: %s", err.msg);
    a->have_summary = true;
    return CLI_OK;
  default: /* O_ELECTION */
    if (tly_date_parse(arg, &a->election, &err) != TLY_OK)
      return cli_usage(sub, "--election: %s", err.msg);
    a->have_election = true;
    return CLI_OK;
  }
}

typedef struct {
  const cli_opts *o;
  const char *what;
  const initiative_args *a;
  const tly_county_list *list;
} initiative_job;

static int write_initiative(FILE *fp, void *ud)
{
  const initiative_job *j = ud;
  const initiative_args *a = j->a;
  if (strcmp(j->what, "requirement") == 0)
    return requirement(fp, a->votes, a->kind, j->o->json);
  if (strcmp(j->what, "sample") == 0)
    return j->list != NULL
               ? sample(fp, a->required, tly_county_list_rows(j->list),
                        tly_county_list_n(j->list), j->o->json)
               : sample(fp, a->required, a->counties, a->n_counties,
                        j->o->json);
  return deadline(fp, a->summary, a->have_election ? &a->election : NULL,
                  j->o->json);
}

int cmd_initiative(int argc, char **argv)
{
  static const struct option opts[] = {
      {"governor-votes", required_argument, NULL, O_VOTES},
      {"kind", required_argument, NULL, O_KIND},
      {"required", required_argument, NULL, O_REQUIRED},
      {"county", required_argument, NULL, O_COUNTY},
      {"counties", required_argument, NULL, O_COUNTIES},
      {"summary-date", required_argument, NULL, O_SUMMARY},
      {"election", required_argument, NULL, O_ELECTION},
      CLI_OPT_JSON,
      CLI_OPT_OUT,
      CLI_OPT_HELP,
      {NULL, 0, NULL, 0}};
  const char *sub = "initiative";
  if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
                    strcmp(argv[1], "-h") == 0)) {
    help();
    return CLI_OK;
  }
  if (argc < 2 || argv[1][0] == '-')
    return cli_usage(sub, "which one: requirement, sample or deadline?");
  const char *what = argv[1];
  if (strcmp(what, "requirement") != 0 && strcmp(what, "sample") != 0 &&
      strcmp(what, "deadline") != 0)
    return cli_usage(sub, "unknown '%s' (requirement, sample or deadline)",
                     what);
  initiative_args a = {.votes = -1, .required = -1,
                       .kind = TLY_INITIATIVE_AMENDMENT};
  cli_opts o = {.sub = sub, .help = help, .first = 2, .max_operands = 0};
  int rc = cli_opts_parse(&o, argc, argv, opts, initiative_option, &a);
  if (rc != CLI_MORE)
    return rc;
  tly_error err = {0};
  tly_county_list *list = NULL;
  if (strcmp(what, "requirement") == 0) {
    if (a.votes < 0)
      return cli_usage(sub, "requirement needs --governor-votes N");
  } else if (strcmp(what, "sample") == 0) {
    if (a.required < 0)
      return cli_usage(sub, "sample needs --required N");
    if ((a.n_counties > 0) == (a.counties_file != NULL))
      return cli_usage(sub, "sample needs --county SPEC ... or --counties "
                            "FILE (one of them)");
    const char *flag = "--out";
    rc = cli_paths_check(sub, &o.out, &flag, 1, &a.counties_file, 1);
    if (rc != CLI_OK)
      return rc;
    if (a.counties_file != NULL &&
        tly_county_list_load(a.counties_file, NULL, &list, &err) != TLY_OK)
      return cli_report(&err);
  } else if (!a.have_summary) {
    return cli_usage(sub, "deadline needs --summary-date YYYY-MM-DD");
  }
  initiative_job j = {&o, what, &a, list};
  rc = cli_write(o.out, write_initiative, &j);
  tly_county_list_free(list);
  return rc;
}
