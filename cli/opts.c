/*
 * opts.c -- the options most subcommands share (--source, --year, --json,
 * --csv, --out, --help, the what-ifs), parsed in one getopt_long loop, and
 * the election a YEAR|FILE operand names, loaded with its what-ifs
 * applied.
 */
#include "cli.h"

#include <getopt.h>

/* A shared option: CLI_OK when taken, 2 after a usage error, -1 when `ch`
 * is not one of them. */
static int shared_option(cli_opts *o, int ch, const char *arg)
{
  int64_t v;
  switch (ch) {
  case CLI_O_SOURCE:
    if (!cli_parse_source(arg, &o->source))
      return cli_usage(o->sub, "unknown source '%s' (medsl, fec or history)",
                       arg);
    o->source_given = true;
    return CLI_OK;
  case CLI_O_YEAR:
    if (!cli_parse_i64(arg, 1789, 9999, &v))
      return cli_usage(o->sub, "--year needs a year, not '%s'", arg);
    o->year = (int)v;
    return CLI_OK;
  case CLI_O_JSON:
    o->json = true;
    return CLI_OK;
  case CLI_O_CSV:
    o->csv = true;
    return CLI_OK;
  case CLI_O_OUT:
    o->out = arg;
    return CLI_OK;
  default:
    return -1;
  }
}

int cli_opts_parse(cli_opts *o, int argc, char **argv,
                   const struct option *opts, cli_option_fn own, void *ud)
{
  if (o->wi != NULL)
    cli_whatif_init(o->wi);
  int ch;
  optind = o->first > 0 ? o->first : 1;
  opterr = 0;
  /* The leading ':' makes getopt_long tell a missing value (':') from an
   * unknown option ('?'), short or long. */
  while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    if (ch == ':')
      return cli_usage(o->sub, "option '%s' needs a value",
                       argv[optind - 1]);
    if (ch == '?')
      return cli_usage(o->sub, "unknown option '%s'", argv[optind - 1]);
    if (ch == CLI_O_HELP) {
      o->help();
      return CLI_OK;
    }
    int rc = o->wi != NULL ? cli_whatif_option(o->wi, o->sub, ch, optarg,
                                               argc, argv)
                           : -1;
    if (rc < 0)
      rc = shared_option(o, ch, optarg);
    if (rc < 0 && own != NULL)
      rc = own(ud, ch, optarg);
    if (rc < 0) /* not in the table: cannot happen */
      return cli_usage(o->sub, "unknown option '%s'", argv[optind - 1]);
    if (rc != CLI_OK)
      return rc;
  }
  if (o->json && o->csv)
    return cli_usage(o->sub, "--json and --csv exclude each other");
  if (argc - optind > o->max_operands)
    return cli_usage(o->sub, "unexpected argument '%s'",
                     argv[optind + o->max_operands]);
  o->arg = optind < argc ? argv[optind] : NULL;
  int64_t year;
  const char *in = o->arg != NULL && !cli_parse_i64(o->arg, 0, 99999, &year)
                       ? o->arg
                       : NULL; /* a FILE, not a built-in YEAR */
  const char *flag = "--out";
  int rc = cli_paths_check(o->sub, &o->out, &flag, 1, &in, 1);
  if (rc != CLI_OK)
    return rc;
  return CLI_MORE;
}

int cli_opts_load(const cli_opts *o, tly_election **base, tly_election **out)
{
  *out = NULL;
  if (base != NULL)
    *base = NULL;
  if (o->wi == NULL)
    return cli_load_election(o->sub, o->arg, o->source, o->year,
                             o->source_given, out);
  int rc = cli_whatif_check(o->wi, o->sub);
  if (rc != CLI_OK)
    return rc;
  tly_election *e = NULL;
  rc = cli_load_election(o->sub, o->arg, o->source, o->year,
                         o->source_given, &e);
  if (rc != CLI_OK)
    return rc;
  rc = cli_whatif_apply(o->wi, o->sub, e, out);
  if (rc != CLI_OK || base == NULL)
    tly_election_free(e);
  else
    *base = e;
  return rc;
}

int cli_opts_election(cli_opts *o, int argc, char **argv,
                      const struct option *opts, cli_option_fn own, void *ud,
                      tly_election **out)
{
  *out = NULL;
  int rc = cli_opts_parse(o, argc, argv, opts, own, ud);
  if (rc != CLI_MORE)
    return rc;
  rc = cli_opts_load(o, NULL, out);
  return rc == CLI_OK ? CLI_MORE : rc;
}
