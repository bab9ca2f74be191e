cmd: tally result tests/bad/empty.csv
exit: 1
--- stderr
tally: tests/bad/empty.csv:1:1: empty file
