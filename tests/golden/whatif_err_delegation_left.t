# Issue 12: --delegation for a state that left is one clear line, exit 2.
cmd: tally whatif 2020 --without TX --delegation TX=D
exit: 2
--- stdout
--- stderr
tally whatif: delegation: Texas is not in this election (see 'tally whatif --help')
