# Issue 11: the districts are those of the House as elected; a
# reapportioned House has none, so the two are refused together.
cmd: tally whatif 2016 --rule district --without CA --reapportion
exit: 2
--- stdout
--- stderr
tally whatif: rule district cannot follow reapportion: it takes the congressional districts of the House as elected, and a reapportioned House has none drawn (see 'tally whatif --help')
