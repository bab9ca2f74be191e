# Issue 10: per_elector has one meaning (relative to an equal share, 1 the
# average) in the table, the CSV and the JSON; the table's "Votes cast" is
# votes_cast in the CSV. California 2016: 1.111 everywhere.
cmd: tally power 2016 | awk '$1 == "CA" { print $4 }'; tally power 2016 --csv | awk -F, 'NR == 1 { print $6 } $1 == "CA" { printf "%.3f %s\n", $4, $6 }'; tally power 2016 --json | python3 -c 'import json, sys; print("%.3f" % [u for u in json.load(sys.stdin)["units"] if u["code"] == "CA"][0]["per_elector"])'
exit: 0
--- stdout
1.111
votes_cast
1.111 14181595
1.111
