/*
 * whatif_opts.c -- the what-if options shared by every subcommand that
 * offers them (tally whatif, and e.g. flip or map): parsed into a
 * tly_whatif_opts, checked for contradictions, and applied by the library
 * in its documented order (without -> split, move, merge, admit ->
 * reapportion -> swing -> set/tie -> rule).
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

/* The library's what-if key of each flag, by code - CLI_WHATIF_BASE (the
 * order of CLI_WHATIF_OPTIONS). The flags only name keys: the library's
 * what-if specification reads and checks every value. */
static const char *const flag_key[] = {
    "without", "reapportion", "seats", "method", "rule",
    "npv",     "swing",       "set",   "tie",    "drop",
    "delegation",
    [20] = "split", [21] = "move", [22] = "merge", [23] = "admit"};
enum { N_FLAGS = sizeof flag_key / sizeof flag_key[0] };

void cli_whatif_init(cli_whatif *w)
{
  memset(w, 0, sizeof *w);
}

static bool all_digits(const char *s)
{
  if (*s == '\0')
    return false;
  for (; *s != '\0'; s++) {
    if (*s < '0' || *s > '9')
      return false;
  }
  return true;
}

static int add(cli_whatif *w, const char *sub, const char *key,
               const char *text)
{
  if (w->n_pairs == sizeof w->pair / sizeof w->pair[0])
    return cli_usage(sub, "too many what-if options");
  w->pair[w->n_pairs].key = key;
  w->pair[w->n_pairs].text = text;
  w->n_pairs++;
  w->any = true;
  return CLI_OK;
}

int cli_whatif_option(cli_whatif *w, const char *sub, int ch, const char *arg,
                      int argc, char **argv)
{
  if (ch < CLI_WHATIF_BASE || ch >= CLI_WHATIF_BASE + N_FLAGS)
    return -1;
  const char *key = flag_key[ch - CLI_WHATIF_BASE];
  if (key == NULL)
    return -1;
  if (strcmp(key, "reapportion") != 0)
    return add(w, sub, key, arg);
  if (arg == NULL && optind < argc && all_digits(argv[optind]))
    arg = argv[optind++]; /* --reapportion 2000 */
  int rc = add(w, sub, key, "true");
  if (rc == CLI_OK && arg != NULL)
    rc = add(w, sub, "census", arg);
  return rc;
}

/* A library failure about the what-if: bad options are usage errors (2),
 * anything else (out of memory, overflow) an input error (1). */
static int failed(const char *sub, const tly_error *err)
{
  switch (err->status) {
  case TLY_ENOTFOUND:
  case TLY_ENODATA:
  case TLY_ERANGE:
  case TLY_EINVAL:
  case TLY_EUNSUPPORTED:
    return cli_usage(sub, "%s", err->msg);
  default:
    return cli_report(err);
  }
}

/* The library's specification of w's options, checked; NULL after
 * printing why not (*rc the exit code). */
static tly_whatif_spec *spec_of(const cli_whatif *w, const char *sub,
                                int *rc)
{
  tly_error err = {0};
  tly_whatif_spec *spec = NULL;
  tly_status s = tly_whatif_spec_new(NULL, &spec, &err);
  for (size_t i = 0; i < w->n_pairs && s == TLY_OK; i++)
    s = tly_whatif_spec_set(spec, w->pair[i].key, w->pair[i].text, &err);
  if (s == TLY_OK)
    s = tly_whatif_spec_check(spec, &err);
  if (s == TLY_OK)
    return spec;
  tly_whatif_spec_free(spec);
  *rc = failed(sub, &err);
  return NULL;
}

int cli_whatif_check(const cli_whatif *w, const char *sub)
{
  int rc = CLI_OK;
  tly_whatif_spec_free(spec_of(w, sub, &rc));
  return rc;
}

int cli_whatif_apply(cli_whatif *w, const char *sub, const tly_election *in,
                     tly_election **out)
{
  *out = NULL;
  int rc = CLI_OK;
  tly_whatif_spec *spec = spec_of(w, sub, &rc);
  if (spec == NULL)
    return rc;
  tly_error err = {0};
  if (tly_whatif_spec_apply(in, spec, out, &err) != TLY_OK)
    rc = failed(sub, &err);
  tly_whatif_spec_describe(spec, w->what, sizeof w->what);
  w->reapportion = tly_whatif_spec_has(spec, "reapportion");
  tly_whatif_spec_free(spec);
  return rc;
}

