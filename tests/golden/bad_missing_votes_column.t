cmd: tally result tests/bad/missing_votes_column.csv
exit: 1
--- stderr
tally: tests/bad/missing_votes_column.csv:1:1: missing column "votes"
