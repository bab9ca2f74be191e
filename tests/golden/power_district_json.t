# Issue 11: swings beyond 64 bits are null in JSON (the index is exact).
cmd: tally power 2024 --rule district --units districts --json | python3 -c 'import json,sys; d=json.load(sys.stdin); u=d["units"]; print(len(u), d["majority"], sum(x["electors"] for x in u), all(x["swings"] is None for x in u), round(sum(x["value"] for x in u), 12))'
exit: 0
--- stdout
480 270 538 True 1.0
