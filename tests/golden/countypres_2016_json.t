cmd: tally result tests/data/countypres_excerpt.csv --year 2016 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sorted((j["code"], j["total_votes"]) for j in d["jurisdictions"]))'
exit: 0
--- stdout
[('AL', 24973), ('CT', 2616), ('GA', 7012), ('MO', 301876)]
--- stderr
