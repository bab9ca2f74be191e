cmd: tally result tests/bad/medsl_missing_column.csv
exit: 1
--- stderr
tally: tests/bad/medsl_missing_column.csv:1:1: missing column "party_simplified"
