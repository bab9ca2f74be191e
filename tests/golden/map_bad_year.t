# A year without built-in data is a usage error.
cmd: tally map 1900
exit: 2
--- stderr
tally map: no built-in election 1900 (have 1976-2024, every 4 years) (see 'tally map --help')
