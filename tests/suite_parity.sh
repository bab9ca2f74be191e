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
same_error "rule: district in a year without district results" $W \
  '{"year": 2004, "rule": "district"}' -- whatif 2004 --rule district
same_error "rule: district after reapportion" $W \
  '{"year": 2016, "rule": "district", "without": "CA", "reapportion": true}' -- \
  whatif 2016 --rule district --without CA --reapportion
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
same_error "drop: shares over 100 %" $W \
  '{"year": 2000, "drop": "Nader=D:60,R:50"}' -- whatif 2000 --drop Nader=D:60,R:50
same_error "drop: shares over 100 % (object)" $W \
  '{"year": 2000, "drop": {"Nader": "D:60,R:50"}}' -- whatif 2000 --drop Nader=D:60,R:50
same_error "drop: a share that is not a percentage (GET)" \
  "$W?year=2000&drop=Nader=D:4x" "" -- whatif 2000 --drop Nader=D:4x
same_error "drop: a share without a candidate" $W \
  '{"year": 2000, "drop": "R:20"}' -- whatif 2000 --drop R:20
same_error "drop: unknown candidate" $W '{"year": 2000, "drop": "Perot"}' -- \
  whatif 2000 --drop Perot
same_error "delegation: unknown state" $W \
  '{"year": 2020, "delegation": {"XX": "R"}}' -- whatif 2020 --delegation XX=R
same_error "delegation: unknown state (GET)" "$W?year=2020&delegation=XX:R" "" -- \
  whatif 2020 --delegation XX=R
same_error "delegation: not R, D or split" $W \
  '{"year": 2020, "delegation": {"TX": "Q"}}' -- whatif 2020 --delegation TX=Q
same_error "delegation: DC" $W '{"year": 2020, "delegation": {"DC": "D"}}' -- \
  whatif 2020 --delegation DC=D
same_error "delegation: a state that left" $W \
  '{"year": 2020, "without": ["TX"], "delegation": {"TX": "D"}}' -- \
  whatif 2020 --without TX --delegation TX=D
same_error "flip: drop over 100 %" /api/flip \
  '{"year": 2000, "drop": "Nader=D:60,R:50"}' -- flip 2000 --drop Nader=D:60,R:50
same_error "power: delegation unknown state" /api/power \
  '{"year": 2020, "delegation": "XX=R"}' -- power 2020 --delegation XX=R
same_error "split: a county in two parts" $W \
  '{"year": 2016, "split": "CA=NCA:06001,06003;SCA:06001"}' -- \
  whatif 2016 --split 'CA=NCA:06001,06003;SCA:06001'
same_error "split: a part with no county" "$W?year=2016&split=CA%3DNCA:06001;SCA:" "" -- \
  whatif 2016 --split 'CA=NCA:06001;SCA:'
same_error "split: a county of another state" $W \
  '{"year": 2016, "split": "CA=NCA:06001;SCA:41001"}' -- \
  whatif 2016 --split 'CA=NCA:06001;SCA:41001'
same_error "split: Alaska" $W '{"year": 2020, "split": "AK=NAK:02013;SAK:02016"}' -- \
  whatif 2020 --split 'AK=NAK:02013;SAK:02016'
same_error "split: a clashing code" $W \
  '{"year": 2016, "split": "CA=NV:06001;SCA:06003"}' -- \
  whatif 2016 --split 'CA=NV:06001;SCA:06003'
same_error "move: not a county" $W '{"year": 2016, "move": "06999=NV"}' -- \
  whatif 2016 --move 06999=NV
same_error "merge: a bad code" $W '{"year": 2016, "merge": "ND,SD=D"}' -- \
  whatif 2016 --merge ND,SD=D
same_error "admit: no population" $W '{"year": 2020, "admit": "PR"}' -- \
  whatif 2020 --admit PR
same_error "without: a county of Alaska" $W '{"year": 2020, "without": "02013"}' -- \
  whatif 2020 --without 02013
same_error "split: no county results" $W '{"year": 1996, "split": "cal3"}' -- \
  whatif 1996 --split cal3

# ---- good what-ifs: the same bytes ----
same_json "split cal3, reapportioned" $W \
  '{"year": 2016, "split": "cal3", "reapportion": true}' -- \
  whatif 2016 --split cal3 --reapportion --json
same_json "move greater-idaho, reapportioned" "$W?year=2020&move=greater-idaho&reapportion=1" "" -- \
  whatif 2020 --move greater-idaho --reapportion --json
same_json "admit DC, reapportioned" $W \
  '{"year": 2020, "admit": "DC", "reapportion": true}' -- \
  whatif 2020 --admit DC --reapportion --json
same_json "merge ND,SD" $W '{"year": 2016, "merge": "ND,SD=DAK"}' -- \
  whatif 2016 --merge ND,SD=DAK --json
same_json "a county leaves (GET)" "$W?year=2016&without=06037" "" -- \
  whatif 2016 --without 06037 --json
same_json "admit PR with a population, set" $W \
  '{"year": 2020, "admit": "PR/Puerto Rico:3285874", "set": {"PR": "Biden"}, "reapportion": true}' -- \
  whatif 2020 --admit PR/Puerto\ Rico:3285874 --set PR=Biden --reapportion --json
same_json "split, drop and delegation together" $W \
  '{"year": 2016, "split": "cal3", "drop": "Johnson", "delegation": {"NCA": "D"}, "rule": "proportional"}' -- \
  whatif 2016 --split cal3 --drop Johnson --delegation NCA=D --rule proportional --json
same_json "the tile map of cal3" /api/map.svg '{"year": 2016, "split": "cal3", "reapportion": true}' -- \
  map 2016 --split cal3 --reapportion
same_json "flip after cal3" /api/flip '{"year": 2016, "split": "cal3"}' -- \
  flip 2016 --split cal3 --json
same_json "tipping after greater-idaho" /api/tipping \
  '{"year": 2020, "move": "greater-idaho", "reapportion": true}' -- \
  tipping 2020 --move greater-idaho --reapportion --json
same_json "power after admitting DC" /api/power \
  '{"year": 2020, "admit": "DC", "reapportion": true}' -- \
  power 2020 --admit DC --reapportion --json
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
same_json "the House decides a 269-269 tie" $W \
  '{"year": 2020, "set": {"AZ": "Trump", "GA": "Trump", "WI": "Trump"}, "delegation": {"MI": "R", "TX": "split"}}' -- \
  whatif 2020 --set AZ=Trump --set GA=Trump --set WI=Trump \
  --delegation MI=R --delegation TX=split --json
same_json "Nader dropped (GET)" "$W?year=2000&drop=Nader=D:45,R:20" "" -- \
  whatif 2000 --drop Nader=D:45,R:20 --json
same_json "tipping with Perot dropped" /api/tipping \
  '{"year": 1992, "drop": {"Perot": "D:38,R:38"}}' -- \
  tipping 1992 --drop Perot=D:38,R:38 --json
same_json "the district method everywhere" $W '{"year": 2024, "rule": "district"}' -- \
  whatif 2024 --rule district --json
same_json "flip under the district method" /api/flip '{"year": 2024, "rule": "district"}' -- \
  flip 2024 --rule district --json
same_json "tipping under the district method" /api/tipping \
  '{"year": 2012, "rule": "district", "swing": 1}' -- \
  tipping 2012 --rule district --swing 1 --json
same_json "power by district under the district method" /api/power \
  '{"year": 2024, "rule": "district", "units": "districts"}' -- \
  power 2024 --rule district --units districts --json
same_json "years" /api/years "" -- years --json

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
