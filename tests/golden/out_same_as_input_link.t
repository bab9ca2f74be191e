cmd: cp tests/data/tally_layout.csv $T/in.csv && ln -s in.csv $T/l.csv && cd $T && tally whatif l.csv --swing 1 --out in.csv
exit: 2
--- stderr
tally whatif: --out 'in.csv' would replace the input 'l.csv' (see 'tally whatif --help')
