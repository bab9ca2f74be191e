# Issue 10: a district has 1 elector, not "1 electors".
cmd: tally result 2016 --state ME | grep 'ME-1:'
exit: 0
--- stdout
ME-1: 1 elector
