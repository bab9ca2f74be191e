# Issue 6 acceptance: 216 present is no quorum of 435 (a majority is 218).
cmd: tally amend --house-yeas 150 --house-nays 66 --senate-yeas 67 --senate-nays 33 --ratified 38
exit: 3
--- stdout
Article V: two-thirds of each House (members present and voting, a quorum present), then three-fourths of the states

Step                Yeas   Nays  Present  Members  Quorum  Needed  Result
House                150     66      216      435     218     144  no quorum
Senate                67     33      100      100      51      67  passes
States ratifying      38                       50              38  passes

The amendment fails in the House: 216 present is no quorum of 435 members (218 needed): 2 members short.
