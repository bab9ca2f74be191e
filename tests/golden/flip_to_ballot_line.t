# Issue 10: Nevada's "None of these candidates" is counted in the totals but
# elects no one, so it cannot be the target of a flip.
cmd: tally flip 2016 --to "None of these candidates"
exit: 1
--- stderr
tally: "None of these candidates" is a ballot line, not a candidate: it elects no one
