# --npv-members without --rule npv is contradictory.
cmd: tally whatif 2016 --npv-members all
exit: 2
--- stdout
--- stderr
tally whatif: npv applies only with rule npv (see 'tally whatif --help')
