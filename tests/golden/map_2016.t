# The 2016 map is well-formed SVG 1.1 (python3's XML parser) with one tile
# per state and DC, the National Archives' pledged electors on the bar
# (Trump 306, Clinton 232) and California's 55 electors on its tile.
cmd: tally map 2016 --out "$T/m.svg" && python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); n = "{http://www.w3.org/2000/svg}"; print(r.tag, r.get("version")); g = [x for x in r.iter(n + "g") if (x.get("id") or "").startswith("tile-")]; print(len(g), "tiles"); t = lambda i: [s.text for s in r.iter(n + "g") if s.get("id") == i][0]; print(" ".join(x.text for x in r.iter(n + "text") if x.text and ("(D)" in x.text or "(R)" in x.text or "to win" in x.text))); ca = [x for x in g if x.get("id") == "tile-CA"][0]; print("CA:", [x.text for x in ca.iter(n + "text")], ca.find(n + "title").text); print(r.find(n + "title").text)' "$T/m.svg"
exit: 0
--- stdout
{http://www.w3.org/2000/svg}svg 1.1
51 tiles
Hillary Clinton (D) 232 306 Donald Trump (R) 270 to win (a majority of 538)
CA: ['CA', '55', 'D'] California: 55 electors to Hillary Clinton (D), by 4,269,978 votes (30.11 points)
2016 presidential election
