cmd: tally result 2024 --source fec
exit: 2
--- stderr
tally result: the FEC source covers 2004-2020, not 2024 (see 'tally result --help')
