cmd: tally forecast tests/data/forecast_bad_dup.csv
exit: 1
--- stderr
tally: tests/data/forecast_bad_dup.csv:5:1: duplicate unit "WI" (first on line 3)
