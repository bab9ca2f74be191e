cmd: tally initiative --governor-votes 5
exit: 2
--- stdout
--- stderr
tally initiative: which one: requirement, sample or deadline? (see 'tally initiative --help')
