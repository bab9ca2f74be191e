cmd: tally audit --shares 0.6,0.5
exit: 1
--- stdout
--- stderr
tally: shares 0.6 + 0.5 exceed 1
