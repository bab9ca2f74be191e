# The 2020 county map is well-formed SVG 1.1 (python3's XML parser), under
# 1.5 MB (issue 11), with one shape per county of us-atlas 3.0.1 (3,142,
# Alaska's 29 boroughs as one unit: 3,114), the ten classes of its legend
# and a source line naming the MEDSL county returns and the shapes.
cmd: tally map 2020 --counties --out "$T/c.svg" && python3 -c 'import os, sys, xml.etree.ElementTree as E; f = sys.argv[1]; print("under 1.5 MB:", os.path.getsize(f) < 1500000); r = E.parse(f).getroot(); n = "{http://www.w3.org/2000/svg}"; print(r.tag, r.get("version")); c = [p for p in r.iter(n + "path") if (p.get("id") or "").startswith("c")]; print(len(c), "counties"); lg = [g for g in r.iter(n + "g") if g.get("id") == "legend"][0]; print(len(lg.findall(n + "rect")), "swatches:", " ".join(t.text for t in lg.iter(n + "text"))); print([x.text for x in r.iter(n + "text") if x.text and x.text.startswith(("Data:", "Shapes:"))])' "$T/c.svg"
exit: 0
--- stdout
under 1.5 MB: True
{http://www.w3.org/2000/svg}svg 1.1
3114 counties
11 swatches: Margin in points: Trump (R) to Biden (D) R+50 R+30 R+15 R+5 0 D+5 D+15 D+30 D+50 no returns (1) 1 statewide row of votes that belong to no county not drawn.
['Data: MEDSL County Presidential Election Returns 2000-2020 (doi:10.7910/DVN/VOQCHQ).', 'Shapes: us-atlas 3.0.1 (Census Bureau cartographic boundaries); Albers USA, Alaska and Hawaii moved and not to scale. Made with tally.']
