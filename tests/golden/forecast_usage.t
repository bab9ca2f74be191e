cmd: tally forecast
exit: 2
--- stderr
tally forecast: missing FILE (see 'tally forecast --help')
