# --help goes to stdout, exit 0, and names both conventions.
cmd: tally flip --help
exit: 0
--- stdout-has
usage: tally flip [YEAR | FILE] [options]
  voters who switch  the minimum: in each unit, the fewest voters who,
  sum of margins     the units' margins (leader's votes minus the
