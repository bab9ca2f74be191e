cmd: tally result 1974
exit: 2
--- stderr
tally result: no built-in election 1974 (have 1789 and every 4 years 1792-2024; MEDSL: 1976-2024) (see 'tally result --help')
