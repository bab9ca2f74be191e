# 1860 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1860
exit: 0
--- stdout-has
1860 presidential election · source: UCSB American Presidency Project
Popular vote: 32 of the 33 states voted; the others' legislatures chose their electors
Popular vote: Abraham Lincoln leads Stephen Douglas by 485,706 votes (10.37 points)
Electors: 303 voted; a majority is 152
Winner: Abraham Lincoln, 180 electoral votes cast (180 pledged)
Abraham Lincoln            Republican          1,865,908  39.82 %      180   180
Stephen Douglas            Northern Democ      1,380,202  29.46 %       12    12
John Breckinridge          Southern Democ        848,019  18.10 %       72    72
John Bell                  Constitutional        590,901  12.61 %       39    39
