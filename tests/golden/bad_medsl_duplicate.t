cmd: tally result tests/bad/medsl_duplicate.csv
exit: 1
--- stderr
tally: tests/bad/medsl_duplicate.csv:3:44: duplicate row for "CLINTON, HILLARY" in AL (first at line 2)
