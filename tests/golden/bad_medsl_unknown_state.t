cmd: tally result tests/bad/medsl_unknown_state.csv
exit: 1
--- stderr
tally: tests/bad/medsl_unknown_state.csv:2:16: unknown state "ZZ"
