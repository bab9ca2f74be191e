cmd: tally history --from 1900 --to 1860
exit: 2
--- stderr
tally history: --from 1900 is after --to 1860 (see 'tally history --help')
