cmd: tally result - --year 2016 --json < tests/data/precinct_2016_excerpt.csv.gz > $T/a.json && tally result tests/data/precinct_2016_excerpt.csv.gz --year 2016 --json > $T/b.json && diff $T/a.json $T/b.json
exit: 1
--- stdout-has
<   "source": "<stdin>",
>   "source": "precinct_2016_excerpt.csv.gz",
422c422
