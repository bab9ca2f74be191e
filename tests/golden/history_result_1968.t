# 1968 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1968
exit: 0
--- stdout-has
1968 presidential election · source: Clerk of the House (state totals: UCSB)
Popular vote: Richard Nixon leads Hubert Humphrey by 500,793 votes (0.68 points)
Electors: 538 voted; a majority is 270
Winner: Richard Nixon, 301 electoral votes cast (302 pledged)
Electors who voted otherwise than pledged (1):
  NC: 1 pledged to Richard Nixon voted for George Wallace
Richard Nixon              Republican         31,710,470  43.31 %      302   301
Hubert Humphrey            Democratic         31,209,677  42.63 %      191   191
George Wallace             American Indep      9,446,167  12.90 %       45    46
