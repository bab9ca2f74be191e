cmd: tally result tests/bad/sum_overflow.csv
exit: 1
--- stderr
tally: tests/bad/sum_overflow.csv:3:15: national votes for Ann overflow a 64-bit count
