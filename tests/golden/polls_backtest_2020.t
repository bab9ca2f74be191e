cmd: tally polls --backtest 2020
exit: 0
--- stdout-has
Bias (points, + = Democrat)         +2.53         +2.79
RMSE (points)                        3.21          3.46
  which                             FL NC         FL NC
80% interval held                   70.6%         60.8%
95% interval held                   86.3%         86.3%
  state part alone, 80%             80.4%         84.3%
Brier score                        0.0328        0.0343
Log loss                           0.1066        0.1101
PA      50.59%   52.58%   +1.99   84.4%   52.43%   +1.84   82.8%
