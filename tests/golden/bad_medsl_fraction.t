cmd: tally result tests/bad/medsl_fraction.csv
exit: 1
--- stderr
tally: tests/bad/medsl_fraction.csv:2:80: vote count "729547.5" is not an integer
