cmd: tally result - < tests/data/tally_layout.csv
exit: 0
--- stdout-has
2016 presidential election · source: <stdin>
