cmd: tally apportion --seats 49
exit: 2
--- stderr
tally apportion: a House of 49 seats is too small: each of the 50 states gets one (see 'tally apportion --help')
