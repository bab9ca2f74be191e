cmd: tally result tests/bad/empty_candidate.csv
exit: 1
--- stderr
tally: tests/bad/empty_candidate.csv:2:9: empty candidate name
