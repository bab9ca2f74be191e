#!/bin/sh
# suite_python.sh -- the Python package (python/): its pytest suite, run
# with Debian's /usr/bin/python3 against the built libtally.so and tally
# (every figure compared with the CLI's --json; python/README.md's examples
# run as doctests), and the README's offline install into a fresh venv.
# Under SAN=1 the ASan runtime must be the first library of the process,
# which a stock python3 is not built for: the suite says so and skips.
# Usage: sh tests/suite_python.sh BUILD_DIR. Last line: N passed, N failed.
B=${1:-build}
ROOT=$(pwd)
PY=/usr/bin/python3
case $B in
  */san|*/tsan)
    echo "skipped: libtally.so of a sanitizer build ($B) cannot be loaded" \
         "by a python3 without the sanitizer runtime"
    echo "0 passed, 0 failed"
    exit 0 ;;
esac
if ! $PY -c 'import cffi, pytest' 2>/dev/null; then
  echo "FAIL: python3-cffi and python3-pytest are needed (scripts/setup.sh test)"
  echo "0 passed, 1 failed"
  exit 1
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
# pytest from a copy, so that no cache or bytecode lands in the checkout.
cp -r "$ROOT/python" "$T/src"
rm -rf "$T/src/build" "$T/src/tally/libtally.so" "$T/src/tally/_tallybuf.so"
${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -fPIC -shared \
  -o "$T/src/tally/_tallybuf.so" "$T/src/tally/_buf.c" ||
  { echo "FAIL: python/tally/_buf.c does not build"; fail=$((fail + 1)); }
(cd "$T/src/tests" && PYTHONPATH="$T/src" PYTHONDONTWRITEBYTECODE=1 \
   TALLY_LIB="$ROOT/$B/libtally.so" TALLY_CLI="$ROOT/$B/tally" \
   TALLY_ROOT="$ROOT" $PY -m pytest -q -p no:cacheprovider "$T/src/tests" \
   "$T/src/README.md" --doctest-glob='*.md') >"$T/pytest.log" 2>&1
cat "$T/pytest.log"
line=$(tail -n 1 "$T/pytest.log")
p=$(echo "$line" | grep -o '[0-9][0-9]* passed' | cut -d' ' -f1)
f=$(echo "$line" | grep -o '[0-9][0-9]* failed' | cut -d' ' -f1)
e=$(echo "$line" | grep -o '[0-9][0-9]* error' | cut -d' ' -f1)
pass=$((pass + ${p:-0}))
fail=$((fail + ${f:-0} + ${e:-0}))
[ -z "$p" ] && [ -z "$f" ] && fail=$((fail + 1))
# The README's install: a venv on the system's packages, pip offline.
$PY -m venv --system-site-packages "$T/venv" >"$T/venv.log" 2>&1 &&
  TALLY_LIB="$ROOT/$B/libtally.so" "$T/venv/bin/pip" install -q \
    --no-build-isolation --no-index "$T/src" >>"$T/venv.log" 2>&1 &&
  w=$(cd "$T" && env -u TALLY_LIB "$T/venv/bin/python" -c \
      'import tally; print(tally.result(2016).winner)' 2>>"$T/venv.log")
if [ "$w" = "Donald Trump" ]; then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
  echo "FAIL: pip install ./python in a venv: got '$w'"
  tail -n 20 "$T/venv.log"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
