cmd: tally forecast tests/data/forecast_bad_missing.csv --electors 2024
exit: 1
--- stderr
tally: tests/data/forecast_bad_missing.csv: unit "TX" is missing (every unit of the 2024 College needs a row)
