cmd: tally result ''
exit: 1
--- stderr
tally: '': cannot open: No such file or directory
