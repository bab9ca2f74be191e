/*
 * cmd_serve.c -- `tally serve [--port 8080] [--host 127.0.0.1]`: the local
 * page and its JSON API (server/), from memory, until interrupted.
 */
#include "cli.h"

#include "../server/serve.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
  printf(
      "usage: tally serve [--port N] [--host ADDR] [options]\n\n"
      "Serves the tally page and its JSON API over HTTP (libmicrohttpd)\n"
      "until interrupted (Ctrl-C). The page, the data and every answer come\n"
      "from memory: no file is read. Binds the loopback address unless\n"
      "--host says otherwise. The API returns the JSON the CLI prints with\n"
      "--json (README, \"tally serve\").\n\n"
      "Options:\n"
      "  --port N     TCP port (default 8080; 0: any free port, printed)\n"
      "  --host ADDR  address to bind (default 127.0.0.1; ::1 for IPv6;\n"
      "               0.0.0.0 exposes the server to the network)\n"
      "  --threads N  worker threads (default 4, at most 64); half of them\n"
      "               at most compute forecasts at once (others: 503)\n"
      "  --timeout S  seconds a request has to arrive whole, counted from\n"
      "               the connection's start or its previous answer, and\n"
      "               a connection may stay silent (default 15, 1 to 600)\n"
      "  --log        one line per request on stderr\n"
      "  --help       this help\n\n"
      "Limits: request bodies of 64 KiB (413), 256 KiB of memory per\n"
      "connection, 256 connections and 32 from one client address,\n"
      "forecasts of at most 1,000,000 simulations. A forecast whose client\n"
      "has closed its connection is not answered.\n\n"
      "Examples:\n"
      "  tally serve\n"
      "  tally serve --port 0\n");
}

int cmd_serve(int argc, char **argv)
{
  enum { O_PORT = 1, O_HOST, O_THREADS, O_TIMEOUT, O_LOG, O_HELP };
  static const struct option opts[] = {
      {"port", required_argument, NULL, O_PORT},
      {"host", required_argument, NULL, O_HOST},
      {"threads", required_argument, NULL, O_THREADS},
      {"timeout", required_argument, NULL, O_TIMEOUT},
      {"log", no_argument, NULL, O_LOG},
      {"help", no_argument, NULL, O_HELP},
      {NULL, 0, NULL, 0}};
  srv_config cfg = {.host = "127.0.0.1", .port = 8080, .threads = 4,
                    .timeout_s = 15, .quiet = true};
  int ch;
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    int64_t v;
    switch (ch) {
    case O_PORT:
      if (!cli_parse_i64(optarg, 0, 65535, &v))
        return cli_usage("serve", "--port takes 0 to 65535, not '%s'",
                         optarg);
      cfg.port = (int)v;
      break;
    case O_HOST:
      cfg.host = optarg;
      break;
    case O_THREADS:
      if (!cli_parse_i64(optarg, 1, 64, &v))
        return cli_usage("serve", "--threads takes 1 to 64, not '%s'",
                         optarg);
      cfg.threads = (int)v;
      break;
    case O_TIMEOUT:
      if (!cli_parse_i64(optarg, 1, 600, &v))
        return cli_usage("serve", "--timeout takes 1 to 600 seconds, not "
                                  "'%s'",
                         optarg);
      cfg.timeout_s = (int)v;
      break;
    case O_LOG:
      cfg.quiet = false;
      break;
    case O_HELP:
      help();
      return CLI_OK;
    default:
      if (ch == ':') /* the leading ':' in getopt_long's optstring */
        return cli_usage("serve", "option '%s' needs a value",
                         argv[optind - 1]);
      return cli_usage("serve", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind < argc)
    return cli_usage("serve", "unexpected argument '%s'", argv[optind]);
  return srv_run(&cfg) == 0 ? CLI_OK : CLI_EINPUT;
}
