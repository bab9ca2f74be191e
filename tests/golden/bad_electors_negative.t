cmd: tally result tests/bad/electors_negative.csv
exit: 1
--- stderr
tally: tests/bad/electors_negative.csv:2:43: negative electors "-9"
