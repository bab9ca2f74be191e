cmd: gzip -dc tests/data/precinct_2016_excerpt.csv.gz | tally whatif - --year 2016 --without CO --json > $T/a.json && tally whatif tests/data/precinct_2016_excerpt.csv.gz --year 2016 --without CO --json | diff $T/a.json - | grep '^[<>]' | sort | uniq -c
exit: 0
--- stdout
      2 <     "source": "<stdin>",
      2 >     "source": "precinct_2016_excerpt.csv.gz",
