cmd: tally recount 2016 --state ZZ
exit: 2
--- stdout
--- stderr
tally recount: unknown state 'ZZ' (see 'tally recount --help')
