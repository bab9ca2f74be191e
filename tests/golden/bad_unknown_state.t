cmd: tally result tests/bad/unknown_state.csv
exit: 1
--- stderr
tally: tests/bad/unknown_state.csv:3:6: unknown state "XX"
