# Issue 10: a rule flip cannot use is refused as a usage error (2), like every
# other refusal of a what-if.
cmd: tally flip 2016 --rule proportional
exit: 2
--- stderr
tally flip: flip needs units decided by their own votes, not the rule "proportional-hamilton" (see 'tally flip --help')
