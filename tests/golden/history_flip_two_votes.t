cmd: tally flip 1800
exit: 1
--- stderr
tally: flip counts electors, and in 1800 every elector cast two votes (art. II, before the 12th Amendment)
