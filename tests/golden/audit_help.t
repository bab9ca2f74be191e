cmd: tally audit --help
exit: 0
--- stdout-has
usage: tally audit [YEAR | FILE] --state ST [options]
       tally audit --shares W,L [--ballots N] [options]
