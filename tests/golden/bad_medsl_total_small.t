cmd: tally result tests/bad/medsl_total_small.csv
exit: 1
--- stderr
tally: tests/bad/medsl_total_small.csv:3:90: total votes 1000000 is smaller than the sum of its candidates' votes, 2123372
