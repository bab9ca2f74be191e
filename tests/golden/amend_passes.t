# Issue 6 acceptance: 290-145, 67-33, 38 states passes (two-thirds of 435 present is 290).
cmd: tally amend --house-yeas 290 --house-nays 145 --senate-yeas 67 --senate-nays 33 --ratified 38
exit: 0
--- stdout
Article V: two-thirds of each House (members present and voting, a quorum present), then three-fourths of the states

Step                Yeas   Nays  Present  Members  Quorum  Needed  Result
House                290    145      435      435     218     290  passes
Senate                67     33      100      100      51      67  passes
States ratifying      38                       50              38  passes

The amendment passes: proposed by both Houses and ratified by 38 of 50 states.
