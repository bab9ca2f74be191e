# Issue 12: on the geographic map, a redrawn state whose label would
# overlap another's gets a tag (its code and electors in a box of its
# fill, with a line to its label point): California's coastal third under
# cal3, whose label fell on Southern California's.
cmd: tally map 2016 --split cal3 --reapportion --geo --out "$T/m.svg" && grep -o '<g id="tag-[A-Z]*">' "$T/m.svg" && grep -A5 '<g id="tag-CA">' "$T/m.svg" | grep -o '>CA [0-9]* D<'
exit: 0
--- stdout
<g id="tag-CA">
>CA 19 D<
