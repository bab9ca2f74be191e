# Issue 12: --drop of a candidate the election does not have, exit 2.
cmd: tally whatif 2000 --drop Perot
exit: 2
--- stdout
--- stderr
tally whatif: drop: no candidate "Perot" in 2000 (or more than one) (see 'tally whatif --help')
