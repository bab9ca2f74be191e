cmd: cp tests/data/forecast_small.csv $T/f.csv && cd $T && tally forecast f.csv --svg f.csv
exit: 2
--- stderr
tally forecast: --svg 'f.csv' would replace the input 'f.csv' (see 'tally forecast --help')
