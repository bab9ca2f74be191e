# 1800 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1800
exit: 0
--- stdout-has
1800 presidential election · source: UCSB American Presidency Project
Popular vote: none in the data (the legislatures chose the electors)
Electors: 138 voted (two votes each); a majority is 70
No majority: contingent election in the House (one vote per state delegation) among Aaron Burr (73) and Thomas Jefferson (73)
Recorded: the House chose Thomas Jefferson on the 36th ballot (February 17, 1801), 10 state delegations of 16; Aaron Burr became Vice President
Aaron Burr                 Democratic-Rep              0      - %       73    73
Thomas Jefferson           Democratic-Rep              0      - %       73    73
John Adams                 Federalist                  0      - %       65    65
Charles Pinckney           Federalist                  0      - %       64    64
John Jay                   Federalist                  0      - %        1     1
