cmd: tally polls --help
exit: 0
--- stdout-has
usage: tally polls FILE [options]
  --backtest YEAR     2016 or 2020: the averages as of the day before
header. Data: FiveThirtyEight, CC BY 4.0 (built-in 2016 and 2020
