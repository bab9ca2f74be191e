# Issue 10: `tally help result` prints result's help, not the top-level one.
cmd: tally help result | head -n 1
exit: 0
--- stdout
usage: tally result [YEAR | FILE] [options]
