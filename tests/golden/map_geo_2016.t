# The 2016 map of the states (--geo) is well-formed SVG 1.1 (python3's XML
# parser) with one shape per state and DC (us-atlas 3.0.1), the National
# Archives' pledged electors on the bar (Trump 306, Clinton 232), Maine's
# two and Nebraska's three districts, and a source line naming both the
# returns and the shapes.
cmd: tally map 2016 --geo --out "$T/m.svg" && python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); n = "{http://www.w3.org/2000/svg}"; print(r.tag, r.get("version")); st = [g for g in r.iter(n + "g") if g.get("id") == "states"][0]; print(len([p for p in st.findall(n + "path") if p.get("id")]), "states"); print(" ".join(x.text for x in r.iter(n + "text") if x.text and ("(D)" in x.text or "(R)" in x.text or "to win" in x.text))); ca = [p for p in st.findall(n + "path") if p.get("id") == "CA"][0]; print("CA:", ca.get("fill"), ca.find(n + "title").text); print([len(list(g.findall(n + "g"))) for g in r.iter(n + "g") if (g.get("id") or "").startswith("districts-")]); print([x.text for x in r.iter(n + "text") if x.text and x.text.startswith("Data:")][0])' "$T/m.svg"
exit: 0
--- stdout
{http://www.w3.org/2000/svg}svg 1.1
51 states
Hillary Clinton (D) 232 306 Donald Trump (R) 270 to win (a majority of 538)
CA: #2166ac California: 55 electors to Hillary Clinton (D), by 4,269,978 votes (30.11 points)
[2, 3]
Data: MEDSL. Shapes: us-atlas 3.0.1 (Census Bureau cartographic boundaries); Albers USA, Alaska and Hawaii moved and not to scale. Made with tally.