void cli_whatif_help(FILE *fp)
{
  fprintf(
      fp,
      "What-if options (applied in this order: without, split, move, merge,\n"
      "admit, reapportion, drop, swing, set and tie, rule, delegation;\n"
      "messages name them as the API's fields do: --apportion-method is\n"
      "method, --npv-members npv):\n"
      "  --without ST,...     these states (or DC) leave: their votes leave\n"
      "                       the national count, their electors the\n"
      "                       College; the majority is recomputed. Also\n"
      "                       county FIPS codes (06037): those counties\n"
      "                       leave their states (see --split)\n"
      "  --split ST=CODE[/Name]:FIPS,...;CODE[/Name]:FIPS,...  a state\n"
      "                       becomes several, every county of it in\n"
      "                       exactly one part (a part may keep ST's code;\n"
      "                       new codes: 2-3 capital letters). --split cal3:\n"
      "                       the 2018 Cal 3 initiative's NCA, CA, SCA.\n"
      "                       Alaska (results by house district) is\n"
      "                       refused. A redrawn state's votes are its\n"
      "                       counties' returns (tally result --counties),\n"
      "                       its population its counties' census count +\n"
      "                       its parents' overseas count shared by\n"
      "                       resident population (largest remainders).\n"
      "                       Without --reapportion a redrawn state's seats\n"
      "                       are shared among its parts by the method;\n"
      "                       with it, all states are reapportioned\n"
      "  --move FIPS,...=ST   counties join ST (--move greater-idaho: 13\n"
      "                       eastern Oregon counties to Idaho)\n"
      "  --merge ST,ST=CODE[/Name]  states become one\n"
      "  --admit CODE[/Name][:POPULATION]  DC as a state (the 23rd\n"
      "                       Amendment's electors end), or a new state\n"
      "                       with a population and no votes (its electors\n"
      "                       undecided unless --set CODE=CANDIDATE); 1\n"
      "                       seat without --reapportion\n"
      "  --reapportion [CENSUS]  with --without or a redraw: the House (435\n"
      "                       seats) is reapportioned among the states as\n"
      "                       they now stand,\n"
      "                       on CENSUS (1970-2020; default: the one that\n"
      "                       set the election's electors; CENSUS goes\n"
      "                       right after the option); electors =\n"
      "                       seats + 2, DC as a state but at most the\n"
      "                       least populous state. ME and NE keep their\n"
      "                       districts (at large = slate - districts)\n"
      "  --seats N            House size for --reapportion (default 435)\n"
      "  --apportion-method M huntington-hill (default), webster, jefferson,\n"
      "                       adams, dean, hamilton\n"
      "  --swing X            uniform swing of X points (-100..100, at most\n"
      "                       9 decimals) in the two-party margin toward\n"
      "                       the Democrat (X < 0: toward the Republican):\n"
      "                       in each state and\n"
      "                       district round-half-even(X/200 x (D+R)) votes\n"
      "                       move from R to D, never below 0; a state\n"
      "                       with district returns moves the sum of its\n"
      "                       districts' and its other votes' moves\n"
      "  --set ST=CANDIDATE   force a state's (or district's) electors\n"
      "  --tie ST=CANDIDATE   decide a tied state for CANDIDATE (as by lot)\n"
      "  --rule RULE          law (default: as in force), wta (whole slates,\n"
      "                       ME and NE too), district (2 at large + 1 per\n"
      "                       congressional district in every state,\n"
      "                       2008-2024: districts from The Downballot,\n"
      "                       2016/2020 approximate; not with\n"
      "                       --reapportion; a swing or --set reaches\n"
      "                       the districts),\n"
      "                       proportional[-hamilton|-dhondt|-webster]\n"
      "                       (whole electors on each state's votes;\n"
      "                       proportional = hamilton), npv (the National\n"
      "                       Popular Vote compact)\n"
      "  --npv-members SET    with --rule npv: all (every state and DC),\n"
      "                       none, ST,... or YEAR (members that had\n"
      "                       enacted it by YEAR); default: by the election\n"
      "                       year. The members' electors go to the\n"
      "                       national winner only when they hold a\n"
      "                       majority of the electors appointed\n"
      "  --drop CANDIDATE[=D:P,R:Q]  CANDIDATE leaves the ballot (after\n"
      "                       reapportion, before the swing): P %% of their\n"
      "                       votes go to the Democrat, Q %% to the\n"
      "                       Republican, the rest abstain; whole votes in\n"
      "                       each state and district, D = round-half-even\n"
      "                       (v x P/100), D + R = round-half-even(v x\n"
      "                       (P+Q)/100); no shares: the votes just leave\n"
      "  --delegation ST=R|D|split  the House delegation of a state in a\n"
      "                       contingent election (applied last); others\n"
      "                       are those of the Congress seated after the\n"
      "                       election (1976-2024 only)\n");
}

void cli_whatif_describe(const cli_whatif *w, char *buf, size_t size)
{
  snprintf(buf, size, "%s", w->what);
}
