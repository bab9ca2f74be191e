cmd: tally result tests/bad/extra_field.csv
exit: 1
--- stderr
tally: tests/bad/extra_field.csv:2:18: 6 fields where the header has 5
