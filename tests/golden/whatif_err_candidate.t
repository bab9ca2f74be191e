# --set with an unknown candidate.
cmd: tally whatif 2016 --set TX=Nobody
exit: 2
--- stdout
--- stderr
tally whatif: no candidate "Nobody" in 2016 (see 'tally whatif --help')
