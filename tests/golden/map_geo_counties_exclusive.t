# --bar, --geo and --counties each draw a different picture.
cmd: tally map 2020 --geo --counties
exit: 2
--- stderr
tally map: --bar, --geo and --counties exclude each other (see 'tally map --help')
