# --reapportion without --without contradicts itself (the census's own apportionment).
cmd: tally whatif 2016 --reapportion
exit: 2
--- stdout
--- stderr
tally whatif: reapportion needs without (the states that leave) or a redraw: otherwise the census's own apportionment comes back (see 'tally whatif --help')
