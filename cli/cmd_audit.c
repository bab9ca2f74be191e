/*
 * cmd_audit.c -- `tally audit YEAR --state ST | --shares W,L`: a BRAVO
 * ballot-polling risk-limiting audit (Lindeman, Stark and Yates 2012): the
 * expected sample size, the stopping rule k_min(n) and the distribution of
 * the stopping sample by a seeded simulation; a margin too small for
 * ballot polling is said so, with a full hand count suggested.
 */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally audit [YEAR | FILE] --state ST [options]\n"
      "       tally audit --shares W,L [--ballots N] [options]\n\n"
      "A BRAVO ballot-polling risk-limiting audit of one state's\n"
      "presidential contest (Lindeman, Stark and Yates, EVT/WOTE 2012):\n"
      "Wald's sequential test of the reported winner against the runner-up,\n"
      "ballots drawn at random with replacement. With W and L the winner's\n"
      "and loser's shares of all ballots and s = W/(W+L):\n"
      "  ASN = [ln(1/a) + ln(2s)/2] / [W ln(2s) + L ln(2-2s)]  (Stark,\n"
      "        ballotPollTools), the expected number of ballots drawn;\n"
      "  k_min(n) = ceil(ln(1/a)/ln(s/(1-s)) + n ln(1/(2-2s))/ln(s/(1-s))):\n"
      "        after n ballots for either of the two, the audit stops and\n"
      "        confirms the outcome once k >= k_min(n) of them are the\n"
      "        winner's; if it never does, it goes to a full hand count;\n"
      "  the stopping sample's quantiles from simulated audits at the\n"
      "        reported shares, seeded (--seed; never the clock).\n"
      "For YEAR --state ST the shares are the candidates' shares of all\n"
      "votes for the office in the built-in (certified) results [assumed:\n"
      "ballots without a presidential vote are not in the data, so true\n"
      "shares of ballots are a little smaller]. A simulated audit that has\n"
      "drawn as many ballots as were cast (or --max-sample) counts as a full\n"
      "hand count; when the ASN itself reaches that many, no simulation is\n"
      "run: the margin is too small for ballot polling.\n\n"
      "Options:\n"
      "  --state ST          the state (postal code)\n"
      "  --shares W,L        the winner's and loser's shares of all ballots\n"
      "                      (fractions, e.g. 0.55,0.45), instead of a state\n"
      "  --ballots N         ballots cast, with --shares (default unknown)\n"
      "  --risk A            the risk limit (default 0.05)\n"
      "  --seed N            the simulation's seed (default 20121108)\n"
      "  --trials N          simulated audits (default 1000, or as many as\n"
      "                      fit 10^9 ballots drawn in all); more than fit\n"
      "                      are refused\n"
      "  --max-sample N      ballots after which a simulated audit escalates\n"
      "                      (default: the ballots cast, else 1,000,000)\n"
      "  --source medsl|fec  built-in source (default medsl)\n"
      "  --year Y            the election to take from a multi-year FILE\n"
      "  --json              JSON instead of a table\n"
      "  --out FILE          write to FILE (atomically) instead of stdout\n"
      "  --help              this help\n\n"
      "Examples:\n"
      "  tally audit 2016 --state WI --risk 0.10\n"
      "  tally audit --shares 0.55,0.45 --risk 0.10\n");
}

/* x >= 0 with thousands separators and one decimal ("73,967.3"). */
static char *decimal1(double x, char *buf, size_t size)
{
  double tenths = floor(x * 10 + 0.5);
  if (!(tenths < 9e17)) {
    snprintf(buf, size, "%.4g", x);
    return buf;
  }
  int64_t t = (int64_t)tenths;
  char b[32];
  snprintf(buf, size, "%s.%d", tly_format_count(t / 10, b, sizeof b),
           (int)(t % 10));
  return buf;
}

