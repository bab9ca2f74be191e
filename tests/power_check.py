"""power_check.py -- the normalized Banzhaf index recomputed apart from the
library, in Python's exact integers, from `tally power ... --csv` on
standard input (its code and electors columns); prints the number of units
and whether every value agrees with tally's to 1e-11 (relative;
the CSV prints 12 significant digits).
Swings of a unit of weight w: the coalitions of the others whose weight s
satisfies quota - w <= s < quota (quota: a majority of all electors)."""
import csv
import sys

rows = list(csv.DictReader(sys.stdin))
w = [int(r["electors"]) for r in rows]
quota = sum(w) // 2 + 1
swings = {}
for wt in sorted(set(w)):
    others = list(w)
    others.remove(wt)
    c = [0] * quota  # coalitions of the others by weight, below quota
    c[0] = 1
    for x in others:
        for s in range(quota - 1, x - 1, -1):
            c[s] += c[s - x]
    swings[wt] = sum(c[max(0, quota - wt):quota])
total = sum(swings[x] for x in w)
worst = max(abs(float(r["value"]) - swings[x] / total) / (swings[x] / total)
            for r, x in zip(rows, w))
print(len(rows), "units,", "agree" if worst < 1e-11 else "DIFFER %g" % worst)
