cmd: tally result 2016 --bogus
exit: 2
--- stderr
tally result: unknown option '--bogus' (see 'tally result --help')
