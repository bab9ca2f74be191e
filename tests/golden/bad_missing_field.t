cmd: tally result tests/bad/missing_field.csv
exit: 1
--- stderr
tally: tests/bad/missing_field.csv:2:13: 4 fields where the header has 5
