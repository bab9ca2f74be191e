"""map_check.py -- what a map of `tally map ... --geo` or the tile map draws,
read back with Python's XML parser (so the SVG must be well-formed), for
the golden cases of redrawn states (issue 12). Prints, one a line:
  states: N           state shapes drawn whole (paths with an id in the
                      group "states"), and those grey (not in the Union)
  CODE: N shapes     each state a redraw made, drawn from N county shapes
                      (group "redrawn-CODE"), with its tooltip
  out: N counties     county shapes drawn out of the Union, with their ids
  box CODE            a new state with no shape (PR), as a box
  tile CODE: LABEL    tile maps: each tile whose code is not a grid state's
and, with --preset NAME, the number of counties data/redraw_presets.csv
lists for each code of that preset (the source of the expected counts).
Usage: python3 tests/map_check.py SVG [--preset NAME]"""
import csv
import sys
import xml.etree.ElementTree as E

N = "{http://www.w3.org/2000/svg}"
GRID = set("AK ME VT NH WA ID MT ND MN IL WI MI NY RI MA OR NV WY SD IA IN OH "
           "PA NJ CT CA UT CO NE MO KY WV VA MD DE AZ NM KS AR TN NC SC DC OK "
           "LA MS AL GA HI TX FL".split())

root = E.parse(sys.argv[1]).getroot()
groups = {g.get("id"): g for g in root.iter(N + "g") if g.get("id")}
if "states" in groups:
    st = [p for p in groups["states"].findall(N + "path") if p.get("id")]
    grey = [p.get("id") for p in st if p.get("fill") == "#e0e0e0"]
    print("states: %d (grey: %s)" % (len(st), " ".join(grey) or "none"))
for gid, g in groups.items():
    if gid.startswith("redrawn-"):
        title = g.find(N + "title")
        n = len(g.findall(N + "path"))
        print("%s: %d shape%s; %s" % (gid[8:], n, "" if n == 1 else "s",
                                      title.text if title is not None else ""))
if "out-counties" in groups:
    ids = [p.get("id") for p in groups["out-counties"].findall(N + "path")]
    print("out: %d counties %s" % (len(ids), " ".join(ids)))
for gid, g in groups.items():
    if gid.startswith("box-"):
        print("box", gid[4:], g.find(N + "title").text)
    if gid.startswith("tile-") and gid[5:] not in GRID:
        texts = [t.text for t in g.iter(N + "text") if t.text]
        print("tile %s: %s" % (gid[5:], " ".join(texts)))
if len(sys.argv) > 3 and sys.argv[2] == "--preset":
    counts = {}
    with open("data/redraw_presets.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["preset"] == sys.argv[3]:
                counts[r["code"]] = counts.get(r["code"], 0) + 1
    for code in sorted(counts):
        print("preset %s: %s %d counties" % (sys.argv[3], code, counts[code]))
