cmd: tally polls tests/bad/polls_bad_share.csv
exit: 1
--- stderr
tally: tests/bad/polls_bad_share.csv:3:429: share "4x" is not a number in [0, 100]
