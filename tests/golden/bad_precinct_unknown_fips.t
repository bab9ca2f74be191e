cmd: tally result tests/bad/precinct_unknown_fips.csv --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/precinct_unknown_fips.csv:3:4: unknown county FIPS "06999"
