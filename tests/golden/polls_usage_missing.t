cmd: tally polls
exit: 2
--- stderr
tally polls: missing FILE (see 'tally polls --help')
