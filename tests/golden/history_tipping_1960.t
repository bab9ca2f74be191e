# 1960: Alabama's split slate (5 Kennedy, 6 unpledged) is by the record: no margin decides it, so it counts after every ordered unit.
cmd: tally tipping 1960
exit: 0
--- stdout-has
1960 presidential election · source: Clerk of the House (state totals: UCSB)
Tipping point: IL (Illinois), D+0.19; it carries John F. Kennedy to 295 electors (a majority is 269)
National margin: D+0.17 (popular vote, Kennedy vs. Nixon)
Tilt of the College: D+0.01 (tipping point minus nation)
