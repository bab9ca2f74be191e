cmd: cp tests/data/tally_layout.csv $T/in.csv && cd $T && tally result in.csv --out in.csv
exit: 2
--- stderr
tally result: --out 'in.csv' would replace the input 'in.csv' (see 'tally result --help')
