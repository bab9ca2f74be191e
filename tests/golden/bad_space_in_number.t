cmd: tally result tests/bad/space_in_number.csv
exit: 1
--- stderr
tally: tests/bad/space_in_number.csv:3:15: vote count " 12" is not an integer
