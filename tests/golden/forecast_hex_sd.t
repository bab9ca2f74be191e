cmd: tally forecast tests/data/forecast_small.csv --national-sd 0x1p-3
exit: 2
--- stderr
tally forecast: --national-sd needs a number in [0, 1], not '0x1p-3' (see 'tally forecast --help')
