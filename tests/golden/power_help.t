cmd: tally power --help
exit: 0
--- stdout-has
usage: tally power [YEAR | FILE] [options]
       tally power --census CENSUS [options]
