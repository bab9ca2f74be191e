# A year without an election is a usage error.
cmd: tally map 1901
exit: 2
--- stderr
tally map: no built-in election 1901 (have 1789 and every 4 years 1792-2024; MEDSL: 1976-2024) (see 'tally map --help')
