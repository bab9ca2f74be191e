# Issue 12: a new state's code that clashes with a state's.
cmd: tally whatif 2016 --split 'CA=NV:06001;SCA:06003'
exit: 2
--- stdout
--- stderr
tally whatif: split: new state NV clashes with Nevada, a state of this election (see 'tally whatif --help')
