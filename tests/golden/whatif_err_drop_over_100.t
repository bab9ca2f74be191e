# Issue 12: shares of a dropped candidate's votes over 100 % are one clear line, exit 2.
cmd: tally whatif 2000 --drop Nader=D:60,R:50
exit: 2
--- stdout
--- stderr
tally whatif: drop: Nader's shares D 60 % + R 50 % are over 100 % (see 'tally whatif --help')
