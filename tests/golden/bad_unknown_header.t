cmd: tally result tests/bad/unknown_header.csv
exit: 1
--- stderr
tally: tests/bad/unknown_header.csv:1:1: unrecognized header: expected tally's layout (year,unit,candidate,party,votes) or MEDSL's (year,state_po,candidate,...,candidatevotes)
