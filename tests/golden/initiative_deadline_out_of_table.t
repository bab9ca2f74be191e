cmd: tally initiative deadline --summary-date 2040-01-02
exit: 1
--- stdout
--- stderr
tally: year 2040 is outside the holiday table (2007-2035, Gov. Code §6700 as tabulated)
