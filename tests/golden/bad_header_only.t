cmd: tally result tests/bad/header_only.csv
exit: 1
--- stderr
tally: tests/bad/header_only.csv:2:1: no rows after the header
