cmd: cd $T && printf "name,raw,sample,valid,duplicates\nA,24034,722,516,2\nB,700,800,10,0\n" >c.csv && tally initiative sample --required 1000 --counties c.csv
exit: 1
--- stdout
--- stderr
tally: c.csv:3:1: county "B": sample 800 exceeds raw count 700
