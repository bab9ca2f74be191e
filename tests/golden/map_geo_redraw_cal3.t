# Issue 12: the geographic map draws the three states of the 2018 Cal 3
# initiative from their counties' shapes (us-atlas 3.0.1), as many as
# data/redraw_presets.csv lists for each (6 + 40 + 12 = California's 58),
# coloured by each state's winner; the old California is not drawn whole.
cmd: tally map 2016 --split cal3 --reapportion --geo --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg" --preset cal3 && xmllint --noout "$T/m.svg" 2>&1 | head -n 3
exit: 0
--- stdout
states: 50 (grey: none)
CA: 6 shapes; California: 19 electors to Hillary Clinton (D), by 1,877,293 votes (44.14 points)
NCA: 40 shapes; Northern California: 20 electors to Hillary Clinton (D), by 1,937,706 votes (36.97 points)
SCA: 12 shapes; Southern California: 20 electors to Hillary Clinton (D), by 454,979 votes (9.71 points)
preset cal3: CA 6 counties
preset cal3: NCA 40 counties
preset cal3: SCA 12 counties
