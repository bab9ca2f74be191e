cmd: tally result tests/bad/precinct_mode_mixture.csv --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/precinct_mode_mixture.csv:4:72: TOTAL row of 1000 votes for "Donald Trump" beside mode rows summing to 1200 in the same precinct: they would double count
