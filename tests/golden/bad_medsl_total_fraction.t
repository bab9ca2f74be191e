cmd: tally result tests/bad/medsl_total_fraction.csv
exit: 1
--- stderr
tally: tests/bad/medsl_total_fraction.csv:2:87: total votes "2123372.0" is not an integer
