# Issue 10: result --csv gives every row a level; Maine's and Nebraska's
# district rows repeat votes of their state's row, so the national total is
# the sum of the level=state rows: Clinton 65,853,581 (MEDSL 2016), not the
# 66,492,793 of a plain sum over every row.
cmd: tally result 2016 --csv | awk -F, 'NR > 1 && $3 == "state" && $7 == "Hillary Clinton" { s += $9 } NR > 1 && $3 == "district" { d++ } END { print s, (d > 0) }'
exit: 0
--- stdout
65853581 1
