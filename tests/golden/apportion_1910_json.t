# 1910 recomputed as JSON (Webster, the method of record; 435 seats): two states differ.
cmd: tally apportion 1910 --method webster --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["method_of_record"], d["seats"], d["states_differ"], d["population"], [(s["code"], s["change"]) for s in d["states"] if s["change"]])'
exit: 0
--- stdout
webster 435 2 resident [('IA', -1), ('NM', 1)]
