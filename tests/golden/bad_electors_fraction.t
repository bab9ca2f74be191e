cmd: tally result tests/bad/electors_fraction.csv
exit: 1
--- stderr
tally: tests/bad/electors_fraction.csv:2:43: electors "9.5" is not an integer
