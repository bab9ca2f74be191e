cmd: tally result tests/bad/district_of_other_state.csv
exit: 1
--- stderr
tally: tests/bad/district_of_other_state.csv:2:6: unknown state "CA-1"
