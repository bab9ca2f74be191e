# Issue 12: Greater Idaho on the geographic map: Idaho drawn from its 44
# counties and the 13 Oregon counties data/redraw_presets.csv moves to it
# (57 shapes), Oregon from its other 23 (36 counties in all).
cmd: tally map 2020 --move greater-idaho --reapportion --geo --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg" --preset greater-idaho
exit: 0
--- stdout
states: 49 (grey: none)
ID: 57 shapes; Idaho: 5 electors to Donald Trump (R), by 314,658 votes (32.12 points)
OR: 23 shapes; Oregon: 7 electors to Joe Biden (D), by 429,495 votes (18.99 points)
preset greater-idaho: ID 13 counties
