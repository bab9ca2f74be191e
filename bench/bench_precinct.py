#!/usr/bin/env python3
"""bench_precinct.py -- the driver of bench_precinct.sh: tally against
DuckDB on MEDSL's 2016 precinct file, interleaved runs (the machine may be
shared: CPU times are reported beside wall times), medians and ratios.

tally is timed as a whole process (its start is about a millisecond);
DuckDB's query is timed inside node (instance made first, not counted),
which favours the peer. The gzip pair: tally on the .gz file against the
shell pipeline `zcat FILE | node ... /dev/stdin`, both whole processes.

Usage: bench_precinct.py BUILD_DIR FILE.csv.gz RUNS
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

PEER = "bench/peers/duckdb_precinct.mjs"


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, shell=False):
    """Wall and CPU seconds of one run (whole process) and its stdout."""
    c0, t0 = children_cpu(), time.monotonic()
    out = subprocess.run(cmd, shell=shell, check=True, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout
    return time.monotonic() - t0, children_cpu() - c0, out


def med(xs):
    return statistics.median(xs)


def main():
    build, gz, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tally = os.path.join(build, "tally")
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "precinct.csv")
        with open(csv, "wb") as fp:
            subprocess.run(["zcat", gz], check=True, stdout=fp)
        size = os.path.getsize(csv)
        print(f"file: {gz}: {size / 1e6:.1f} MB decompressed, "
              f"{os.path.getsize(gz) / 1e6:.1f} MB gzip; {runs} runs each, "
              f"interleaved; 2 threads each")
        tw, tc, dw, dc, dqw, dqc = [], [], [], [], [], []
        zw, zc, pw, pc = [], [], [], []
        for _ in range(runs):
            w, c, _ = run([tally, "result", csv, "--year", "2016", "--json"])
            tw.append(w)
            tc.append(c)
            w, c, out = run(["node", PEER, csv, "2"])
            dw.append(w)
            dc.append(c)
            _, qw, qc = out.split()
            dqw.append(float(qw) / 1e3)
            dqc.append(float(qc) / 1e3)
            w, c, _ = run([tally, "result", gz, "--year", "2016", "--json"])
            zw.append(w)
            zc.append(c)
            w, c, _ = run(f"zcat '{gz}' | node {PEER} /dev/stdin 2",
                          shell=True)
            pw.append(w)
            pc.append(c)
        print("plain CSV:")
        print(f"  tally  (whole process): wall {med(tw) * 1e3:8.1f} ms  "
              f"CPU {med(tc) * 1e3:8.1f} ms  "
              f"({size / med(tw) / 1e9:.2f} GB/s wall, "
              f"{size / med(tc) / 1e9:.2f} GB/s per CPU-second)")
        print(f"  DuckDB (query only)   : wall {med(dqw) * 1e3:8.1f} ms  "
              f"CPU {med(dqc) * 1e3:8.1f} ms")
        print(f"  DuckDB (whole process): wall {med(dw) * 1e3:8.1f} ms  "
              f"CPU {med(dc) * 1e3:8.1f} ms")
        print(f"  ratio DuckDB query / tally: wall {med(dqw) / med(tw):.2f}x"
              f", CPU {med(dqc) / med(tc):.2f}x")
        print("gzip:")
        print(f"  tally FILE.gz         : wall {med(zw) * 1e3:8.1f} ms  "
              f"CPU {med(zc) * 1e3:8.1f} ms")
        print(f"  zcat | DuckDB         : wall {med(pw) * 1e3:8.1f} ms  "
              f"CPU {med(pc) * 1e3:8.1f} ms")
        print(f"  ratio (zcat | DuckDB) / tally: wall "
              f"{med(pw) / med(zw):.2f}x, CPU {med(pc) / med(zc):.2f}x")


if __name__ == "__main__":
    main()
