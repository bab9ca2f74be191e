cmd: tally polls tests/bad/polls_mixed_cycles.csv
exit: 1
--- stderr
tally: tests/bad/polls_mixed_cycles.csv:3:1: the file mixes cycles 2016 and 2020: choose one with --cycle
