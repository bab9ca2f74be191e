cmd: tally polls tests/bad/polls_mixed_cycles.csv --cycle 2016 --csv
exit: 0
--- stdout-has
WI,0.5349,0.0225,1,1,2016-10-26,2016-10-31,polls
