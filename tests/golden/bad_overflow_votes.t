cmd: tally result tests/bad/overflow_votes.csv
exit: 1
--- stderr
tally: tests/bad/overflow_votes.csv:2:15: vote count "99999999999999999999" is out of range [0, 9223372036854775807]
