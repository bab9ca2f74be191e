cmd: tally apportion --without CA,XX
exit: 2
--- stderr
tally apportion: --without: unknown state 'XX' (not a state of the 2020 census) (see 'tally apportion --help')
