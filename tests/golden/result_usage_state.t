cmd: tally result 2016 --state ZZ
exit: 2
--- stderr
tally result: unknown state 'ZZ' (see 'tally result --help')
