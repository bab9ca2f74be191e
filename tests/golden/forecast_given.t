cmd: tally forecast tests/data/forecast_small.csv --given PA=R --sims 1000
exit: 0
--- stdout-has
Given: PA=R (
P(Republican wins)             100.00 %
