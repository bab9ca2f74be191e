cmd: tally result tests/data/precinct_2016_excerpt.csv --year 2016 --counties --state MO
exit: 0
--- stdout
Counties, 2016
Source: precinct_2016_excerpt.csv (MEDSL precinct file: the TOTAL rows where present, else the sum of the mode rows)
D = Hillary Clinton, R = Donald Trump

FIPS   County                     St           D           R     Others       Total Margin          D %     R %
29095  Jackson County             MO       1,282         314        103       1,699 D+968         75.46   18.48
1 county

County sums that differ from the state returns (MEDSL), counties minus state:
  MO  Hillary Clinton -1069786  Donald Trump -1594197
--- stderr
