# --help prints the usage and the what-if options.
cmd: tally whatif --help
exit: 0
--- stdout-has
usage: tally whatif [YEAR | FILE] [options]
  --without ST,...     these states (or DC) leave: their votes leave
  --rule RULE          law (default: as in force), wta (whole slates,
  tally whatif 2016 --without CA --source fec
