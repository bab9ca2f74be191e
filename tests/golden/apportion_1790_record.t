# The 1790 apportionment as the record has it: seats and resident population of
# ../shared/data/census_seats_1790_2020.csv (Census Bureau, Apportionment of the U.S. House
# of Representatives by state, 1790-2010), 105 seats, Jefferson's method.
cmd: tally apportion 1790
exit: 0
--- stdout
House apportionment, 1790 census, as apportioned: 105 seats among 15 states
Source: Census Bureau, Apportionment of the U.S. House of Representatives by state, 1790-2010 (seats; resident population)
Method of record: jefferson, 105 seats

State                     Resident pop  Seats
CT Connecticut                 237,946      7
DE Delaware                     59,096      1
GA Georgia                      82,548      2
KY Kentucky                     73,677      2
MA Massachusetts               378,787     14
MD Maryland                    319,728      8
NC North Carolina              393,751     10
NH New Hampshire               141,885      4
NJ New Jersey                  184,139      5
NY New York                    340,120     10
PA Pennsylvania                434,373     13
RI Rhode Island                 68,825      2
SC South Carolina              249,073      6
VA Virginia                    691,737     19
VT Vermont                      85,425      2
Total                        3,741,110    105

Recompute with --method M (the method of record: --method jefferson).
Note: the population is the resident count: the apportionment base of the time (before 1870 free persons and three fifths of all other persons; Indians not taxed left out) is not built in, so a recomputed seat may differ for that reason alone.
Electors: an election's come from its record (tally result YEAR), not from seats + 2.
