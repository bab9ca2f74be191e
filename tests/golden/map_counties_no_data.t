# County returns are built in for 2000-2024 only.
cmd: tally map 1996 --counties
exit: 1
--- stderr
tally: no built-in county results for 1996; have 2000-2024
