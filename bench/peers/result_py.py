"""Peer for bench_result.sh: the same job as `tally result 2016` -- the
national popular vote, electors by state (Maine and Nebraska by district)
and the winner -- in plain Python from tally's own data/ CSVs."""
import csv
import sys

def main(root, year="2016", source="medsl"):
    votes = {}
    for r in csv.DictReader(open(f"{root}/data/results.csv", newline="")):
        if r["year"] == year and r["source"] == source:
            votes.setdefault(r["unit"], {})[r["name"]] = int(r["votes"])
    electors = {}
    for r in csv.DictReader(open(f"{root}/data/electors.csv", newline="")):
        if int(r["first_election"]) <= int(year) <= int(r["last_election"]):
            electors[r["unit"]] = int(r["electors"])
    national = {}
    ev = {}
    for unit, row in votes.items():
        if len(unit) == 2:
            for name, v in row.items():
                national[name] = national.get(name, 0) + v
        n = 1 if len(unit) == 4 else electors[unit]
        if len(unit) == 2 and any(u.startswith(unit + "-") for u in votes):
            n -= sum(1 for u in votes if u.startswith(unit + "-"))
        w = max(row, key=row.get)
        ev[w] = ev.get(w, 0) + n
    total = sum(ev.values())
    for name, v in sorted(national.items(), key=lambda x: -x[1])[:4]:
        print(f"{name:26s} {v:>14,d} {ev.get(name, 0):5d}")
    winner = max(ev, key=ev.get)
    print("Winner:", winner, ev[winner], "of", total)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
