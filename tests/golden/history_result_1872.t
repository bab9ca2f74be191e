# 1872 as the record has it: electoral and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv
# (its US rows; 1872 after the errata file), checked by data/mkdata.py.
cmd: tally result 1872
exit: 0
--- stdout-has
1872 presidential election · source: UCSB American Presidency Project
Popular vote: Ulysses S. Grant leads Horace Greeley by 763,153 votes (11.79 points)
Electors: 352 voted; a majority is 177
Not counted: 3 electoral votes
Winner: Ulysses S. Grant, 286 electoral votes cast (286 pledged)
Electors who voted otherwise than pledged (66):
  GA: 6 pledged to Horace Greeley voted for B. Gratz Brown
  GA: 2 pledged to Horace Greeley voted for Charles Jenkins
  GA: 3 pledged to Horace Greeley voted for Horace Greeley (not counted)
  KY: 4 pledged to Horace Greeley voted for B. Gratz Brown
  KY: 8 pledged to Horace Greeley voted for Thomas Hendricks
  MD: 8 pledged to Horace Greeley voted for Thomas Hendricks
  MO: 8 pledged to Horace Greeley voted for B. Gratz Brown
  MO: 1 pledged to Horace Greeley voted for David Davis
  MO: 6 pledged to Horace Greeley voted for Thomas Hendricks
  TN: 12 pledged to Horace Greeley voted for Thomas Hendricks
  TX: 8 pledged to Horace Greeley voted for Thomas Hendricks
Ulysses S. Grant           Republican          3,598,468  55.61 %      286   286
Horace Greeley             Liberal Republ      2,835,315  43.82 %       66     0
B. Gratz Brown                                         0   0.00 %        0    18
Charles Jenkins                                        0   0.00 %        0     2
David Davis                                            0   0.00 %        0     1
Thomas Hendricks                                       0   0.00 %        0    42
