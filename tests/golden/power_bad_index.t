cmd: tally power 2016 --index penrose
exit: 2
--- stderr
tally power: --index is banzhaf or shapley, not 'penrose' (see 'tally power --help')
