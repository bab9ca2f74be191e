# An unknown state is a usage error.
cmd: tally whatif 2016 --without XX
exit: 2
--- stdout
--- stderr
tally whatif: without: unknown state "XX" (see 'tally whatif --help')
