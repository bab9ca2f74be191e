cmd: tally result tests/bad/county_duplicate_row.csv --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/county_duplicate_row.csv:4:36: duplicate row for "Hillary Clinton" in the same county (first at line 2)
