#!/bin/sh
# bench_result.sh -- `tally result 2016` end to end (a whole process: start,
# parse the built-in data, compute the College, print), against a peer doing
# the same job in Python from the same CSVs. Reports medians and the ratio.
# Uses hyperfine (Debian package; scripts/setup.sh bench installs it).
B=${1:-build}
if ! command -v hyperfine >/dev/null 2>&1; then
  echo "bench_result: hyperfine is missing (run scripts/setup.sh bench)" >&2
  exit 1
fi
J=$(mktemp)
hyperfine -N --warmup 20 --runs 300 --export-json "$J" \
  "$B/tally result 2016" \
  "python3 bench/peers/result_py.py ." >/dev/null 2>&1 || {
  echo "bench_result: hyperfine failed" >&2; rm -f "$J"; exit 1; }
python3 - "$J" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
t, p = r[0]["median"] * 1e3, r[1]["median"] * 1e3
print(f"tally result 2016 (whole process): median {t:.2f} ms")
print(f"peer, Python from the same CSVs:   median {p:.2f} ms")
print(f"ratio: tally is {p / t:.1f}x faster")
PY
rm -f "$J"
