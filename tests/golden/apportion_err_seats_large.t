cmd: tally apportion --seats 100001
exit: 2
--- stderr
tally apportion: --seats takes a House size from 1 to 100000, not '100001' (see 'tally apportion --help')
