cmd: tally result tests/bad/electors_inconsistent.csv
exit: 1
--- stderr
tally: tests/bad/electors_inconsistent.csv:3:17: electors 54 for CA differ from 55 at line 2
