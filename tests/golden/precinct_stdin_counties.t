cmd: tally result - --year 2016 --counties < tests/data/precinct_2016_excerpt.csv
exit: 2
--- stderr
tally result: --counties reads a county or precinct file by its name (the counties are a second pass over it), not from standard input (see 'tally result --help')
