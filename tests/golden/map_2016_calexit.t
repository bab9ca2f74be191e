# California leaves (2016): its 55 electors leave the College, so Clinton
# has 232 - 55 = 177 of 538 - 55 = 483 and a majority is 242 (National
# Archives 2016 figures); CA is drawn as a dashed outline and the what-if is
# named under the title.
cmd: tally map 2016 --without CA | python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.stdin).getroot(); n = "{http://www.w3.org/2000/svg}"; print("\n".join(x.text for x in r.iter(n + "text") if x.get("class") not in ("c", "n", "m", "d", "p"))); ca = [g for g in r.iter(n + "g") if g.get("id") == "tile-CA"][0]; print(ca.find(n + "title").text, ca.find(n + "rect").get("stroke-dasharray"))'
exit: 0
--- stdout-has
Source: MEDSL · Donald Trump wins with 306 of 483 electors pledged (242 needed)
What-if: without CA
Hillary Clinton (D) 177
306 Donald Trump (R)
242 to win (a majority of 483)
California: not in this election 4,3
