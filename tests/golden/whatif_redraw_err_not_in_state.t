# Issue 12: a FIPS code not in the state being split.
cmd: tally whatif 2016 --split 'CA=NCA:06001;SCA:41001'
exit: 2
--- stdout
--- stderr
tally whatif: split CA: 41001 (Baker County, OR) is not in California (see 'tally whatif --help')
