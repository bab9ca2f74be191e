cmd: tally audit --shares 0.55,0.45 --risk 1.5
exit: 2
--- stdout
--- stderr
tally audit: --risk needs a number between 0 and 1, not '1.5' (see 'tally audit --help')
