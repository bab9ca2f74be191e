cmd: tally result -x
exit: 2
--- stderr
tally result: unknown option '-x' (see 'tally result --help')
