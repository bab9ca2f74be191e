cmd: tally result tests/bad/negative_votes.csv
exit: 1
--- stderr
tally: tests/bad/negative_votes.csv:2:15: negative vote count "-10"
