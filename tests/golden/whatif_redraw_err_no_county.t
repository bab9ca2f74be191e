# Issue 12: a part with no county.
cmd: tally whatif 2016 --split 'CA=NCA:06001;SCA:'
exit: 2
--- stdout
--- stderr
tally whatif: split: part SCA has no county (see 'tally whatif --help')
