# Issue 10: 2,000 simulated audits of Michigan 2016 would draw more than the
# 10^9-ballot budget: refused with the most that fit (it ran 950 and said
# nothing).
cmd: tally audit 2016 --state MI --trials 2000
exit: 1
--- stderr
tally: 2,000 simulated audits of about 1,141,943 ballots each would draw more than the limit of 1,000,000,000 ballots in all: ask for at most 875 trials
