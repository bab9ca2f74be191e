#!/bin/sh
# suite_parity.sh -- the CLI and the API read what-ifs through the one
# specification of the library (tly_whatif_spec), so they must agree: every
# what-if option given a bad value (or a bad combination) gets the same
# message from `tally whatif` (stderr "tally whatif: MSG (see ...)", exit
# 2) as from the API (a 4xx {"error": MSG}), and good what-ifs get
# byte-identical JSON from `tally SUB --json` and the API.
# Usage: sh tests/suite_parity.sh BUILD_DIR. Last line: "N passed, N failed".
B=${1:-build}
ROOT=$(pwd)
TALLY=${TALLY_BIN:-$ROOT/$B/tally}
T=$(mktemp -d)
pass=0
fail=0
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "$2" ] && echo "  $2"; }

if ! command -v curl >/dev/null 2>&1; then
  bad "curl is needed for the parity tests"
  echo "$pass passed, $fail failed"
  exit 1
fi

# ---- start the server on a free port (port 0: the kernel picks) ----
"$TALLY" serve --port 0 >"$T/serve.out" 2>"$T/serve.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'listening on' "$T/serve.out" 2>/dev/null; do
  sleep 0.1
  i=$((i + 1))
done
URL=$(sed -n 's/^tally serve: listening on \(http:[^ ]*\)\/$/\1/p' "$T/serve.out")
if [ -z "$URL" ]; then
  bad "server started" "$(cat "$T/serve.err")"
  echo "$pass passed, $fail failed"
  exit 1
fi
ok "server started on $URL"

# api PATH [JSON_BODY]: GET PATH, or POST the body; status into $T/code,
# body into $T/body.
api() {
  if [ -n "${2:-}" ]; then
    printf '%s' "$2" >"$T/req"
    curl -s -X POST -H 'Content-Type: application/json' --data-binary "@$T/req" \
      -o "$T/body" -w '%{http_code}' "$URL$1" >"$T/code"
  else
    curl -s -o "$T/body" -w '%{http_code}' "$URL$1" >"$T/code"
  fi
}

# same_error NAME PATH BODY -- CLI ARGS: the CLI exits 2 and the API
# answers 4xx, with the same message.
same_error() {
  name=$1 p=$2 body=$3
  shift 4
  api "$p" "$body"
  "$TALLY" "$@" >/dev/null 2>"$T/cli.err"
  code=$?
  sub=$1
  cli=$(sed -n "s/^tally $sub: \(.*\) (see 'tally $sub --help')\$/\1/p" "$T/cli.err")
  web=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["error"])' \
    "$T/body" 2>/dev/null)
  status=$(cat "$T/code")
  if [ "$code" = 2 ] && [ -n "$cli" ] && [ "$cli" = "$web" ] &&
    [ "$status" -ge 400 ] && [ "$status" -lt 500 ]; then
    ok "$name: $cli"
  else
    bad "$name" "CLI (exit $code): $(cat "$T/cli.err") | API ($status): $(cat "$T/body")"
  fi
}

# same_json NAME PATH BODY -- CLI ARGS: 200 and the CLI's bytes.
same_json() {
  name=$1 p=$2 body=$3
  shift 4
  api "$p" "$body"
  "$TALLY" "$@" >"$T/cli" 2>"$T/cli.err"
  if [ "$(cat "$T/code")" = 200 ] && cmp -s "$T/body" "$T/cli"; then
    ok "$name"
  else
    bad "$name" "status $(cat "$T/code"); $(diff "$T/cli" "$T/body" | head -n 6)"
  fi
}

W=/api/whatif
# ---- every option, a bad value or a bad combination ----
same_error "without: unknown state" $W '{"year": 2016, "without": ["XX"]}' -- \
  whatif 2016 --without XX
same_error "without: empty code" $W '{"year": 2016, "without": "CA,,NY"}' -- \
  whatif 2016 --without CA,,NY
same_error "without: empty code in a query" "$W?year=2016&without=CA,,NY" "" -- \
  whatif 2016 --without CA,,NY
same_error "without: trailing comma in a query" "$W?year=2016&without=CA," "" -- \
  whatif 2016 --without CA,
same_error "without: a district" "$W?year=2016&without=ME-2" "" -- \
  whatif 2016 --without ME-2
same_error "reapportion without anyone leaving" $W \
  '{"year": 2016, "reapportion": true}' -- whatif 2016 --reapportion
same_error "census: not a year" $W \
  '{"year": 2016, "without": ["CA"], "reapportion": true, "census": "20x0"}' -- \
  whatif 2016 --without CA --reapportion=20x0
same_error "census: none built in" $W \
  '{"year": 2016, "without": ["CA"], "reapportion": true, "census": 1800}' -- \
  whatif 2016 --without CA --reapportion 1800
same_error "seats with reapportion false" \
  "$W?year=2016&reapportion=false&seats=500" "" -- whatif 2016 --seats 500
same_error "seats without reapportion" $W '{"year": 2016, "seats": 500}' -- \
  whatif 2016 --seats 500
same_error "seats: zero" $W \
  '{"year": 2016, "without": ["CA"], "reapportion": true, "seats": 0}' -- \
  whatif 2016 --without CA --reapportion --seats 0
