# A port out of range is a usage error; nothing is bound.
cmd: tally serve --port 70000
exit: 2
--- stderr
tally serve: --port takes 0 to 65535, not '70000' (see 'tally serve --help')
