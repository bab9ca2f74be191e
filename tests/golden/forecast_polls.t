cmd: tally forecast --polls tests/data/polls_538_wide_2020.csv --sims 0
exit: 0
--- stdout-has
Forecast: tests/data/polls_538_wide_2020.csv, 56 units, 538 electors, majority 270
Errors: own sd per unit, national sd 0.01119; normal tails
P(Democrat wins)               84.82 %
PA           20  0.5122  0.023    68.33 %          -
VT            3  0.7320  0.023   100.00 %          -
