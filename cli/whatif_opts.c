/*
 * whatif_opts.c -- the what-if options shared by every subcommand that
 * offers them (tally whatif, and e.g. flip or map): parsed into a
 * tly_whatif_opts, checked for contradictions, and applied by the library
 * in its documented order (without -> reapportion -> swing -> set/tie ->
 * rule).
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

enum {
  W_WITHOUT = CLI_WHATIF_BASE,
  W_REAPPORTION,
  W_SEATS,
  W_METHOD,
  W_RULE,
  W_NPV,
  W_SWING,
  W_SET,
  W_TIE
};

void cli_whatif_init(cli_whatif *w)
{
  memset(w, 0, sizeof *w);
  w->o.method = TLY_METHOD_HUNTINGTON_HILL;
  w->o.rule = TLY_RULE_LAW;
  w->o.without = w->without;
  w->o.set = w->set;
  w->o.tie = w->tie;
  w->o.npv.codes = w->npv_codes;
}

/* A NUL-terminated copy of the n bytes at p in w's pool; NULL when full. */
static const char *keep(cli_whatif *w, const char *p, size_t n)
{
  if (w->pool_len + n + 1 > sizeof w->pool)
    return NULL;
  char *q = w->pool + w->pool_len;
  memcpy(q, p, n);
  q[n] = '\0';
  w->pool_len += n + 1;
  return q;
}

/* Splits a comma list of state codes into list[*n..64); 2 on error. */
static int codes(cli_whatif *w, const char *sub, const char *opt,
                 const char *arg, const char **list, size_t *n)
{
  const char *p = arg;
  for (;;) {
    const char *c = strchr(p, ',');
    size_t len = c ? (size_t)(c - p) : strlen(p);
    const char *code = len ? keep(w, p, len) : NULL;
    if (len == 0)
      return cli_usage(sub, "%s needs state codes, not '%s'", opt, arg);
    if (code == NULL || *n == 64)
      return cli_usage(sub, "%s: too many states", opt);
    if (tly_state_name(code) == NULL)
      return cli_usage(sub, "%s: unknown state '%s'", opt, code);
    list[(*n)++] = code;
    if (c == NULL)
      return CLI_OK;
    p = c + 1;
  }
}

/* ST=CANDIDATE into list[*n]; 2 on error. */
static int assign(cli_whatif *w, const char *sub, const char *opt,
                  const char *arg, tly_assign *list, size_t *n)
{
  const char *eq = strchr(arg, '=');
  if (eq == NULL || eq == arg || eq[1] == '\0')
    return cli_usage(sub, "%s takes ST=CANDIDATE, not '%s'", opt, arg);
  if (*n == 64)
    return cli_usage(sub, "%s: too many", opt);
  const char *code = keep(w, arg, (size_t)(eq - arg));
  const char *cand = keep(w, eq + 1, strlen(eq + 1));
  if (code == NULL || cand == NULL)
    return cli_usage(sub, "%s: too many", opt);
  list[*n].code = code;
  list[*n].candidate = cand;
  (*n)++;
  return CLI_OK;
}

