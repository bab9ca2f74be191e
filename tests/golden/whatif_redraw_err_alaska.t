# Issue 12: Alaska reports by house district, not county: a split is refused.
cmd: tally whatif 2020 --split 'AK=NAK:02013;SAK:02016'
exit: 2
--- stdout
--- stderr
tally whatif: split: Alaska's results are by state house district, not county: it moves only as a whole (see 'tally whatif --help')