static void print(FILE *fp, const tly_bravo_opts *o,
                  const tly_bravo_result *r, const int64_t *n_at, size_t nk,
                  const tly_election *e, const tly_bravo_contest *c,
                  bool reduced)
{
  char b1[32], b2[32], b3[32], b4[32];
  const char *wn = "the winner", *ln = "the loser";
  if (e != NULL) {
    const tly_unit *u = tly_election_unit(e, (size_t)c->unit);
    wn = tly_election_candidate(e, (size_t)c->winner)->name;
    ln = tly_election_candidate(e, (size_t)c->loser)->name;
    int64_t total = c->total_votes;
    int64_t vw = c->winner_votes;
    int64_t vl = c->loser_votes;
    fprintf(fp, "BRAVO ballot-polling audit · %s %d · source: %s\n",
            tly_state_name(u->code), tly_election_year(e),
            tly_election_source_name(e));
    fprintf(fp, "Reported: %s %s, %s %s, margin %s, of %s votes for the "
                "office\n",
            wn, tly_format_count(vw, b1, sizeof b1), ln,
            tly_format_count(vl, b2, sizeof b2),
            tly_format_count(vw - vl, b3, sizeof b3),
            tly_format_count(total, b4, sizeof b4));
  } else {
    fprintf(fp, "BRAVO ballot-polling audit · shares given\n");
  }
  fprintf(fp, "Shares of all ballots: winner %.6f, loser %.6f; winner's "
              "share of the two, s_w = %.6f\n",
          o->p_winner, o->p_loser, r->s_winner);
  fprintf(fp, "Risk limit: %g\n\n", o->risk);
  fprintf(fp, "Expected sample (ASN): %s ballots\n",
          decimal1(r->asn, b1, sizeof b1));
  if (!r->practical) {
    fprintf(fp, "\nThe margin is too small for a ballot-polling audit: the "
                "expected sample (%s ballots) reaches ",
            decimal1(r->asn, b2, sizeof b2));
    if (o->ballots > 0 && r->asn >= (double)o->ballots)
      fprintf(fp, "the %s ballots cast", tly_format_count(o->ballots, b1,
                                                          sizeof b1));
    else
      fprintf(fp, "the cap of %s ballots",
              tly_format_count(o->max_sample, b1, sizeof b1));
    fprintf(fp, ". A full hand count is suggested (or a ballot-comparison "
                "audit, whose sample grows with 1/margin, not "
                "1/margin^2).\n");
  }
  fprintf(fp, "\nStopping rule: after n ballots for %s or %s, stop and "
              "confirm when at least k_min(n) are for %s\n",
          wn, ln, wn);
  fprintf(fp, "%14s %14s\n", "n", "k_min(n)");
  for (size_t i = 0; i < nk; i++) {
    int64_t k;
    tly_bravo_kmin(o->risk, r->s_winner, n_at[i], &k, NULL);
    fprintf(fp, "%14s %14s%s\n", tly_format_count(n_at[i], b1, sizeof b1),
            tly_format_count(k, b2, sizeof b2),
            k > n_at[i] ? "  (cannot stop yet)" : "");
  }
  if (!r->practical)
    return;
  fprintf(fp, "\nStopping sample, %s simulated audits (seed %llu",
          tly_format_count(r->trials, b1, sizeof b1),
          (unsigned long long)o->seed);
  if (reduced)
    fprintf(fp, "; fewer than the default %s: the most that fit 10^9 "
                "ballots drawn",
            tly_format_count(TLY_BRAVO_TRIALS, b1, sizeof b1));
  fprintf(fp, "):\n");
  for (size_t i = 0; i < TLY_BRAVO_NQ; i++) {
    double q = tly_bravo_quantile_level(i);
    if (r->quantiles[i] >= 0)
      fprintf(fp, "  %2.0f %% of audits stop within %s ballots\n", q * 100,
              tly_format_count(r->quantiles[i], b1, sizeof b1));
    else
      fprintf(fp, "  %2.0f %% of audits: not before a full hand count\n",
              q * 100);
  }
  fprintf(fp, "  mean %s ballots; %s of %s escalated to a full hand count "
              "(reached %s ballots)\n",
          decimal1(r->mean, b4, sizeof b4),
          tly_format_count(r->escalated, b1, sizeof b1),
          tly_format_count(r->trials, b2, sizeof b2),
          tly_format_count(o->max_sample, b3, sizeof b3));
}

static bool parse_shares(const char *s, double *w, double *l)
{
  const char *comma = strchr(s, ',');
  if (comma == NULL || (size_t)(comma - s) >= 64)
    return false;
  char a[64];
  memcpy(a, s, (size_t)(comma - s));
  a[comma - s] = '\0';
  return cli_parse_double(a, w) && cli_parse_double(comma + 1, l) &&
         *w > 0 && *w < 1 && *l > 0 && *l < 1;
}

/* audit's own options. */
enum { O_STATE = 1, O_SHARES, O_BALLOTS, O_RISK, O_SEED, O_TRIALS, O_MAX };
typedef struct {
  const char *state;
  bool have_shares;
  tly_bravo_opts o;
} audit_args;

