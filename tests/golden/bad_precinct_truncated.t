cmd: tally result tests/bad/precinct_truncated.csv.gz --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/precinct_truncated.csv.gz:123:62: truncated gzip stream: the file ends inside it
