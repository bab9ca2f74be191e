# The county map is of the built-in county returns: a file is refused.
cmd: tally map tests/data/medsl_2016_excerpt.csv --counties
exit: 2
--- stderr
tally map: --counties needs a built-in YEAR, not a file (see 'tally map --help')
