# Issue 12: a county that leaves (Los Angeles, 06037) is drawn grey and
# dashed (not in the Union), the rest of California from its other 57
# counties, and the legend says what grey means.
cmd: tally map 2016 --without 06037 --geo --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg" && grep -c "grey, dashed: not in the Union" "$T/m.svg"
exit: 0
--- stdout
states: 50 (grey: none)
CA: 57 shapes; California: 41 electors to Hillary Clinton (D), by 2,575,357 votes (23.96 points)
out: 1 counties c06037
1
