# Issue 6 acceptance: two-thirds of 434 present is 290, so 289 fails by 1.
cmd: tally amend --house-yeas 289 --house-nays 145 --senate-yeas 67 --senate-nays 33 --ratified 38
exit: 3
--- stdout
Article V: two-thirds of each House (members present and voting, a quorum present), then three-fourths of the states

Step                Yeas   Nays  Present  Members  Quorum  Needed  Result
House                289    145      434      435     218     290  fails
Senate                67     33      100      100      51      67  passes
States ratifying      38                       50              38  passes

The amendment fails in the House: 289 yeas of 434 present; two-thirds is 290: 1 yea short.
