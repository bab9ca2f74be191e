# Issue 12: a merged state on the geographic map is drawn from the
# counties of both (North Dakota 53 and South Dakota 66: 119 shapes); an
# admitted state with no counties (PR, no votes) is a labelled box, its
# electors undecided.
cmd: tally map 2016 --merge ND,SD=DAK --admit PR:3200000 --geo --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg"
exit: 0
--- stdout
states: 49 (grey: none)
DAK: 119 shapes; DAK: 4 electors to Donald Trump (R), by 233,299 votes (32.65 points)
box PR PR: 3 electors, undecided (no votes)
