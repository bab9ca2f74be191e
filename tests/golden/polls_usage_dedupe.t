cmd: tally polls tests/data/polls_538_wide_2020.csv --dedupe mean
exit: 2
--- stderr
tally polls: --dedupe is latest-per-pollster or none, not 'mean' (see 'tally polls --help')
