cmd: tally result no/such.csv
exit: 1
--- stderr
tally: no/such.csv: cannot open: No such file or directory
