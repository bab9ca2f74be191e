cmd: tally audit 2016 --state WI --shares 0.55,0.45
exit: 2
--- stdout
--- stderr
tally audit: give YEAR --state ST, or --shares W,L (one of them) (see 'tally audit --help')
