# Issue 11: the tile map under the district method draws every district
# (2024: 429 in the 44 states of more than one seat, California's 52 as
# thin slices grouped by winner), each with its own tooltip; valid XML.
cmd: tally map 2024 --rule district --out $T/d.svg && python3 -c "import re, sys, xml.etree.ElementTree as ET; t = ET.parse(sys.argv[1]); ts = [e.text for e in t.iter('{http://www.w3.org/2000/svg}title') if e.text and re.match(r'[A-Z]{2}-[0-9]+:', e.text)]; print(len(ts), sum(x.startswith('CA-') for x in ts))" $T/d.svg
exit: 0
--- stdout
429 52
