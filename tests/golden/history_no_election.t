cmd: tally history --from 1901 --to 1903
exit: 2
--- stderr
tally history: no built-in election from 1901 to 1903 (have 1789-2024) (see 'tally history --help')
