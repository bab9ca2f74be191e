cmd: tally amend --house-yeas 290 --house-nays 145 --senate-yeas 67 --senate-nays 33 --ratified 51
exit: 1
--- stdout
--- stderr
tally: ratified 51 must be between 0 and the 50 states
