# Issue 10: a file holding only an ME-1 row: the district has no state row
# (it was reported as "no built-in apportionment for 2016").
cmd: tally result tests/bad/district_without_state.csv
exit: 1
--- stderr
tally: tests/bad/district_without_state.csv:2:6: district ME-1 without its state: the file has no ME row (a district's votes come with the state's)
