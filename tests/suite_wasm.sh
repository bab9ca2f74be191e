#!/bin/sh
# suite_wasm.sh -- the page as `make web` writes it (build/web/: the page
# and tally.wasm), served by a plain static server (python3 -m http.server,
# no tally process), in headless Debian Chromium through playwright-core:
# tests/web/page.test.js with TALLY_STATIC=1 (the figures of issue 7,
# checked against the CLI), then tests/web/static.test.js (the wasm's
# JSON equals the CLI's byte for byte, no sideways scroll at 1280x900 and
# 390x844, axe-core). Screenshots go to BUILD_DIR/web-*.png.
# Usage: sh tests/suite_wasm.sh BUILD_DIR. Last line: "N passed, N failed".
B=${1:-build}
ROOT=$(pwd)
WEB=${TALLY_WEB:-$ROOT/build/web}
TALLY_BIN=${TALLY_BIN:-$ROOT/$B/tally}
export TALLY_BIN
T=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -f "$WEB/tally.wasm" ] || [ ! -x /usr/bin/chromium ] ||
    ! command -v node >/dev/null 2>&1 ||
    [ ! -d tests/web/node_modules/playwright-core ]; then
  echo "not ok - needs $WEB/tally.wasm (make web), /usr/bin/chromium, node" \
       "and tests/web/node_modules (run: scripts/setup.sh test)"
  echo "0 passed, 1 failed"
  exit 1
fi

/usr/bin/python3 -u -m http.server --bind 127.0.0.1 --directory "$WEB" 0 \
  >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'port [0-9]' "$T/serve.out" 2>/dev/null; do
  sleep 0.1
  i=$((i + 1))
done
PORT=$(sed -n 's/^Serving HTTP on [^ ]* port \([0-9]*\) .*/\1/p' "$T/serve.out")
if [ -z "$PORT" ]; then
  echo "not ok - static server started: $(cat "$T/serve.err")"
  echo "0 passed, 1 failed"
  exit 1
fi
URL=http://127.0.0.1:$PORT
p=0
f=0
add() {
  last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  lp=$(echo "$last" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  lf=$(echo "$last" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  [ -z "$last" ] && lf=1
  p=$((p + ${lp:-0}))
  f=$((f + ${lf:-0}))
}
# Bounded: a hung browser must not hang `make test`.
TALLY_STATIC=1 timeout 900 node tests/web/page.test.js "$URL" \
  "$ROOT/$B/web-2016.png" >"$T/page.log" 2>&1
grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$T/page.log"
add "$T/page.log"
if [ -f tests/web/static.test.js ]; then
  timeout 900 node tests/web/static.test.js "$URL" "$ROOT/$B" \
    >"$T/static.log" 2>&1
  grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$T/static.log"
  add "$T/static.log"
fi
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
