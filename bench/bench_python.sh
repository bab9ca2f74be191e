#!/bin/sh
# bench_python.sh -- runs bench/bench_python.py (the Python package's
# targets) with Debian's python3; skipped when python3-cffi is missing.
# Usage: sh bench/bench_python.sh BUILD_DIR
B=${1:-build}
if ! /usr/bin/python3 -c 'import cffi' 2>/dev/null; then
  echo "skipped: python3-cffi is not installed (scripts/setup.sh test)"
  exit 0
fi
exec /usr/bin/python3 bench/bench_python.py "$B"
