cmd: tally amend --house-yeas -1 --house-nays 145 --senate-yeas 67 --senate-nays 33 --ratified 38
exit: 2
--- stdout
--- stderr
tally amend: --house-yeas needs a count >= 0, not '-1' (see 'tally amend --help')
