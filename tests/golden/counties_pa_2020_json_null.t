# Issue 11: a column the county source lacks for a state is null in JSON,
# not 0 (MEDSL 2020 has no Green or other rows for Pennsylvania); one the
# whole source lacks is left out (2024: Libertarian, Green).
cmd: tally result 2020 --counties --state PA --json | python3 -c 'import json, sys; a = json.load(sys.stdin)["areas"][0]["votes"]; print(a["grn"], a["oth"], a["lib"])'; tally result 2024 --counties --state PA --json | python3 -c 'import json, sys; print(sorted(json.load(sys.stdin)["areas"][0]["votes"]))'
exit: 0
--- stdout
None None 810
['dem', 'oth', 'rep']
