cmd: tally forecast tests/data/forecast_small.csv --csv --sims 0
exit: 0
--- stdout-has
ev_D,probability,cumulative
10,0.158655253931,0.158655253931
13,0.841344746069,1
21,0,1
