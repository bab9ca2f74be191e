cmd: tally forecast tests/data/forecast_one_decided.csv --national-sd 0.02 --sims 0
exit: 0
--- stdout
Forecast: tests/data/forecast_one_decided.csv, 1 units, 19 electors, majority 10
Errors: own sd per unit, national sd 0.02; normal tails
Method: exact (convolution; quadrature with 96 nodes per factor, error below 3e-12)

P(Democrat wins)               69.15 %
P(Republican wins)             30.85 %
P(no majority: a tie)          0.00 %
P(popular-vote winner loses)   -
Democrat's electoral votes: mean 13.1; 5% 0, 25% 0, 50% 19, 75% 19, 95% 19

Unit   Electors    Mean     SD  P(D wins)    Tipping
PA           19  0.5100  0.000    69.15 %          -
