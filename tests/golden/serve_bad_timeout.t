# --timeout is 1 to 600 seconds: anything else is a usage error.
cmd: tally serve --timeout 0
exit: 2
--- stderr
tally serve: --timeout takes 1 to 600 seconds, not '0' (see 'tally serve --help')
