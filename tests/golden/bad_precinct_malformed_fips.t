cmd: tally result tests/bad/precinct_malformed_fips.csv --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/precinct_malformed_fips.csv:2:4: malformed county FIPS "4210X" (5 digits expected)
