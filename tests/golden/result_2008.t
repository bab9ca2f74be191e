# 2008: Obama 365 - McCain 173; NE-2 to Obama by the electors as cast.
cmd: tally result 2008
exit: 0
--- stdout-has
Winner: Barack Obama, 365 electoral votes cast (365 pledged)
John McCain                Republican         59,948,283  45.65 %      173   173
NE-2    1  Obama
