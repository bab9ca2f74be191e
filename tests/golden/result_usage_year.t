cmd: tally result 1972
exit: 2
--- stderr
tally result: no built-in election 1972 (have 1976-2024, every 4 years) (see 'tally result --help')
