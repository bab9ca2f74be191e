cmd: tally result tests/bad/electors_zero.csv
exit: 1
--- stderr
tally: tests/bad/electors_zero.csv:2:18: electors "0" is out of range [1, 1000]
