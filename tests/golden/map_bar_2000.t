# --bar draws the bar alone: National Archives 2000, Bush 271 pledged,
# Gore 267 (one DC elector abstained, so 266 cast).
cmd: tally map 2000 --bar | python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.stdin).getroot(); n = "{http://www.w3.org/2000/svg}"; print("\n".join(x.text for x in r.iter(n + "text")))'
exit: 0
--- stdout
2000 presidential election
Source: MEDSL · George W. Bush wins with 271 of 538 electors pledged (270 needed)
Al Gore (D) 267
271 George W. Bush (R)
270 to win (a majority of 538)
