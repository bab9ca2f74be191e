cmd: tally amend --help
exit: 0
--- stdout-has
usage: tally amend --house-yeas Y --house-nays N --senate-yeas Y
Exit status: 0 the amendment passes, 3 it fails, 1 bad input, 2 usage.
