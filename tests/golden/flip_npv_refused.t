# Under the National Popular Vote compact a member's electors follow the
# national vote, not its own: the flip model does not apply, and says so.
cmd: tally flip 2016 --rule npv --npv-members all
exit: 1
--- stderr
tally: flip needs units decided by their own votes, not the rule "npv"
