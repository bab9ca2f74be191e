#!/bin/sh
# suite_web.sh -- the browser test (tests/web/page.test.js): starts
# `tally serve` on a free loopback port and drives the page in headless
# Debian Chromium through playwright-core (installed in tests/web by
# `scripts/setup.sh test`, which runs npm ci there). The screenshot goes to
# BUILD_DIR/page-2016.png. Usage: sh tests/suite_web.sh BUILD_DIR.
# Last line: "N passed, N failed".
B=${1:-build}
ROOT=$(pwd)
TALLY=${TALLY_BIN:-$ROOT/$B/tally}
T=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null 2>&1 ||
    [ ! -d tests/web/node_modules/playwright-core ]; then
  echo "not ok - the browser test needs /usr/bin/chromium, node and" \
       "tests/web/node_modules (run: scripts/setup.sh test)"
  echo "0 passed, 1 failed"
  exit 1
fi

"$TALLY" serve --port 0 >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'listening on' "$T/serve.out" 2>/dev/null; do
  sleep 0.1
  i=$((i + 1))
done
URL=$(sed -n 's/^tally serve: listening on \(http:[^ ]*\)\/$/\1/p' "$T/serve.out")
if [ -z "$URL" ]; then
  echo "not ok - server started: $(cat "$T/serve.err")"
  echo "0 passed, 1 failed"
  exit 1
fi
# Bounded: a hung browser must not hang `make test`.
timeout 300 node tests/web/page.test.js "$URL" "$ROOT/$B/page-2016.png"
