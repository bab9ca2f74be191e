cmd: tally result tests/bad/empty_votes.csv
exit: 1
--- stderr
tally: tests/bad/empty_votes.csv:2:15: empty vote count
