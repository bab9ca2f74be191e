# 1789 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1789
exit: 0
--- stdout-has
1789 presidential election · source: UCSB American Presidency Project
Popular vote: none in the data (the legislatures chose the electors)
Electors: 69 voted (two votes each); a majority is 35
President: George Washington, 69 votes; Vice President: John Adams, 34
George Washington          Independent                 0      - %       69    69
John Adams                 Federalist                  0      - %       34    34
Others                                                 0      - %       26    26
John Jay                   Federalist                  0      - %        9     9
