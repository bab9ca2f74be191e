cmd: tally initiative sample --required 1000 --county X,24034,-722,500,0
exit: 2
--- stdout
--- stderr
tally initiative: --county takes NAME,RAW,SAMPLE,VALID,DUPLICATES with counts >= 0, not 'X,24034,-722,500,0' (see 'tally initiative --help')
