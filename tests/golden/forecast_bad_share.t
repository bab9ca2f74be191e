cmd: tally forecast tests/data/forecast_bad_share.csv
exit: 1
--- stderr
tally: tests/data/forecast_bad_share.csv:3:4: share 1.2 is outside [0, 1] (the Democrat's share of the two-party vote)
