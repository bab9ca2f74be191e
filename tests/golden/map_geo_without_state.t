# Issue 12: a state that leaves (California) is drawn grey and dashed,
# with a legend entry, and no state is redrawn.
cmd: tally map 2016 --without CA --reapportion --geo --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg" && grep -c "grey, dashed: not in the Union" "$T/m.svg"
exit: 0
--- stdout
states: 51 (grey: CA)
1
