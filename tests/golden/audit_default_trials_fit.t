# Issue 10: without --trials, Michigan 2016 runs the most simulated audits
# that fit the 10^9-ballot budget (875 of the default 1,000), and says so.
cmd: tally audit 2016 --state MI
exit: 0
--- stdout-has
Stopping sample, 875 simulated audits (seed 20121108; fewer than the default 1,000: the most that fit 10^9 ballots drawn):
of 875 escalated to a full hand count
