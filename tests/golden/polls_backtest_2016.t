cmd: tally polls --backtest 2016
exit: 0
--- stdout-has
Bias (points, + = Democrat)       +2.54         +2.54         +2.54           -
RMSE (points)                      4.38          4.38          4.38           -
  which: AZ FL IA MI NC OH PA WI (538 final: -)
Polls: FiveThirtyEight, CC BY 4.0; 538's final averages: not built in for this cycle
80% interval held                 51.0%         49.0%         68.6%           -
95% interval held                 74.5%         68.6%         92.2%           -
Brier score                      0.0902        0.1009        0.0882           -
Log loss                         0.2696        0.3371        0.2648           -
  expected given bias, 80%        63.7%         57.9%         70.3%           -
and national 1.33 points (the sd of the shared part's t with df 9; 538's
not states. This cycle's miss +2.54 points is outside its 80% interval (+/-1.63)
and inside its 95% interval (+/-2.66). Earlier cycles, each predicted from the
cycles before it (raw-polls statewide races, leave-future-out): 5 of 6 inside
the 80%, 6 of 6 inside the 95%.
sqrt(0.00^2 + 3.54^2 w + sampling variance), w = sum over its pollsters of their
Across raw-polls' cycles 2008-2012 (88 state averages), each predicted from
the cycles before it (leave-future-out), held in the 80% / 95% intervals:
                                    state part             whole -log dens
  own sd (the default)          79.5%    90.9%    88.6%    95.5%    -2.214
  own sd by polls               77.3%    89.8%    85.2%    96.6%    -2.502
                                   ours  own by polls  own by other   538 final
  state part alone, 95%           82.4%         88.2%         96.1%           -
  own sd by other share         72.7%    86.4%    85.2%    94.3%    -2.065
Own sd by other share (not used): sqrt(1.94^2 + (0.137 other)^2), other the
2000-2012: mean 7.5 points).
The same years with the shared scale by other share (not used): 0.117 x the
year's mean other share: 5 of 6 inside the 80%, 6 of 6 inside the 95%; mean
-log density -3.183 (the model's constant scale: -3.067).
used): mean -log density -3.160 over 2 years (from all even years: -3.195).
