# --target takes win or tie: a usage error.
cmd: tally flip 2016 --target most
exit: 2
--- stderr
tally flip: --target is win or tie, not 'most' (see 'tally flip --help')
