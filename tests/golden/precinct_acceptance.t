cmd: tally result tests/data/precinct_2016_excerpt.csv.gz --year 2016 --json > $T/r.json && python3 scripts/check_precinct.py tests/data/precinct_2016_excerpt.csv.gz $T/r.json | tail -n 1
exit: 0
--- stdout
10 states, 0 differ
--- stderr
