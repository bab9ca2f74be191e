# Issue 12: the tile map draws the states a redraw made next to their parent.
cmd: tally map 2016 --split cal3 | grep -o 'id="tile-[NS]CA"'
exit: 0
--- stdout
id="tile-NCA"
id="tile-SCA"
