#!/bin/sh
# bench_precinct.sh -- reading MEDSL's 2016 precinct file (1.29 M rows) to
# state totals: `tally result FILE --year 2016 --json` (2 parser threads)
# against DuckDB (@duckdb/node-api, 2 threads, SELECT state_po, candidate,
# sum(votes) ... GROUP BY) on the same decompressed CSV, run interleaved;
# then the gzip file against `zcat | DuckDB`. Medians of wall and CPU time,
# ratios and tally's throughput (bench/bench_precinct.py).
# Setup: npm installs the peer into bench/peers/node_modules (once).
# The file: $PRECINCT_FILE, default ../shared/data/precinct_president_2016_
# medsl_46states.csv.gz; skipped when absent.
# Usage: sh bench/bench_precinct.sh BUILD_DIR
B=${1:-build}
F=${PRECINCT_FILE:-../shared/data/precinct_president_2016_medsl_46states.csv.gz}
if [ ! -f "$F" ]; then
  echo "skipped: $F is absent"
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "skipped: node and npm are needed for the DuckDB peer"
  exit 0
fi
if [ ! -d bench/peers/node_modules/@duckdb/node-api ]; then
  (cd bench/peers && npm install --no-audit --no-fund --silent) || {
    echo "bench_precinct: npm install of @duckdb/node-api failed" >&2
    exit 1
  }
fi
exec python3 bench/bench_precinct.py "$B" "$F" "${BENCH_RUNS:-5}"
