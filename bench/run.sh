#!/bin/sh
# run.sh -- every benchmark: each bench/bench_*.sh script, run in turn with
# the build directory as its argument (the C benchmarks bench/bench_*.c are
# built by `make bench` into BUILD/bench/ and run by their scripts). Each
# prints its medians and its ratio against a peer measured in the same run.
# Usage: sh bench/run.sh BUILD_DIR
B=${1:-build}
status=0
for s in bench/bench_*.sh; do
  [ -f "$s" ] || continue
  echo "== $s"
  sh "$s" "$B" || status=1
done
exit $status
