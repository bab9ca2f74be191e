# Issue 12: every county of a split state must be in a part.
cmd: tally whatif 2016 --split 'CA=NCA:06001;SCA:06003'
exit: 2
--- stdout
--- stderr
tally whatif: split CA: 06005 (Amador County) is in no part: every county must be in exactly one (see 'tally whatif --help')
