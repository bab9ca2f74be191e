cmd: tally result - --year 2016 --counties --json < tests/data/precinct_2016_excerpt.csv.gz > $T/a.json && tally result tests/data/precinct_2016_excerpt.csv.gz --year 2016 --counties --json | sed 's/precinct_2016_excerpt.csv.gz/<stdin>/' | cmp - $T/a.json && tally result - --counties --state XX < tests/data/countypres_excerpt.csv
exit: 2
--- stderr
tally result: unknown state 'XX' (see 'tally result --help')
