# Issue 11: the district method needs results by congressional district,
# which tally has for 2008-2024 only: one clear line for other years.
cmd: tally whatif 2004 --rule district
exit: 2
--- stdout
--- stderr
tally whatif: the district method needs presidential results by congressional district: tally has them for 2008-2024 (The Downballot), not for 2004 (see 'tally whatif --help')
