cmd: tally result tests/bad/non_numeric_votes.csv
exit: 1
--- stderr
tally: tests/bad/non_numeric_votes.csv:2:15: vote count "12x" is not an integer
