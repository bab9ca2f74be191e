#!/usr/bin/python3
"""forecast_numpy.py -- the peer of `tally forecast --method mc`: the same
model, vectorised with numpy, for bench/bench_forecast.c to time side by
side with tally on the same input.

Model (README, "Forecast"): the Democrat's share in unit i is
    mean_i + national_sd * Zn + region_sd * Zr(i) + sd_i * e_i
with independent standard normals; the Democrat wins the unit when it
exceeds 1/2. Outputs, as tally's: P(win) for each side, P(no majority), the
electoral-vote histogram, each unit's P(win), tipping-point frequencies
(the unit that carries the winner, ordered by margin, to the majority) and
P(the popular-vote winner loses).

Usage: /usr/bin/python3 forecast_numpy.py FILE SIMS NATIONAL_SD REGION_SD
       [SEED]   (REGION_SD > 0 uses the Census regions of data/regions.csv)
Prints one line: sims_per_second=... sims_per_cpu_second=... p_d=... ...
"""
import csv
import os
import sys
import time

import numpy as np


def load(path):
    codes, mean, sd, ev, turn = [], [], [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            codes.append(row["code"])
            mean.append(float(row["mean"]))
            sd.append(float(row["sd"]))
            ev.append(int(row["electors"]))
            t = row.get("turnout", "")
            # Districts are counted statewide in the popular vote.
            turn.append(0 if "-" in row["code"] or not t else int(t))
    return codes, np.array(mean), np.array(sd), np.array(ev), np.array(turn, float)


def regions(codes):
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "data", "regions.csv")
    with open(path, newline="") as f:
        table = {r["unit"]: r["census4"] for r in csv.DictReader(f)}
    names = sorted(set(table.values()))
    return np.array([names.index(table[c[:2]]) for c in codes]), len(names)


def main():
    path, sims = sys.argv[1], int(sys.argv[2])
    sn, sr = float(sys.argv[3]), float(sys.argv[4])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    codes, mean, sd, ev, turn = load(path)
    n = len(codes)
    total = int(ev.sum())
    maj = total // 2 + 1
    grp, ngrp = regions(codes) if sr > 0 else (np.zeros(n, int), 1)
    rng = np.random.default_rng(seed)
    hist = np.zeros(total + 1, np.int64)
    wins = np.zeros(n, np.int64)
    tips = np.zeros(n, np.int64)
    pv_loses = 0
    chunk = 50000
    t0 = time.perf_counter()
    c0 = time.process_time()
    done = 0
    while done < sims:
        m = min(chunk, sims - done)
        zn = rng.standard_normal(m)[:, None] * sn
        zr = rng.standard_normal((m, ngrp))[:, grp] * sr if sr > 0 else 0.0
        e = rng.standard_normal((m, n)) * sd
        margin = mean - 0.5 + zn + zr + e
        won = margin > 0
        evd = won @ ev
        hist += np.bincount(evd, minlength=total + 1)
        wins += won.sum(axis=0)
        dwin = evd >= maj
        rwin = total - evd >= maj
        # Tipping point: the winner's units from the strongest, the first
        # at which the electors reach the majority.
        key = np.where(dwin[:, None], margin, -margin)
        order = np.argsort(-key, axis=1, kind="stable")
        cum = np.cumsum(ev[order], axis=1)
        pos = np.argmax(cum >= maj, axis=1)
        tip = order[np.arange(m), pos]
        has = dwin | rwin
        tips += np.bincount(tip[has], minlength=n)
        pv = (np.clip(margin, -0.5, 0.5) * turn).sum(axis=1)
        pv_loses += int(((pv > 0) & rwin).sum() + ((pv < 0) & dwin).sum())
        done += m
    dt = time.perf_counter() - t0
    dc = time.process_time() - c0
    p_d = hist[maj:].sum() / sims
    p_r = hist[: total - maj + 1].sum() / sims
    print("sims_per_second=%.0f sims_per_cpu_second=%.0f p_d=%.6f p_r=%.6f "
          "p_tie=%.6f p_pv_loses=%.6f"
          % (sims / dt, sims / dc, p_d, p_r, 1 - p_d - p_r, pv_loses / sims))


if __name__ == "__main__":
    main()
