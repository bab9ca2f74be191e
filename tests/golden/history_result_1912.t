# 1912 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1912
exit: 0
--- stdout-has
1912 presidential election · source: UCSB American Presidency Project
Popular vote: Woodrow Wilson leads Theodore Roosevelt by 2,174,120 votes (14.45 points)
Electors: 531 voted; a majority is 266
Winner: Woodrow Wilson, 435 electoral votes cast (435 pledged)
Woodrow Wilson             Democratic          6,294,327  41.84 %      435   435
Theodore Roosevelt         Progressive         4,120,207  27.39 %       88    88
William Taft               Republican          3,486,343  23.18 %        8     8
