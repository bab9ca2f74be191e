cmd: tally result tests/bad/plus_sign.csv
exit: 1
--- stderr
tally: tests/bad/plus_sign.csv:2:15: vote count "+12" is not an integer
