cmd: tally result tests/data/precinct_2016_excerpt.csv
exit: 1
--- stdout
--- stderr
tally: tests/data/precinct_2016_excerpt.csv:1:1: the file has no year column: give the election's year (--year)
