#!/bin/sh
# run.sh -- runs every benchmark; `make bench` calls it after building
# BUILD_DIR/bench/bench_* from bench/bench_*.c. Benchmarks are never part
# of `make test`.
#
# How to add one: write bench/bench_<what>.c (built and run here with the
# repository root as working directory; it prints its own report, medians
# and the ratio to its peer in the same run, STYLE 47) or, for a benchmark
# that is a script, bench/bench_<what>.sh (run as `sh SCRIPT BUILD_DIR`).
# Peers live in bench/peers/. Extra arguments for a benchmark can be given
# in the environment as BENCH_ARGS_<what> (e.g. BENCH_ARGS_forecast="2
# 20000000").
#
# Usage: sh bench/run.sh BUILD_DIR
B=${1:-build}
status=0
for bin in "$B"/bench/bench_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin" | sed 's/^bench_//')
  eval "args=\${BENCH_ARGS_$name:-}"
  echo "== $name"
  # shellcheck disable=SC2086
  "$bin" $args || status=1
done
for script in bench/bench_*.sh; do
  [ -f "$script" ] || continue
  name=$(basename "$script" .sh | sed 's/^bench_//')
  echo "== $name"
  sh "$script" "$B" || status=1
done
exit $status
