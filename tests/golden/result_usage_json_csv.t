cmd: tally result 2016 --json --csv
exit: 2
--- stderr
tally result: --json and --csv exclude each other (see 'tally result --help')
