cmd: tally result tests/bad/unknown_column.csv
exit: 1
--- stderr
tally: tests/bad/unknown_column.csv:1:33: unknown column "color"
