cmd: tally result tests/bad/unterminated_quote.csv
exit: 1
--- stderr
tally: tests/bad/unterminated_quote.csv:2:9: unterminated quoted field
