# FEC certified national totals (Federal Elections 2016).
cmd: tally result 2016 --source fec
exit: 0
--- stdout-has
2016 presidential election · source: FEC
Hillary Clinton            Democratic         65,853,514
Donald Trump               Republican         62,984,828
Winner: Donald Trump, 304 electoral votes cast (306 pledged)
