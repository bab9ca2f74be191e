# 1972 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1972
exit: 0
--- stdout-has
1972 presidential election · source: Clerk of the House (state totals: UCSB)
Popular vote: Richard Nixon leads George McGovern by 17,838,725 votes (22.95 points)
Electors: 538 voted; a majority is 270
Winner: Richard Nixon, 520 electoral votes cast (521 pledged)
Electors who voted otherwise than pledged (1):
  VA: 1 pledged to Richard Nixon voted for John Hospers
Richard Nixon              Republican         46,740,323  60.14 %      521   520
George McGovern            Democratic         28,901,598  37.19 %       17    17
John Hospers               Libertarian             2,691   0.00 %        0     1
