# 1824 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1824
exit: 0
--- stdout-has
1824 presidential election · source: UCSB American Presidency Project
Popular vote: 18 of the 24 states voted; the others' legislatures chose their electors
Popular vote: Andrew Jackson leads John Quincy Adams by 38,149 votes (10.43 points)
Electors: 261 voted; a majority is 131
No majority: contingent election in the House (one vote per state delegation) among Andrew Jackson (99), John Quincy Adams (84) and William H. Crawford (41)
Recorded: the House chose John Quincy Adams on the first ballot (February 9, 1825), 13 state delegations of 24
Andrew Jackson             Democratic-Rep        151,271  41.35 %       99    99
John Quincy Adams          Democratic-Rep        113,122  30.92 %       84    84
Henry Clay                 Democratic-Rep         47,531  12.99 %       37    37
William H. Crawford        Democratic-Rep         40,856  11.17 %       41    41
