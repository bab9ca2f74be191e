cmd: tally forecast tests/data/forecast_small.csv --region-sd 0.02
exit: 2
--- stderr
tally forecast: region_sd needs regions (see 'tally forecast --help')
