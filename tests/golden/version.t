cmd: tally --version
exit: 0
--- stdout
tally 0.1.0
