# 1790 recomputed by Jefferson's method with the House of record (105) from the resident
# population: six states differ, since the base of 1790 (free persons and three fifths of
# others; Maine's people counted in Massachusetts) is not in the data. Figures as above.
cmd: tally apportion 1790 --method jefferson
exit: 0
--- stdout
House apportionment, 1790 census, recomputed: 105 seats among 15 states (jefferson)
Source: Census Bureau, Apportionment of the U.S. House of Representatives by state, 1790-2010 (seats; resident population)
Method of record: jefferson, 105 seats

State                     Resident pop Record  Seats  Change
CT Connecticut                 237,946      7      7
DE Delaware                     59,096      1      1
GA Georgia                      82,548      2      2
KY Kentucky                     73,677      2      2
MA Massachusetts               378,787     14     11      -3
MD Maryland                    319,728      8      9      +1
NC North Carolina              393,751     10     11      +1
NH New Hampshire               141,885      4      4
NJ New Jersey                  184,139      5      5
NY New York                    340,120     10     10
PA Pennsylvania                434,373     13     12      -1
RI Rhode Island                 68,825      2      2
SC South Carolina              249,073      6      7      +1
VA Virginia                    691,737     19     20      +1
VT Vermont                      85,425      2      2
Total                        3,741,110    105    105

Change: against the seats as apportioned after the 1790 census; 6 states differ.
Note: the population is the resident count: the apportionment base of the time (before 1870 free persons and three fifths of all other persons; Indians not taxed left out) is not built in, so a recomputed seat may differ for that reason alone.
Electors: an election's come from its record (tally result YEAR), not from seats + 2.
