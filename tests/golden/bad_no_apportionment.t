cmd: tally result tests/bad/no_apportionment.csv
exit: 1
--- stderr
tally: tests/bad/no_apportionment.csv:2:1: no built-in apportionment for 1960 (have 1972-2028): add an electors column
