# Under the National Popular Vote compact a member's electors follow the
# national vote, not its own: the flip model does not apply, and says so
# as a usage error (issue 10: like every other refusal of a what-if).
cmd: tally flip 2016 --rule npv --npv-members all
exit: 2
--- stderr
tally flip: flip needs units decided by their own votes, not the rule "npv" (see 'tally flip --help')
