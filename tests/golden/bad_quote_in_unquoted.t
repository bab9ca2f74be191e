cmd: tally result tests/bad/quote_in_unquoted.csv
exit: 1
--- stderr
tally: tests/bad/quote_in_unquoted.csv:2:11: quote inside an unquoted field
