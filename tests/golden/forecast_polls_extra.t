cmd: tally forecast --polls tests/data/polls_538_wide_2020.csv model.csv
exit: 2
--- stderr
tally forecast: unexpected argument 'model.csv' (see 'tally forecast --help')
