# A swing is an exact decimal of at most 9 places, refused alike by the CLI
# and the API (never rounded through a double).
cmd: tally whatif 2016 --swing 0.1234567891
exit: 2
--- stdout
--- stderr
tally whatif: swing "0.1234567891" has more than 9 decimals (see 'tally whatif --help')
