cmd: tally initiative sample --required 1000 --county X,24034,600,500,0
exit: 1
--- stdout
--- stderr
tally: county "X": sample 600 is below the 722 the law requires for 24034 signatures (EC §9030(d))
