cmd: tally forecast --polls tests/bad/polls_bad_date.csv
exit: 1
--- stderr
tally: tests/bad/polls_bad_date.csv:3:50: date "2/30/2020" is not a day written m/d/yy, m/d/yyyy or YYYY-MM-DD
