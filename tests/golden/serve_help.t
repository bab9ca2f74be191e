# --help goes to stdout, exit 0, and states the limits.
cmd: tally serve --help
exit: 0
--- stdout-has
usage: tally serve [--port N] [--host ADDR] [options]
  --port N     TCP port (default 8080; 0: any free port, printed)
  --timeout S  seconds a request has to arrive whole, counted from
Limits: request bodies of 64 KiB (413), 256 KiB of memory per
connection, 256 connections and 32 from one client address,
