# 1864 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1864
exit: 0
--- stdout-has
1864 presidential election · source: UCSB American Presidency Project
Popular vote: Abraham Lincoln leads George McClellan by 411,401 votes (10.21 points)
Electors: 233 voted; a majority is 117
Winner: Abraham Lincoln, 212 electoral votes cast (212 pledged)
Abraham Lincoln            Republican          2,220,846  55.09 %      212   212
George McClellan           Democratic          1,809,445  44.89 %       21    21
