# Censuses before 1970 are not built in.
cmd: tally power --census 1960
exit: 2
--- stderr
tally power: no built-in census 1960; have 1970-2020 (see 'tally power --help')
