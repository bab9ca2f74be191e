# 2020 is both an election and a census: --census names a census and
# excludes an election argument.
cmd: tally power --census 2020 2020
exit: 2
--- stderr
tally power: --census excludes an election (YEAR, FILE, --source, --year) (see 'tally power --help')
