# --svg draws the EV histogram (valid SVG 1.1 XML) beside the usual report.
cmd: tally forecast tests/data/forecast_small.csv --svg "$T/h.svg" --json > "$T/f.json" && python3 -c 'import json,sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(r.tag, r.get("version")); print(sorted(json.load(open(sys.argv[2])).keys())[:3])' "$T/h.svg" "$T/f.json"
exit: 0
--- stdout
{http://www.w3.org/2000/svg}svg 1.1
['electors', 'ev_histogram', 'ev_mean']
