cmd: tally polls --backtest 2020
exit: 0
--- stdout-has
Bias (points, + = Democrat)         +2.53         +2.79
RMSE (points)                        3.21          3.46
  which                             FL NC         FL NC
80% interval held                   70.6%         60.8%
95% interval held                   86.3%         86.3%
  state part alone, 80%             80.4%         84.3%
  expected given bias, 80%          65.0%         60.9%
and inside its 95% interval (+/-2.78). Earlier cycles, each predicted from the
cycles before it (raw-polls statewide races, leave-future-out): 6 of 8 inside
the 80%, 8 of 8 inside the 95%.
Brier score                        0.0332        0.0346
Log loss                           0.1092        0.1127
PA      50.59%   52.58%   +1.99   83.1%   52.43%   +1.84   81.6%
