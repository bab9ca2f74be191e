cmd: tally result tests/bad/precinct_no_county.csv --year 2016
exit: 1
--- stdout
--- stderr
tally: tests/bad/precinct_no_county.csv:3:4: row without a county: no county FIPS and no county, jurisdiction or precinct name
