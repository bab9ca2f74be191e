# A swing beyond 100 points is a usage error.
cmd: tally whatif 2020 --swing 100.5
exit: 2
--- stdout
--- stderr
tally whatif: swing 100.5 is beyond 100 points either way (see 'tally whatif --help')
