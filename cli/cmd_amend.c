/*
 * cmd_amend.c -- `tally amend`: whether a U.S. constitutional amendment
 * clears Article V: two-thirds of both Houses (of the members present and
 * voting, a quorum being present), then three-fourths of the states.
 * Exit 0 when it passes, 3 when it fails, so that scripts can branch.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

enum { AMEND_FAILS = 3 };

static void help(void)
{
  printf(
      "usage: tally amend --house-yeas Y --house-nays N --senate-yeas Y\n"
      "                   --senate-nays N --ratified K [--states 50]\n"
      "                   [--house-members 435] [--senate-members M]\n"
      "                   [--json] [--out FILE]\n\n"
      "Whether an amendment to the U.S. Constitution clears Article V:\n"
      "  1. the House and 2. the Senate each pass it by two-thirds of the\n"
      "     members present and voting, a quorum (a majority of the members,\n"
      "     Art. I §5) being present (Missouri Pacific R. Co. v. Kansas, 248\n"
      "     U.S. 276 (1919)): yeas >= ceil(2/3 x (yeas + nays));\n"
      "  3. three-fourths of the states ratify: ceil(3/4 x states), 38 of\n"
      "     50, recomputed with --states.\n"
      "Members present are taken to be yeas + nays [assumed: members present\n"
      "but not voting are not known]. The Senate has 2 members a state\n"
      "unless --senate-members says otherwise. tally prints each step, the\n"
      "first that fails, and by how much.\n\n"
      "Exit status: 0 the amendment passes, 3 it fails, 1 bad input, 2 usage.\n\n"
      "Options:\n"
      "  --house-yeas Y, --house-nays N      the House's recorded vote\n"
      "  --senate-yeas Y, --senate-nays N    the Senate's recorded vote\n"
      "  --ratified K        states that ratified\n"
      "  --states S          states in the Union (default 50)\n"
      "  --house-members H   voting members of the House (default 435)\n"
      "  --senate-members M  senators (default 2 x states)\n"
      "  --json              JSON instead of a table\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n"
      "Example:\n"
      "  tally amend --house-yeas 290 --house-nays 145 --senate-yeas 67 "
      "--senate-nays 33 --ratified 38\n");
}

static void chamber_row(FILE *fp, const char *name, const tly_chamber_vote *c)
{
  fprintf(fp, "%-17s %6lld %6lld %8lld %8lld %7lld %7lld  %s\n", name,
          (long long)c->yeas, (long long)c->nays, (long long)c->present,
          (long long)c->members, (long long)c->quorum, (long long)c->needed,
          c->passes ? "passes" : !c->quorum_met ? "no quorum" : "fails");
}

static void why(FILE *fp, const char *name, const tly_chamber_vote *c)
{
  if (!c->quorum_met)
    fprintf(fp, "The amendment fails in the %s: %lld present is no quorum "
                "of %lld members (%lld needed): %lld member%s short.\n",
            name, (long long)c->present, (long long)c->members,
            (long long)c->quorum, (long long)c->short_by,
            c->short_by == 1 ? "" : "s");
  else
    fprintf(fp, "The amendment fails in the %s: %lld yeas of %lld present; "
                "two-thirds is %lld: %lld yea%s short.\n",
            name, (long long)c->yeas, (long long)c->present,
            (long long)c->needed, (long long)c->short_by,
            c->short_by == 1 ? "" : "s");
}

static void print(FILE *fp, const tly_amend_result *r)
{
  fprintf(fp, "Article V: two-thirds of each House (members present and "
              "voting, a quorum present), then three-fourths of the "
              "states\n\n");
  fprintf(fp, "%-17s %6s %6s %8s %8s %7s %7s  %s\n", "Step", "Yeas", "Nays",
          "Present", "Members", "Quorum", "Needed", "Result");
  chamber_row(fp, "House", &r->house);
  chamber_row(fp, "Senate", &r->senate);
  fprintf(fp, "%-17s %6lld %6s %8s %8lld %7s %7lld  %s\n",
          "States ratifying", (long long)r->ratified, "", "",
          (long long)r->states, "", (long long)r->states_needed,
          r->states_pass ? "passes" : "fails");
  fprintf(fp, "\n");
  switch (r->failed) {
  case TLY_AMEND_PASSES:
    fprintf(fp, "The amendment passes: proposed by both Houses and "
                "ratified by %lld of %lld states.\n",
            (long long)r->ratified, (long long)r->states);
    break;
  case TLY_AMEND_HOUSE:
    why(fp, "House", &r->house);
    break;
  case TLY_AMEND_SENATE:
    why(fp, "Senate", &r->senate);
    break;
  case TLY_AMEND_STATES:
    fprintf(fp, "The amendment fails at ratification: %lld of %lld states; "
                "three-fourths is %lld: %lld state%s short.\n",
            (long long)r->ratified, (long long)r->states,
            (long long)r->states_needed, (long long)r->states_short,
            r->states_short == 1 ? "" : "s");
    break;
  }
}

/* amend's own options: the counts, in the order of tly_amend_votes. */
enum { O_HY = 1, O_HN, O_SY, O_SN, O_RAT, O_STATES, O_HM, O_SM };
static const char *const names[8] = {
    "--house-yeas", "--house-nays", "--senate-yeas", "--senate-nays",
    "--ratified",   "--states",     "--house-members", "--senate-members"};

