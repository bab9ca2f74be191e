cmd: tally polls --backtest 2016
exit: 0
--- stdout-has
Bias (points, + = Democrat)         +2.54             -
RMSE (points)                        4.38             -
  which                      AZ FL IA MI NC OH PA WI             -
Polls: FiveThirtyEight, CC BY 4.0; 538's final averages: not built in for this cycle
80% interval held                   47.1%             -
