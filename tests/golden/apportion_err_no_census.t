cmd: tally apportion 1960
exit: 2
--- stderr
tally apportion: no built-in census 1960; have 1970-2020 (see 'tally apportion --help')
