cmd: tally result tests/bad/junk_after_quote.csv
exit: 1
--- stderr
tally: tests/bad/junk_after_quote.csv:2:14: unexpected character 'x' after closing quote
