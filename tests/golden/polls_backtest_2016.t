cmd: tally polls --backtest 2016
exit: 0
--- stdout-has
Bias (points, + = Democrat)         +2.54             -
RMSE (points)                        4.38             -
  which                      AZ FL IA MI NC OH PA WI             -
Polls: FiveThirtyEight, CC BY 4.0; 538's final averages: not built in for this cycle
80% interval held                   51.0%             -
95% interval held                   74.5%             -
Brier score                        0.0902             -
Log loss                           0.2696             -
  expected given bias, 80%          63.7%             -
and national 1.33 points (the sd of the shared part's t with df 9; 538's
not states. This cycle's miss +2.54 points is outside its 80% interval (+/-1.63)
and inside its 95% interval (+/-2.66). Earlier cycles, each predicted from the
cycles before it (raw-polls statewide races, leave-future-out): 5 of 6 inside
the 80%, 6 of 6 inside the 95%.
