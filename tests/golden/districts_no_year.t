# District results are built in for 2008-2024 only.
cmd: tally result 2004 --districts
exit: 1
--- stderr
tally: no built-in district results for 2004; have 2008-2024
