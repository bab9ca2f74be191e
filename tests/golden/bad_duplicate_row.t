cmd: tally result tests/bad/duplicate_row.csv
exit: 1
--- stderr
tally: tests/bad/duplicate_row.csv:4:9: duplicate row for "Ann" in CA (first at line 2)
