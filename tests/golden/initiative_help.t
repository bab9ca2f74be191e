cmd: tally initiative --help
exit: 0
--- stdout-has
usage: tally initiative requirement --governor-votes N
       tally initiative deadline --summary-date YYYY-MM-DD
  tally initiative requirement --governor-votes 7317581 --kind amendment
