cmd: tally recount
exit: 2
--- stdout
--- stderr
tally recount: which election? (a YEAR or a FILE) (see 'tally recount --help')
