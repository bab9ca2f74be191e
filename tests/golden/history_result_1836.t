# 1836 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1836
exit: 0
--- stdout-has
1836 presidential election · source: UCSB American Presidency Project
Popular vote: 25 of the 26 states voted; the others' legislatures chose their electors
Popular vote: Martin Van Buren leads William Henry Harrison by 213,360 votes (14.19 points)
Electors: 294 voted; a majority is 148
Winner: Martin Van Buren, 170 electoral votes cast (170 pledged)
Recorded: no candidate for Vice President had a majority of electoral votes; the Senate chose Richard M. Johnson (February 8, 1837), 33 votes to Francis Granger's 16
Martin Van Buren           Democratic            764,176  50.83 %      170   170
William Henry Harrison     Whig                  550,816  36.63 %       73    73
Hugh White                 Whig                  146,107   9.72 %       26    26
Daniel Webster             Whig                   41,201   2.74 %       14    14
Willie Mangum              Whig                        0   0.00 %       11    11
