cmd: tally frobnicate
exit: 2
--- stderr
tally: unknown subcommand 'frobnicate' (see 'tally --help')
