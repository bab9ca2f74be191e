cmd: tally amend --house-yeas 290 --house-nays 145 --senate-yeas 67 --senate-nays 33 --ratified 37
exit: 3
--- stdout
Article V: two-thirds of each House (members present and voting, a quorum present), then three-fourths of the states

Step                Yeas   Nays  Present  Members  Quorum  Needed  Result
House                290    145      435      435     218     290  passes
Senate                67     33      100      100      51      67  passes
States ratifying      37                       50              38  fails

The amendment fails at ratification: 37 of 50 states; three-fourths is 38: 1 state short.
