# Issue 12: --delegation for an unknown state is one clear line, exit 2.
cmd: tally whatif 2020 --delegation XX=R
exit: 2
--- stdout
--- stderr
tally whatif: delegation: unknown state "XX" (see 'tally whatif --help')
