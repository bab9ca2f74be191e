cmd: tally result - --year 2016 --state CO < tests/data/precinct_2016_excerpt.csv
exit: 0
--- stdout-has
2016 · Colorado (CO) · source: <stdin>
  Kyle Kenley Kopitke / Nathan Independent American              1 100.00 %
