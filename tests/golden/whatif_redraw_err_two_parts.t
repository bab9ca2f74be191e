# Issue 12: a county in two parts of a split: one line, exit 2.
cmd: tally whatif 2016 --split 'CA=NCA:06001,06003;SCA:06001'
exit: 2
--- stdout
--- stderr
tally whatif: split CA: 06001 (Alameda County) is in two parts (see 'tally whatif --help')
