cmd: tally result tests/bad/precinct_wrong_state.csv --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/precinct_wrong_state.csv:3:4: county 06037 is in CA, not NV
