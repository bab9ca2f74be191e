#!/usr/bin/env python3
"""mkdata_presets.py -- data/redraw_presets.csv: the county lists of the
redraw presets (tally whatif --split cal3, --move greater-idaho), by county
name as the sources publish them, matched to FIPS codes through
data/counties.csv (so it reads only this repository's files).

Sources (see data/README.md, "redraw_presets.csv"):
- cal3: the 2018 "Cal 3" initiative (Proposition 9, Division of California
  into Three States), county lists as published when it qualified: KMIR
  News, 2018-06-13, "California 3-Way Split Initiative Qualifies For
  November Ballot"; the same 6 / 40 / 12 counties in Kan New York,
  2018-04-25.
- greater-idaho: Move Oregon's Border for a Greater Idaho, the map the
  Idaho House's 2023 memorial (HJM 1) endorsed: 13 whole eastern Oregon
  counties and parts of four more (Wasco, Jefferson, Deschutes, Klamath),
  as described by PSU Vanguard, 2023-02-21, "Idaho House of Representatives
  votes to relocate Oregon border". tally moves whole counties only, so the
  preset is the 13 whole counties.
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

PRESETS = [
    # preset, state, part code, part name, counties
    ("cal3", "CA", "NCA", "Northern California", [
        "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa",
        "Contra Costa", "Del Norte", "El Dorado", "Glenn", "Humboldt",
        "Lake", "Lassen", "Marin", "Mariposa", "Mendocino", "Merced",
        "Modoc", "Napa", "Nevada", "Placer", "Plumas", "Sacramento",
        "San Francisco", "San Joaquin", "San Mateo", "Santa Clara",
        "Santa Cruz", "Shasta", "Sierra", "Siskiyou", "Solano", "Sonoma",
        "Stanislaus", "Sutter", "Tehama", "Trinity", "Tuolumne", "Yolo",
        "Yuba"]),
    ("cal3", "CA", "CA", "California", [
        "Los Angeles", "Monterey", "San Benito", "San Luis Obispo",
        "Santa Barbara", "Ventura"]),
    ("cal3", "CA", "SCA", "Southern California", [
        "Fresno", "Imperial", "Inyo", "Kern", "Kings", "Madera", "Mono",
        "Orange", "Riverside", "San Bernardino", "San Diego", "Tulare"]),
    ("greater-idaho", "OR", "ID", "Idaho", [
        "Baker", "Crook", "Gilliam", "Grant", "Harney", "Lake", "Malheur",
        "Morrow", "Sherman", "Umatilla", "Union", "Wallowa", "Wheeler"]),
]
EXPECT = {("cal3", "NCA"): 40, ("cal3", "CA"): 6, ("cal3", "SCA"): 12,
          ("greater-idaho", "ID"): 13}


def main():
    by_name = {}
    with open(os.path.join(HERE, "counties.csv"), newline="") as f:
        for r in csv.DictReader(f):
            key = (r["state"], r["name"])
            assert key not in by_name, key
            by_name[key] = r["fips"]
    rows = []
    seen = set()
    for preset, st, code, name, counties in PRESETS:
        assert len(counties) == EXPECT[(preset, code)], (preset, code)
        for c in counties:
            fips = by_name[(st, c + " County")]
            assert (preset, fips) not in seen, (preset, fips)
            seen.add((preset, fips))
            rows.append((preset, st, code, name, fips, c + " County"))
    # cal3 covers every California county exactly once.
    ca = {f for (s, _), f in by_name.items() if s == "CA"}
    assert ca == {r[4] for r in rows if r[0] == "cal3"}, "cal3 is not all CA"
    rows.sort(key=lambda r: (r[0], r[2], r[4]))
    with open(os.path.join(HERE, "redraw_presets.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["preset", "state", "code", "name", "fips", "county"])
        w.writerows(rows)
    print("redraw_presets.csv: %d rows" % len(rows))


if __name__ == "__main__":
    main()
