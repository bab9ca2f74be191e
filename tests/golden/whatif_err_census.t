# A census without built-in data is a usage error.
cmd: tally whatif 2016 --without CA --reapportion 1960
exit: 2
--- stdout
--- stderr
tally whatif: no built-in census 1960; have 1970-2020 (see 'tally whatif --help')
