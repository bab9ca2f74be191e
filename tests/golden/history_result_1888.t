# 1888 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1888
exit: 0
--- stdout-has
1888 presidential election · source: UCSB American Presidency Project
Popular vote: Grover Cleveland leads Benjamin Harrison by 89,293 votes (0.78 points)
Electors: 401 voted; a majority is 201
Winner: Benjamin Harrison, 233 electoral votes cast (233 pledged)
Grover Cleveland           Democratic          5,539,118  48.61 %      168   168
Benjamin Harrison          Republican          5,449,825  47.83 %      233   233
