cmd: tally apportion --help
exit: 0
--- stdout-has
usage: tally apportion [CENSUS] [options]
  tally apportion 2020 --priority
