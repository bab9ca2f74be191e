cmd: cd $T && printf "name,raw,sample,valid,duplicates\nA,24x34,722,516,2\n" >c.csv && tally initiative sample --required 1000 --counties c.csv
exit: 1
--- stdout
--- stderr
tally: c.csv:2:3: raw "24x34" is not a count (a whole number >= 0)