static int amend_option(void *ud, int ch, char *arg)
{
  int64_t *v = ud;
  int k = ch - O_HY;
  int64_t lo = k >= O_STATES - O_HY ? 1 : 0;
  if (!cli_parse_i64(arg, lo, 1000000000, &v[k]))
    return cli_usage("amend", "%s needs a count >= %lld, not '%s'", names[k],
                     (long long)lo, arg);
  return CLI_OK;
}

typedef struct {
  const cli_opts *o;
  const tly_amend_result *r;
} amend_job;

static int write_amend(FILE *fp, void *ud)
{
  const amend_job *j = ud;
  tly_error err = {0};
  if (j->o->json)
    return cli_check(tly_json_amend(j->r, cli_file_writer, fp, &err), &err);
  print(fp, j->r);
  return CLI_OK;
}

int cmd_amend(int argc, char **argv)
{
  static const struct option opts[] = {
      {"house-yeas", required_argument, NULL, O_HY},
      {"house-nays", required_argument, NULL, O_HN},
      {"senate-yeas", required_argument, NULL, O_SY},
      {"senate-nays", required_argument, NULL, O_SN},
      {"ratified", required_argument, NULL, O_RAT},
      {"states", required_argument, NULL, O_STATES},
      {"house-members", required_argument, NULL, O_HM},
      {"senate-members", required_argument, NULL, O_SM},
      CLI_OPT_JSON,
      CLI_OPT_OUT,
      CLI_OPT_HELP,
      {NULL, 0, NULL, 0}};
  /* Index by option code - O_HY: the counts, -1 until given. */
  int64_t v[8] = {-1, -1, -1, -1, -1, 0, 0, 0};
  cli_opts o = {.sub = "amend", .help = help, .max_operands = 0};
  int rc = cli_opts_parse(&o, argc, argv, opts, amend_option, v);
  if (rc != CLI_MORE)
    return rc;
  for (int k = 0; k < 5; k++) {
    if (v[k] < 0)
      return cli_usage("amend", "%s is required", names[k]);
  }
  tly_amend_votes in = {
      .house_yeas = v[0], .house_nays = v[1], .senate_yeas = v[2],
      .senate_nays = v[3], .ratified = v[4], .states = v[5],
      .house_members = v[6], .senate_members = v[7]};
  tly_amend_result r;
  tly_error err = {0};
  if (tly_amend_check(&in, &r, &err) != TLY_OK)
    return cli_report(&err);
  amend_job j = {&o, &r};
  rc = cli_write(o.out, write_amend, &j);
  if (rc != CLI_OK)
    return rc;
  return r.failed == TLY_AMEND_PASSES ? CLI_OK : AMEND_FAILS;
}
