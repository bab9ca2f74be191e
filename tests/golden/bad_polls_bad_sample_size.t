cmd: tally polls tests/bad/polls_bad_sample_size.csv
exit: 1
--- stderr
tally: tests/bad/polls_bad_sample_size.csv:2:58: sample size "499.5" is not a whole number
