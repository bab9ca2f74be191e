# 1960: Alabama's split slate (5 Kennedy, 6 unpledged) is by the record: it has no margin and cannot move.
cmd: tally tipping 1960
exit: 0
--- stdout-has
1960 presidential election · source: Clerk of the House (state totals: UCSB)
Tipping point: MO (Missouri), D+0.52; it carries John F. Kennedy to 273 electors (a majority is 269)
National margin: D+0.17 (popular vote, Kennedy vs. Nixon)
Tilt of the College: D+0.34 (tipping point minus nation)

Kennedy's units, largest margin first:
  #  Unit    EV    Margin  Cumulative
  1  AL       5         -           5
  2  RI       4   D+27.26           9
