cmd: tally apportion 2020 --json --next 3 --out $T/a.json && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["census"], d["seats"], d["method"], len(d["states"]), d["states"][4], d["states"][50], d["last_seat"]["code"], [(x["code"], x["short_by"]) for x in d["next_in_line"]])' $T/a.json
exit: 0
--- stdout
2020 435 huntington-hill 51 {'code': 'CA', 'electors': 54, 'population': 39576757, 'seats': 52} {'code': 'DC', 'electors': 3, 'population': None, 'seats': 0} MN [('NY', 89), ('OH', 11462), ('TX', 189645)]
