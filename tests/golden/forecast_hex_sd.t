cmd: tally forecast tests/data/forecast_small.csv --national-sd 0x1p-3
exit: 2
--- stderr
tally forecast: national_sd "0x1p-3" is not a number in [0, 1] (see 'tally forecast --help')
