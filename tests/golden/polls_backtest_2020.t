cmd: tally polls --backtest 2020
exit: 0
--- stdout-has
Bias (points, + = Democrat)       +2.53         +2.53         +2.53       +2.79
RMSE (points)                      3.21          3.21          3.21        3.46
  which: FL NC (538 final: FL NC)
80% interval held                 70.6%         62.7%         68.6%       60.8%
95% interval held                 86.3%         88.2%         84.3%       86.3%
  state part alone, 80%           80.4%         78.4%         76.5%       84.3%
  expected given bias, 80%        65.0%         56.9%         62.9%       60.9%
and inside its 95% interval (+/-2.78). Earlier cycles, each predicted from the
cycles before it (raw-polls statewide races, leave-future-out): 6 of 8 inside
the 80%, 8 of 8 inside the 95%.
Brier score                      0.0332        0.0330        0.0328      0.0346
Log loss                         0.1092        0.1032        0.1064      0.1127
PA      50.59%   52.58%   +1.99   83.1%   52.43%   +1.84   81.6%
sqrt(0.46^2 + 3.28^2 w + sampling variance), w = sum over its pollsters of their
Across raw-polls' cycles 2008-2016 (139 state averages), each predicted from
the cycles before it (leave-future-out), held in the 80% / 95% intervals:
                                    state part             whole -log dens
  own sd (the default)          77.0%    92.1%    79.9%    92.8%    -2.238
  own sd by polls               77.0%    90.6%    77.7%    95.0%    -2.410
  own sd by other share         77.7%    89.9%    81.3%    95.7%    -2.148
Own sd by other share (not used): sqrt(2.07^2 + (0.101 other)^2), other the
year's mean other share: 6 of 8 inside the 80%, 8 of 8 inside the 95%; mean
-log density -3.067 (the model's constant scale: -2.946).
used): mean -log density -2.410 over 3 years (from all even years: -2.725).
