cmd: tally recount --help
exit: 0
--- stdout-has
usage: tally recount [YEAR | FILE] [--state ST] [options]
