cmd: tally result tests/bad/medsl_negative.csv
exit: 1
--- stderr
tally: tests/bad/medsl_negative.csv:2:80: negative vote count "-3"
