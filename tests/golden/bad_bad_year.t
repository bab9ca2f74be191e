cmd: tally result tests/bad/bad_year.csv
exit: 1
--- stderr
tally: tests/bad/bad_year.csv:2:1: year "20x6" is not an integer