/* An exact decimal "[+-]D[.D]" (at most 9 decimals) as num / den. */
static bool parse_decimal(const char *s, int64_t *num, int64_t *den)
{
  const char *p = s;
  bool neg = false;
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  int64_t n = 0;
  int64_t d = 1;
  int digits = 0;
  int decimals = -1;
  for (; *p != '\0'; p++) {
    if (*p == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (*p < '0' || *p > '9')
      return false;
    if (n > INT64_C(100000000000000)) /* far beyond any valid swing */
      return false;
    n = n * 10 + (*p - '0');
    digits++;
    if (decimals >= 0) {
      if (++decimals > 9)
        return false;
      d *= 10;
    }
  }
  if (digits == 0)
    return false;
  *num = neg ? -n : n;
  *den = d;
  return true;
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

int cli_whatif_option(cli_whatif *w, const char *sub, int ch, const char *arg,
                      int argc, char **argv)
{
  int64_t v;
  tly_error err = {0};
  switch (ch) {
  case W_WITHOUT:
    w->any = true;
    return codes(w, sub, "--without", arg, w->without, &w->o.n_without);
  case W_REAPPORTION:
    w->any = true;
    w->o.reapportion = true;
    if (arg == NULL && optind < argc && all_digits(argv[optind]))
      arg = argv[optind++]; /* --reapportion 2000 */
    if (arg != NULL) {
      if (!cli_parse_i64(arg, 1790, 9999, &v))
        return cli_usage(sub, "--reapportion takes a census year, not '%s'",
                         arg);
      w->o.census = (int)v;
    }
    return CLI_OK;
  case W_SEATS:
    w->any = true;
    if (!cli_parse_i64(arg, 1, TLY_APPORTION_MAX_SEATS, &v))
      return cli_usage(sub, "--seats takes a House size 1-%d, not '%s'",
                       TLY_APPORTION_MAX_SEATS, arg);
    w->o.seats = v;
    w->seats_given = true;
    return CLI_OK;
  case W_METHOD:
    w->any = true;
    if (tly_method_from_name(arg, &w->o.method, &err) != TLY_OK)
      return cli_usage(sub, "--apportion-method: %s", err.msg);
    w->method_given = true;
    return CLI_OK;
  case W_RULE:
    w->any = true;
    if (tly_rule_from_name(arg, &w->o.rule, &err) != TLY_OK)
      return cli_usage(sub, "--rule: %s", err.msg);
    w->rule_given = true;
    return CLI_OK;
  case W_NPV:
    w->any = true;
    w->npv_given = true;
    w->o.npv.n_codes = 0;
    if (strcmp(arg, "all") == 0) {
      w->o.npv.which = TLY_NPV_ALL;
    } else if (strcmp(arg, "none") == 0) {
      w->o.npv.which = TLY_NPV_NONE;
    } else if (all_digits(arg)) {
      if (!cli_parse_i64(arg, 1776, 9999, &v))
        return cli_usage(sub, "--npv-members: bad year '%s'", arg);
      w->o.npv.which = TLY_NPV_YEAR;
      w->o.npv.year = (int)v;
    } else {
      w->o.npv.which = TLY_NPV_LIST;
      return codes(w, sub, "--npv-members", arg, w->npv_codes,
                   &w->o.npv.n_codes);
    }
    return CLI_OK;
  case W_SWING:
    w->any = true;
    if (!parse_decimal(arg, &w->o.swing_num, &w->o.swing_den))
      return cli_usage(sub, "--swing takes points, e.g. 2 or -1.5, not '%s'",
                       arg);
    if (w->o.swing_num > 100 * w->o.swing_den ||
        w->o.swing_num < -100 * w->o.swing_den)
      return cli_usage(sub, "--swing %s is beyond +/-100 points", arg);
    w->o.swing = true;
    return CLI_OK;
  case W_SET:
    w->any = true;
    return assign(w, sub, "--set", arg, w->set, &w->o.n_set);
  case W_TIE:
    w->any = true;
    return assign(w, sub, "--tie", arg, w->tie, &w->o.n_tie);
  default:
    return -1;
  }
}

int cli_whatif_check(const cli_whatif *w, const char *sub)
{
  if ((w->seats_given || w->method_given) && !w->o.reapportion)
    return cli_usage(sub, "--%s needs --reapportion",
                     w->seats_given ? "seats" : "apportion-method");
  if (w->o.reapportion && w->o.n_without == 0)
    return cli_usage(sub, "--reapportion needs --without (the states that "
                          "leave)");
  if (w->npv_given && w->o.rule != TLY_RULE_NPV)
    return cli_usage(sub, "--npv-members needs --rule npv");
  return CLI_OK;
}

int cli_whatif_apply(const cli_whatif *w, const char *sub,
                     const tly_election *in, tly_election **out)
{
  tly_error err = {0};
  tly_status s = tly_whatif_apply(in, &w->o, out, &err);
  switch (s) {
  case TLY_OK:
    return CLI_OK;
  case TLY_ENOTFOUND:
  case TLY_ENODATA:
  case TLY_ERANGE:
  case TLY_EINVAL:
  case TLY_EUNSUPPORTED:
    return cli_usage(sub, "%s", err.msg);
  default:
    return cli_report(&err);
  }
}

void cli_whatif_help(FILE *fp)
{
  fprintf(
      fp,
      "What-if options (applied in this order: without, reapportion, swing,\n"
      "set and tie, rule):\n"
      "  --without ST,...     these states (or DC) leave: their votes leave\n"
      "                       the national count, their electors the\n"
      "                       College; the majority is recomputed\n"
      "  --reapportion [CENSUS]  with --without: the House (435 seats) is\n"
      "                       reapportioned among the states that remain,\n"
      "                       on CENSUS (1970-2020; default: the one that\n"
      "                       set the election's electors; CENSUS goes\n"
      "                       right after the option); electors =\n"
      "                       seats + 2, DC as a state but at most the\n"
      "                       least populous state. ME and NE keep their\n"
      "                       districts (at large = slate - districts)\n"
      "  --seats N            House size for --reapportion (default 435)\n"
      "  --apportion-method M huntington-hill (default), webster, jefferson,\n"
      "                       adams, dean, hamilton\n"
      "  --swing X            uniform swing of X points (-100..100) in the\n"
      "                       two-party margin toward the Democrat (X < 0:\n"
      "                       toward the Republican): in each state and\n"
      "                       district round-half-even(X/200 x (D+R)) votes\n"
      "                       move from R to D, never below 0; a state\n"
      "                       with district returns moves the sum of its\n"
      "                       districts' and its other votes' moves\n"
      "  --set ST=CANDIDATE   force a state's (or district's) electors\n"
      "  --tie ST=CANDIDATE   decide a tied state for CANDIDATE (as by lot)\n"
      "  --rule RULE          law (default: as in force), wta (whole slates,\n"
      "                       ME and NE too), district (needs district\n"
      "                       returns: only ME and NE have them),\n"
      "                       proportional[-hamilton|-dhondt|-webster]\n"
      "                       (whole electors on each state's votes;\n"
      "                       proportional = hamilton), npv (the National\n"
      "                       Popular Vote compact)\n"
      "  --npv-members SET    with --rule npv: all (every state and DC),\n"
      "                       none, ST,... or YEAR (members that had\n"
      "                       enacted it by YEAR); default: by the election\n"
      "                       year. The members' electors go to the\n"
      "                       national winner only when they hold a\n"
      "                       majority of the electors appointed\n");
}

void cli_whatif_describe(const cli_whatif *w, char *buf, size_t size)
{
  tly_whatif_describe(&w->o, buf, size);
}
