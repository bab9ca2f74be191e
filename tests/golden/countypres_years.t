cmd: tally result tests/data/countypres_excerpt.csv
exit: 1
--- stdout
--- stderr
tally: tests/data/countypres_excerpt.csv:1:1: the file holds 2 elections (2016-2020); choose one with --year
