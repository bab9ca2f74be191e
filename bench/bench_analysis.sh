#!/bin/sh
# bench_analysis.sh -- flip, tipping, Banzhaf and Shapley-Shubik on the
# 56-unit College of 2020, each against a naive peer in the same process
# (bench/bench_analysis.c, built by `make bench`). Prints medians and the
# ratio peer / tally, and whether the two agree.
B=${1:-build}
if [ ! -x "$B/bench/bench_analysis" ]; then
  echo "bench_analysis: $B/bench/bench_analysis is missing (run make bench)" >&2
  exit 1
fi
"$B/bench/bench_analysis"
