cmd: tally result tests/bad/exponent_votes.csv
exit: 1
--- stderr
tally: tests/bad/exponent_votes.csv:2:36: vote count "1e6" is not an integer
