# --help goes to stdout, exit 0.
cmd: tally map --help
exit: 0
--- stdout-has
usage: tally map [YEAR | FILE] [options]
  --out FILE          write to FILE (atomically) instead of stdout
