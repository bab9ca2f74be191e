# 1960 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1960
exit: 0
--- stdout-has
1960 presidential election · source: Clerk of the House (state totals: UCSB)
Popular vote: John F. Kennedy leads Richard Nixon by 118,550 votes (0.17 points)
Electors: 537 voted; a majority is 269
Winner: John F. Kennedy, 303 electoral votes cast (303 pledged)
Electors who voted otherwise than pledged (1):
  OK: 1 pledged to Richard Nixon voted for Harry Byrd
John F. Kennedy            Democratic         34,227,096  49.72 %      303   303
Richard Nixon              Republican         34,108,546  49.55 %      220   219
Harry Byrd                 Unpledged elec        116,248   0.17 %       14    15
