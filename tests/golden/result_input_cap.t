cmd: tally result /dev/zero
exit: 1
--- stderr
tally: /dev/zero: larger than 256 MiB, the limit for an input file
