cmd: tally polls --backtest 2020
exit: 0
--- stdout-has
Bias (points, + = Democrat)       +2.53       +2.53       +2.79
RMSE (points)                      3.21        3.21        3.46
  which: FL NC (538 final: FL NC)
80% interval held                 70.6%       62.7%       60.8%
95% interval held                 86.3%       88.2%       86.3%
  state part alone, 80%           80.4%       78.4%       84.3%
  expected given bias, 80%        65.0%       56.9%       60.9%
and inside its 95% interval (+/-2.78). Earlier cycles, each predicted from the
cycles before it (raw-polls statewide races, leave-future-out): 6 of 8 inside
the 80%, 8 of 8 inside the 95%.
Brier score                      0.0332      0.0330      0.0346
Log loss                         0.1092      0.1032      0.1127
PA      50.59%   52.58%   +1.99   83.1%   52.43%   +1.84   81.6%
sqrt(0.46^2 + 3.28^2 w + sampling variance), w = sum over its pollsters of their
cycles before it, 139 state averages): own 2.30 held 107 and 128 (77.0% / 92.1%),
own by polls held 107 and 126 (77.0% / 90.6%) in the 80% / 95% intervals;
mean negative log density -2.238 and -2.410.
