cmd: tally amend --house-yeas 290 --house-nays 145
exit: 2
--- stdout
--- stderr
tally amend: --senate-yeas is required (see 'tally amend --help')
