# The county map draws the returns as counted: what-if options are refused.
cmd: tally map 2020 --counties --without CA
exit: 2
--- stderr
tally map: --counties draws the county returns as counted: no what-if options (see 'tally map --help')
