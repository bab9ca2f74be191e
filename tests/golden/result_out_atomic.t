# --out writes the file (via a temporary and rename) and nothing to stdout.
cmd: tally result 2016 --json --out "$T/r.json" && python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["winner"])' "$T/r.json" && ls "$T"
exit: 0
--- stdout
Donald Trump
r.json
