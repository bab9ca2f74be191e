cmd: tally polls tests/bad/polls_unknown_state.csv
exit: 1
--- stderr
tally: tests/bad/polls_unknown_state.csv:3:65: unknown state "Nowhere"
