# A listed compact member that has left is contradictory.
cmd: tally whatif 2016 --without CA --rule npv --npv-members CA,NY
exit: 2
--- stdout
--- stderr
tally whatif: compact member CA: California is not in this election (see 'tally whatif --help')
