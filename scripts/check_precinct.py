#!/usr/bin/env python3
"""check_precinct.py -- an independent check of `tally result FILE --json`
on a MEDSL precinct file (2016 layout): per state, the plain sum of the
file's votes with the mode rule (for each precinct and candidate line, the
TOTAL rows where there are any, else the sum of the mode rows), without
the rows that are no votes (blank, over-, undervotes), and the nominees'
sums (candidate names containing "Clinton" / "Trump"), compared with the
JSON. Prints one line per state and exits 1 on any difference.

Usage: check_precinct.py FILE.csv[.gz] RESULT.json
"""
import collections
import csv
import gzip
import json
import sys

NOT_A_VOTE = {"BLANK VOTE", "BLANK VOTES", "BLANK", "VOID VOTE", "VOID",
              "UNDERVOTES", "UNDERVOTE", "UNDER VOTES", "OVERVOTES",
              "OVERVOTE", "OVER VOTES", "SPOILED", "SPOILED BALLOTS"}


def main():
    path, result = sys.argv[1], sys.argv[2]
    opener = gzip.open if path.endswith(".gz") else open
    # (state, fips, county, jurisdiction, precinct, candidate, party,
    #  writein) -> [TOTAL sum, TOTAL rows, mode sum]
    units = collections.defaultdict(lambda: [0, 0, 0])
    with opener(path, "rt", newline="", encoding="utf-8") as fp:
        for r in csv.DictReader(fp):
            k = (r["state_po"], r["county_fips"], r["county_name"],
                 r["jurisdiction"], r["precinct"], r["candidate"].upper(),
                 r["party"].upper(), r["writein"].upper())
            u = units[k]
            if r["mode"].upper() == "TOTAL":
                u[0] += int(r["votes"])
                u[1] += 1
            else:
                u[2] += int(r["votes"])
    total = collections.Counter()
    dem = collections.Counter()
    rep = collections.Counter()
    for k, (t, nt, m) in units.items():
        if k[5] in NOT_A_VOTE:
            continue
        v = t if nt else m
        total[k[0]] += v
        if "CLINTON" in k[5]:
            dem[k[0]] += v
        if "TRUMP" in k[5]:
            rep[k[0]] += v
    with open(result) as fp:
        js = json.load(fp)
    bad = 0
    seen = 0
    for j in js["jurisdictions"]:
        st = j["code"]
        if len(st) != 2:
            continue
        seen += 1
        jd = sum(v for n, v in j["votes"].items() if "Clinton" in n)
        jr = sum(v for n, v in j["votes"].items() if "Trump" in n)
        ok = (j["total_votes"], jd, jr) == (total[st], dem[st], rep[st])
        bad += not ok
        print("%s %s total %d/%d Clinton %d/%d Trump %d/%d" % (
            st, "ok" if ok else "DIFFERS", j["total_votes"], total[st], jd,
            dem[st], jr, rep[st]))
    if seen != len(total):
        print("states: %d in the JSON, %d in the file" % (seen, len(total)))
        bad += 1
    print("%d states, %d differ" % (seen, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
