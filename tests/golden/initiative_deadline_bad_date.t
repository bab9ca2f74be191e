cmd: tally initiative deadline --summary-date 2017-02-30
exit: 2
--- stdout
--- stderr
tally initiative: --summary-date: date "2017-02-30" is not a date YYYY-MM-DD (1900-2199) (see 'tally initiative --help')