static int audit_option(void *ud, int ch, char *arg)
{
  const char *sub = "audit";
  audit_args *a = ud;
  int64_t v;
  switch (ch) {
  case O_STATE:
    a->state = arg;
    return CLI_OK;
  case O_SHARES:
    if (!parse_shares(arg, &a->o.p_winner, &a->o.p_loser))
      return cli_usage(sub, "--shares takes W,L, two fractions between 0 "
                            "and 1, not '%s'",
                       arg);
    a->have_shares = true;
    return CLI_OK;
  case O_BALLOTS:
    if (!cli_parse_i64(arg, 1, INT64_MAX, &a->o.ballots))
      return cli_usage(sub, "--ballots needs a count >= 1, not '%s'", arg);
    return CLI_OK;
  case O_RISK:
    if (!cli_parse_double(arg, &a->o.risk) || !(a->o.risk > 0) ||
        !(a->o.risk < 1))
      return cli_usage(sub, "--risk needs a number between 0 and 1, not "
                            "'%s'",
                       arg);
    return CLI_OK;
  case O_SEED:
    if (!cli_parse_i64(arg, 0, INT64_MAX, &v))
      return cli_usage(sub, "--seed needs an integer >= 0, not '%s'", arg);
    a->o.seed = (uint64_t)v;
    return CLI_OK;
  case O_TRIALS:
    if (!cli_parse_i64(arg, 1, 10000000, &a->o.trials))
      return cli_usage(sub, "--trials needs 1 to 10,000,000, not '%s'",
                       arg);
    return CLI_OK;
  default: /* O_MAX */
    if (!cli_parse_i64(arg, 1, INT64_MAX, &a->o.max_sample))
      return cli_usage(sub, "--max-sample needs a count >= 1, not '%s'",
                       arg);
    return CLI_OK;
  }
}

typedef struct {
  const cli_opts *opts;
  const tly_bravo_opts *o;
  const tly_bravo_result *r;
  const int64_t *n_at;
  size_t nk;
  const tly_election *e;
  const tly_bravo_contest *c;
  bool reduced; /* the default trials lowered to fit the budget */
} audit_job;

static int write_audit(FILE *fp, void *ud)
{
  const audit_job *j = ud;
  tly_error err = {0};
  if (j->opts->json)
    return cli_check(tly_json_bravo(j->o, j->r, j->n_at, j->nk, j->e,
                                    j->c->unit, cli_file_writer, fp, &err),
                     &err);
  print(fp, j->o, j->r, j->n_at, j->nk, j->e, j->c, j->reduced);
  return CLI_OK;
}

int cmd_audit(int argc, char **argv)
{
  static const struct option opts[] = {
      {"state", required_argument, NULL, O_STATE},
      {"shares", required_argument, NULL, O_SHARES},
      {"ballots", required_argument, NULL, O_BALLOTS},
      {"risk", required_argument, NULL, O_RISK},
      {"seed", required_argument, NULL, O_SEED},
      {"trials", required_argument, NULL, O_TRIALS},
      {"max-sample", required_argument, NULL, O_MAX},
      CLI_ELECTION_OPTIONS,
      CLI_OPT_JSON,
      CLI_OPT_OUT,
      CLI_OPT_HELP,
      {NULL, 0, NULL, 0}};
  const char *sub = "audit";
  cli_opts co = {.sub = sub, .help = help, .max_operands = 1};
  audit_args a = {.o = {.risk = 0.05, .seed = TLY_BRAVO_SEED}};
  int rc = cli_opts_parse(&co, argc, argv, opts, audit_option, &a);
  if (rc != CLI_MORE)
    return rc;
  tly_bravo_opts o = a.o;
  bool have_election = co.arg != NULL;
  if (a.have_shares == (have_election || a.state != NULL))
    return cli_usage(sub, "give YEAR --state ST, or --shares W,L (one of "
                          "them)");
  if (have_election && a.state == NULL)
    return cli_usage(sub, "which state? (--state ST)");
  if (!a.have_shares && o.ballots != 0)
    return cli_usage(sub, "--ballots goes with --shares (a state's ballots "
                          "come from its results)");
  tly_election *e = NULL;
  tly_bravo_contest c = {.unit = -1, .winner = -1, .loser = -1};
  tly_error err = {0};
  if (have_election) {
    rc = cli_opts_load(&co, NULL, &e);
    if (rc != CLI_OK)
      return rc;
    tly_status s = tly_bravo_contest_find(e, a.state, &o, &c, &err);
    if (s != TLY_OK) {
      tly_election_free(e);
      return s == TLY_ENOTFOUND ? cli_usage(sub, "%s", err.msg)
                                : cli_report(&err);
    }
  }
  /* Without --max-sample, the ballots cast; without --trials, the default
   * or as many as fit the library's budget (said in the output); an
   * explicit --trials is run whole or refused. */
  bool reduced = tly_bravo_defaults(&o);
  tly_bravo_result r;
  if (tly_bravo_simulate(&o, &r, &err) != TLY_OK) {
    tly_election_free(e);
    return cli_report(&err);
  }
  int64_t n_at[16];
  size_t nk = tly_bravo_ladder(&o, &r, n_at, 16);
  audit_job j = {&co, &o, &r, n_at, nk, e, &c, reduced};
  rc = cli_write(co.out, write_audit, &j);
  tly_election_free(e);
  return rc;
}
