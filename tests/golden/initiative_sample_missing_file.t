cmd: tally initiative sample --required 1000 --counties tests/no_such_counties.csv
exit: 1
--- stdout
--- stderr
tally: tests/no_such_counties.csv: cannot open: No such file or directory
