# California leaves and the House's 435 seats are reapportioned among the
# 49 states that remain (2010 census): 435 + 2 x 49 + 3 (DC) = 536
# electors, a majority of 269.
cmd: tally map 2016 --without CA --reapportion --out "$T/m.svg" && python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); n = "{http://www.w3.org/2000/svg}"; print("\n".join(x.text for x in r.iter(n + "text") if "win" in (x.text or "") or "What-if" in (x.text or "")))' "$T/m.svg"
exit: 0
--- stdout-has
What-if: without CA · reapportioned
269 to win (a majority of 536)
