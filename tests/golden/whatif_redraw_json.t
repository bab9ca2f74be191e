# Issue 12: --json names each redrawn state's counties, population, seats
# and electors.
cmd: tally whatif 2016 --split cal3 --reapportion --json | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(r["code"], r["name"], r["from"], len(r["counties"]), r["counties"][0], r["population"], r["seats"], r["electors"]) for r in d["whatif"]["redrawn"]]; print("baseline" in d and "redrawn" not in d["baseline"])'
exit: 0
--- stdout
CA California CA 6 06037 11833679 17 19
NCA Northern California CA 40 06001 12423684 18 20
SCA Southern California CA 12 06019 13084626 18 20
True