same_error "seats: not a number (query)" \
  "$W?year=2016&without=CA&reapportion=1&seats=4x5" "" -- \
  whatif 2016 --without CA --reapportion --seats 4x5
same_error "method: unknown" $W \
  '{"year": 2016, "without": ["CA"], "reapportion": true, "method": "borda"}' -- \
  whatif 2016 --without CA --reapportion --apportion-method borda
same_error "method without reapportion" $W '{"year": 2016, "method": "webster"}' -- \
  whatif 2016 --apportion-method webster
same_error "swing: more than 9 decimals (POST number)" $W \
  '{"year": 2016, "swing": 0.1234567891}' -- whatif 2016 --swing 0.1234567891
same_error "swing: more than 9 decimals (GET)" "$W?year=2016&swing=0.1234567891" "" -- \
  whatif 2016 --swing 0.1234567891
same_error "swing: beyond 100 points" $W '{"year": 2016, "swing": 100.5}' -- \
  whatif 2016 --swing 100.5
same_error "swing: not a number" $W '{"year": 2016, "swing": "two"}' -- \
  whatif 2016 --swing two
same_error "swing: an exponent" $W '{"year": 2016, "swing": "1e1"}' -- \
  whatif 2016 --swing 1e1
same_error "set: no candidate" $W '{"year": 2016, "set": "WI"}' -- \
  whatif 2016 --set WI
same_error "set: unknown candidate" $W '{"year": 2016, "set": {"WI": "Zed"}}' -- \
  whatif 2016 --set WI=Zed
same_error "set: unknown state" "$W?year=2016&set=XX:D" "" -- \
  whatif 2016 --set XX=D
same_error "tie: no candidate" $W '{"year": 2016, "tie": "WI"}' -- \
  whatif 2016 --tie WI
same_error "tie: unknown candidate" $W '{"year": 2016, "tie": {"WI": "Zed"}}' -- \
  whatif 2016 --tie WI=Zed
same_error "tie (result): unknown state" "/api/result?year=2016&tie=XX:D" "" -- \
  result 2016 --tie XX=D
same_error "rule: unknown" $W '{"year": 2016, "rule": "lottery"}' -- \
  whatif 2016 --rule lottery
same_error "rule: district without district returns" $W \
  '{"year": 2016, "rule": "district"}' -- whatif 2016 --rule district
same_error "npv without rule npv" $W '{"year": 2016, "npv": "all"}' -- \
  whatif 2016 --npv-members all
same_error "npv: a year before the Republic" $W \
  '{"year": 2016, "rule": "npv", "npv": 1700}' -- \
  whatif 2016 --rule npv --npv-members 1700
same_error "npv: unknown state" $W \
  '{"year": 2016, "rule": "npv", "npv": ["CA", "XX"]}' -- \
  whatif 2016 --rule npv --npv-members CA,XX
same_error "flip: seats without reapportion" /api/flip '{"year": 2016, "seats": 500}' -- \
  flip 2016 --seats 500
same_error "tipping: bad swing" /api/tipping '{"year": 2016, "swing": "1.2.3"}' -- \
  tipping 2016 --swing 1.2.3
same_error "power: unknown state leaves" /api/power '{"year": 2016, "without": "XX"}' -- \
  power 2016 --without XX

# ---- good what-ifs: the same bytes ----
same_json "result with a tie decided (its note too)" \
  "/api/result?year=2016&tie=WI:Clinton" "" -- result 2016 --tie WI=Clinton --json
same_json "a swing of 9 decimals" $W '{"year": 2016, "swing": 0.123456789}' -- \
  whatif 2016 --swing 0.123456789 --json
same_json "a swing as a string" $W '{"year": 2016, "swing": "-2.5"}' -- \
  whatif 2016 --swing -2.5 --json
same_json "everything at once" $W \
  '{"year": 2016, "without": ["CA", "NY"], "reapportion": true, "census": 2000, "seats": 500, "method": "webster", "swing": 1, "set": {"WA": "Trump"}, "tie": {"WI": "Clinton"}, "rule": "npv", "npv": ["TX", "FL"]}' -- \
  whatif 2016 --without CA,NY --reapportion 2000 --seats 500 \
  --apportion-method webster --swing 1 --set WA=Trump --tie WI=Clinton \
  --rule npv --npv-members TX,FL --json
same_json "npv members by year" "$W?year=2020&rule=npv&npv=2019" "" -- \
  whatif 2020 --rule npv --npv-members 2019 --json
same_json "set WA (faithless electors no longer apply)" \
  "$W?year=2016&set=WA:Trump" "" -- whatif 2016 --set WA=Trump --json
same_json "flip with a swing" /api/flip '{"year": 2016, "swing": 1.5}' -- \
  flip 2016 --swing 1.5 --json
same_json "tipping without DC" /api/tipping '{"year": 2020, "without": "DC"}' -- \
  tipping 2020 --without DC --json
same_json "power under a rule" /api/power '{"year": 2016, "rule": "wta"}' -- \
  power 2016 --rule wta --json
same_json "years" /api/years "" -- years --json

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
