cmd: tally forecast --polls tests/data/polls_538_wide_2020.csv --sims 0
exit: 0
--- stdout-has
Polls: FiveThirtyEight poll data (CC BY 4.0), averaged as tally polls does; error model from 538's raw-polls
Forecast: tests/data/polls_538_wide_2020.csv, 56 units, 538 electors, majority 270
Errors: own sd per unit, national sd 0.01396; normal tails
P(Democrat wins)               82.03 %
PA           20  0.5122  0.023    67.49 %          -
VT            3  0.7320  0.023   100.00 %          -
