# 1876 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1876
exit: 0
--- stdout-has
1876 presidential election · source: UCSB American Presidency Project
Popular vote: 37 of the 38 states voted; the others' legislatures chose their electors
Popular vote: Samuel Tilden leads Rutherford B. Hayes by 254,694 votes (3.03 points)
Electors: 369 voted; a majority is 185
Winner: Rutherford B. Hayes, 185 electoral votes cast (185 pledged)
Samuel Tilden              Democratic          4,288,191  50.98 %      184   184
Rutherford B. Hayes        Republican          4,033,497  47.95 %      185   185
