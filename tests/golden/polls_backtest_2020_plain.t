cmd: tally polls --backtest 2020 --dedupe none
exit: 0
--- stdout-has
Bias (points, + = Democrat)       +2.72         +2.72         +2.72       +2.79
RMSE (points)                      3.60          3.60          3.60        3.46
