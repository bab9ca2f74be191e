cmd: tally polls tests/bad/polls_bad_population.csv
exit: 1
--- stderr
tally: tests/bad/polls_bad_population.csv:2:62: population "lv2" is not lv, rv, v or a
