cmd: tally result tests/bad/district_before_law.csv
exit: 1
--- stderr
tally: tests/bad/district_before_law.csv:3:6: Nebraska chose no electors by district before 1992
