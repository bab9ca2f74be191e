cmd: cd $T && tally forecast "$OLDPWD/tests/data/forecast_small.csv" --method mc --sims 10 --out a.csv --draws ./a.csv
exit: 2
--- stderr
tally forecast: --out and --draws name the same file './a.csv' (see 'tally forecast --help')
