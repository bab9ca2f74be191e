# Voting power after California leaves: 50 units, 483 electors, 242 a majority.
cmd: tally power 2016 --without CA
exit: 0
--- stdout-has
Banzhaf index (normalized) · electors of the 2016 election · source: MEDSL · what-if: without CA
Game: majority 242 of 483 electors, 50 units
