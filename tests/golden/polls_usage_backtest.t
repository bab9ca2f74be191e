cmd: tally polls --backtest 2012
exit: 2
--- stderr
tally polls: --backtest is 2016 or 2020, not '2012' (see 'tally polls --help')
