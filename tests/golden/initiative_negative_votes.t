cmd: tally initiative requirement --governor-votes -5
exit: 2
--- stdout
--- stderr
tally initiative: --governor-votes needs a count >= 1, not '-5' (see 'tally initiative --help')
