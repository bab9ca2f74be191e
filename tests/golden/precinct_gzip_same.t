cmd: tally result tests/data/precinct_2016_excerpt.csv.gz --year 2016 --csv | sed 1d | cut -d, -f3- > $T/a && tally result tests/data/precinct_2016_excerpt.csv --year 2016 --csv | sed 1d | cut -d, -f3- > $T/b && cmp $T/a $T/b && wc -l < $T/a
exit: 0
--- stdout
57
--- stderr
