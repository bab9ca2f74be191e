# 1948 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1948
exit: 0
--- stdout-has
1948 presidential election · source: Clerk of the House (state totals: UCSB)
Popular vote: Harry Truman leads Thomas Dewey by 2,136,525 votes (4.39 points)
Electors: 531 voted; a majority is 266
Winner: Harry Truman, 303 electoral votes cast (304 pledged)
Electors who voted otherwise than pledged (1):
  TN: 1 pledged to Harry Truman voted for Strom Thurmond
Harry Truman               Democratic         24,105,695  49.51 %      304   303
Thomas Dewey               Republican         21,969,170  45.12 %      189   189
Strom Thurmond             States' Rights      1,169,021   2.40 %       38    39
