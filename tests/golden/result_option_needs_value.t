cmd: tally result 2016 --out
exit: 2
--- stderr
tally result: option '--out' needs a value (see 'tally result --help')
