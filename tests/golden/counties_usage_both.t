# --counties and --districts exclude each other.
cmd: tally result 2020 --counties --districts
exit: 2
--- stderr
tally result: --counties and --districts exclude each other (see 'tally result --help')
