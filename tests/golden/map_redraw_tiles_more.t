# Issue 12: the tile map gives a merged state (DAK) and an admitted one
# (PR) tiles of their own (placed as src/svg.c's place() states), with
# their electors; the admitted state, with no votes, is undecided ("?", as
# on the geographic map).
cmd: tally map 2016 --merge ND,SD=DAK --admit PR:3200000 --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg"
exit: 0
--- stdout
tile DAK: DAK 4 R
tile PR: PR 3 ?
