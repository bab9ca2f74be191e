cmd: tally result tests/bad/mixed_years.csv
exit: 1
--- stderr
tally: tests/bad/mixed_years.csv:3:1: year 2020 differs from the file's first year 2016: one election per file
