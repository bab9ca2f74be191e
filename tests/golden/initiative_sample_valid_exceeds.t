cmd: tally initiative sample --required 1000 --county X,24034,722,723,0
exit: 1
--- stdout
--- stderr
tally: county "X": valid 723 exceeds sample 722
