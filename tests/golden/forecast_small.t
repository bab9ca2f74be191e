cmd: tally forecast tests/data/forecast_small.csv
exit: 0
--- stdout
Forecast: tests/data/forecast_small.csv, 3 units, 21 electors, majority 11
Errors: own sd per unit; normal tails
Method: exact (convolution of independent units)
        tipping points and popular vote: 1,000,000 simulations, seed 1

P(Democrat wins)               84.13 %
P(Republican wins)             15.87 %
P(no majority: a tie)          0.00 %
P(popular-vote winner loses)   0.00 % ± 0.00
Democrat's electoral votes: mean 12.5; 5% 10, 25% 13, 50% 13, 75% 13, 95% 13

Unit   Electors    Mean     SD  P(D wins)    Tipping
CA           10  0.6000  0.000   100.00 %     0.00 %
TX            8  0.4000  0.000     0.00 %     0.00 %
PA            3  0.5200  0.020    84.13 %   100.00 %
