cmd: tally result tests/bad/medsl_total_negative.csv
exit: 1
--- stderr
tally: tests/bad/medsl_total_negative.csv:2:87: negative total votes "-2123372"
