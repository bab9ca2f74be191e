cmd: tally polls tests/bad/polls_end_before_start.csv
exit: 1
--- stderr
tally: tests/bad/polls_end_before_start.csv:3:86: end date "10/30/2016" is before the start date
