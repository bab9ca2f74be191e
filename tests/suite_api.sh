#!/bin/sh
# suite_api.sh -- tally serve's HTTP API with a real HTTP client (curl, or
# node's fetch when curl is missing) against a running server on a free
# loopback port: every endpoint answers the bytes the CLI prints with
# --json (the same library writers), and bad requests (unknown year,
# malformed JSON, oversized body, wrong method, path traversal, a foreign
# Host) get 4xx with a JSON error; the server survives them all.
# Usage: sh tests/suite_api.sh BUILD_DIR. Last line: "N passed, N failed".
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

# req METHOD PATH [BODY_FILE] [HEADER]: the status into $T/code, the body
# into $T/body, the headers into $T/headers.
if command -v curl >/dev/null 2>&1; then
  req() {
    set -- "$1" "$2" "${3:-}" "${4:-}"
    if [ -n "$3" ]; then
      curl -s --path-as-is -X "$1" ${4:+-H "$4"} -H 'Content-Type: application/json' \
        --data-binary "@$3" -D "$T/headers" -o "$T/body" -w '%{http_code}' \
        "$URL$2" >"$T/code"
    else
      curl -s --path-as-is -X "$1" ${4:+-H "$4"} -D "$T/headers" -o "$T/body" \
        -w '%{http_code}' "$URL$2" >"$T/code"
    fi
  }
else
  req() {
    node -e '
      const fs = require("fs"); const [m, u, f, h] = process.argv.slice(1);
      const headers = {}; if (h) { const i = h.indexOf(":"); headers[h.slice(0, i)] = h.slice(i + 1).trim(); }
      const body = f ? fs.readFileSync(f) : undefined;
      fetch(u, { method: m, headers, body }).then(async (r) => {
        fs.writeFileSync(process.env.T + "/body", Buffer.from(await r.arrayBuffer()));
        fs.writeFileSync(process.env.T + "/code", String(r.status));
        fs.writeFileSync(process.env.T + "/headers", [...r.headers].map(([k, v]) => k + ": " + v).join("\n"));
      }, (e) => { fs.writeFileSync(process.env.T + "/code", "000"); });
    ' "$1" "$URL$2" "${3:-}" "${4:-}"
  }
  export T
fi

# same NAME METHOD PATH BODY_FILE -- CLI ARGS: the answer is 200 and
# byte-identical to `tally CLI ARGS`.
same() {
  name=$1 m=$2 p=$3 f=$4
  shift 5
  req "$m" "$p" "$f"
  "$TALLY" "$@" >"$T/cli" 2>"$T/cli.err"
  if [ "$(cat "$T/code")" = 200 ] && cmp -s "$T/body" "$T/cli"; then
    ok "$name"
  else
    bad "$name" "status $(cat "$T/code"); $(diff "$T/cli" "$T/body" | head -n 5)"
  fi
}

# fails NAME WANT_STATUS METHOD PATH [BODY_FILE] [HEADER]: a JSON error
# {"error": ..., "status": WANT} with that status.
fails() {
  name=$1 want=$2
  shift 2
  req "$@"
  code=$(cat "$T/code")
  if [ "$code" = "$want" ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d["error"], str) and d["error"] and d["status"] == int(sys.argv[2])
' "$T/body" "$want" 2>/dev/null && ! grep -q 'root:' "$T/body"; then
    ok "$name ($want)"
  else
    bad "$name" "status $code, want $want: $(head -c 200 "$T/body")"
  fi
}

j() { printf '%s' "$1" >"$T/req.json"; echo "$T/req.json"; }

# ---- every endpoint answers what the CLI prints ----
same "GET /api/years = tally years --json" GET /api/years "" -- years --json
same "GET /api/result = tally result 2016 --json" GET '/api/result?year=2016' "" -- \
  result 2016 --json
same "GET /api/result FEC 2008 = tally result 2008 --source fec --json" GET \
  '/api/result?year=2008&source=fec' "" -- result 2008 --source fec --json
same "POST /api/result = tally result 2000 --json" POST /api/result \
  "$(j '{"year": 2000}')" -- result 2000 --json
same "POST /api/whatif (CA leaves, reapportioned on 2010) = tally whatif" POST /api/whatif \
  "$(j '{"year": 2016, "without": ["CA"], "reapportion": true, "census": 2010}')" -- \
  whatif 2016 --without CA --reapportion 2010 --json
same "GET /api/whatif (WI, MI, PA set D) = tally whatif --set" GET \
  '/api/whatif?year=2016&set=WI:D,MI:D,PA:D' "" -- \
  whatif 2016 --set WI=D --set MI=D --set PA=D --json
same "POST /api/whatif (rule, swing) = tally whatif --rule --swing" POST /api/whatif \
  "$(j '{"year": 2020, "rule": "proportional-hamilton", "swing": -1.5}')" -- \
  whatif 2020 --rule proportional-hamilton --swing -1.5 --json
same "GET /api/apportion = tally apportion 2010 --json" GET '/api/apportion?census=2010' "" -- \
  apportion 2010 --json
same "POST /api/apportion (Webster, 600 seats) = tally apportion" POST /api/apportion \
  "$(j '{"census": 2020, "method": "webster", "seats": 600}')" -- \
  apportion 2020 --method webster --seats 600 --json
same "GET /api/apportion (1790: the record) = tally apportion 1790 --json" \
  GET '/api/apportion?census=1790' "" -- apportion 1790 --json
same "POST /api/apportion (1850 recomputed by Webster) = tally apportion" \
  POST /api/apportion "$(j '{"census": 1850, "method": "webster"}')" -- \
  apportion 1850 --method webster --json
same "POST /api/apportion (1930 without NY, seats of record) = tally apportion" \
  POST /api/apportion "$(j '{"census": 1930, "without": ["NY"]}')" -- \
  apportion 1930 --without NY --json
same "GET /api/result = tally result 1876 --json (the historical record)" \
  GET '/api/result?year=1876' "" -- result 1876 --json
same "GET /api/whatif = tally whatif 1888 --rule npv --npv-members all" GET \
  '/api/whatif?year=1888&rule=npv&npv=all' "" -- \
  whatif 1888 --rule npv --npv-members all --json
same "GET /api/flip = tally flip 2016 --json" GET '/api/flip?year=2016' "" -- flip 2016 --json
same "POST /api/flip (a 269-269 tie, 2000) = tally flip" POST /api/flip \
  "$(j '{"year": 2000, "target": "tie"}')" -- flip 2000 --target tie --json
same "GET /api/tipping = tally tipping 2020 --json" GET '/api/tipping?year=2020' "" -- \
  tipping 2020 --json
same "GET /api/power = tally power 2016 --json" GET '/api/power?year=2016' "" -- \
  power 2016 --json
same "POST /api/power (Shapley, without CA) = tally power" POST /api/power \
  "$(j '{"year": 2016, "without": ["CA"], "index": "shapley"}')" -- \
  power 2016 --without CA --index shapley --json
python3 -c '
import json, sys
json.dump({"model": open(sys.argv[1]).read(), "national_sd": 0.03, "sims": 2000,
           "seed": 7}, open(sys.argv[2], "w"))' tests/data/forecast_2024.csv "$T/fc.json"
same "POST /api/forecast = tally forecast --json" POST /api/forecast "$T/fc.json" -- \
  forecast tests/data/forecast_2024.csv --national-sd 0.03 --sims 2000 --seed 7 \
  --threads 2 --json
same "GET /api/map.svg = tally map 2016" GET '/api/map.svg?year=2016' "" -- map 2016
same "GET /api/map.svg (CA leaves, reapportioned) = tally map" GET \
  '/api/map.svg?year=2016&without=CA&reapportion=1' "" -- map 2016 --without CA --reapportion
same "GET /api/bar.svg = tally map --bar" GET '/api/bar.svg?year=2000' "" -- map 2000 --bar
same "GET /api/map.svg?geo=1 = tally map --geo" GET '/api/map.svg?year=2016&geo=1&set=WI:D' "" \
  -- map 2016 --geo --set WI=D
same "GET /api/counties.svg = tally map --counties" GET '/api/counties.svg?year=2020' "" \
  -- map 2020 --counties
req GET '/api/geo?layer=states'
if [ "$(cat "$T/code")" = 200 ] && python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
assert g["layer"] == "states" and len(g["shapes"]) == 51
assert any(s["code"] == "WI" and s["path"].startswith("M") for s in g["shapes"])' \
    "$T/body" 2>/dev/null; then ok "GET /api/geo: the 51 state shapes (tly_json_geo)"
else bad "GET /api/geo" "$(cat "$T/code")"; fi

req POST /api/forecast/histogram.svg "$T/fc.json"
if [ "$(cat "$T/code")" = 200 ] && python3 -c '
import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot(); assert r.tag == "{http://www.w3.org/2000/svg}svg"' \
    "$T/body" 2>/dev/null; then ok "POST /api/forecast/histogram.svg is SVG"
else bad "POST /api/forecast/histogram.svg" "$(cat "$T/code")"; fi
req POST /api/forecast/map.svg "$T/fc.json"
if [ "$(cat "$T/code")" = 200 ] && grep -q 'id="tile-PA"' "$T/body"; then
  ok "POST /api/forecast/map.svg has the tiles"
else bad "POST /api/forecast/map.svg" "$(cat "$T/code")"; fi

# ---- the page, from memory ----
for f in / /index.html /app.js /style.css /favicon.svg; do
  req GET "$f"
  if [ "$(cat "$T/code")" = 200 ] && [ -s "$T/body" ] &&
      grep -qi '^content-security-policy:' "$T/headers" &&
      grep -qi '^x-content-type-options: nosniff' "$T/headers"; then
    ok "GET $f (200, CSP, nosniff)"
  else bad "GET $f" "$(cat "$T/code")"; fi
done
req GET /
if grep -q '<title>tally' "$T/body"; then ok "GET / is the page"; else bad "GET / is the page"; fi

# ---- bad requests: 4xx with a JSON error, never a crash ----
fails "unknown year" 404 GET '/api/result?year=1901'
fails "no apportionment after the 1920 census" 404 GET '/api/apportion?census=1920'
fails "year not a number" 400 GET '/api/result?year=20x6'
fails "FEC has no 1976" 404 GET '/api/result?year=1976&source=fec'
fails "unknown source" 400 GET '/api/result?year=2016&source=ap'
fails "unknown query parameter" 400 GET '/api/result?year=2016&colour=red'
fails "a parameter twice" 400 GET '/api/result?year=2016&year=2020'
fails "malformed JSON" 400 POST /api/whatif "$(j '{"year": 2016,')"
fails "JSON that is not an object" 400 POST /api/whatif "$(j '[2016]')"
fails "duplicate JSON key" 400 POST /api/whatif "$(j '{"year": 2016, "year": 2020}')"
fails "unknown JSON field" 400 POST /api/whatif "$(j '{"year": 2016, "withot": ["CA"]}')"
fails "year of the wrong type" 400 POST /api/whatif "$(j '{"year": "2016"}')"
fails "unknown state leaves" 400 POST /api/whatif "$(j '{"year": 2016, "without": ["XX"]}')"
fails "unknown candidate set" 400 POST /api/whatif "$(j '{"year": 2016, "set": {"WI": "Z"}}')"
fails "reapportion with no one leaving" 400 POST /api/whatif \
  "$(j '{"year": 2016, "reapportion": true}')"
fails "census without reapportion" 400 POST /api/whatif "$(j '{"year": 2016, "census": 2000}')"
fails "swing beyond 100 points" 400 POST /api/whatif "$(j '{"year": 2016, "swing": 101}')"
fails "unknown rule" 400 POST /api/whatif "$(j '{"year": 2016, "rule": "lottery"}')"
fails "unknown apportionment method" 400 GET '/api/apportion?method=coinflip'
fails "flip under a proportional rule" 400 POST /api/flip \
  "$(j '{"year": 2016, "rule": "proportional-hamilton"}')"
fails "unknown power index" 400 GET '/api/power?year=2016&index=penrose'
fails "forecast without a model" 400 POST /api/forecast "$(j '{"national_sd": 0.03}')"
fails "forecast with a bad model" 400 POST /api/forecast "$(j '{"model": "code,mean,sd\nPA,1.5,0.1\n"}')"
fails "forecast with too many simulations" 400 POST /api/forecast \
  "$(j '{"model": "code,mean,sd\nPA,0.5,0.1\n", "sims": 100000000}')"
python3 -c '
import json, sys
codes = ["AL","AK","AZ","AR","CA","CO","CT","DE","DC","FL","GA","HI","ID","IL",
  "IN","IA","KS","KY","LA","ME","MD","MA","MI","MN","MS","MO","MT","NE","NV","NH",
  "NJ","NM","NY","NC","ND","OH","OK","OR","PA","RI","SC","SD","TN","TX","UT","VT",
  "VA","WA","WV","WI","WY"]
rows = "".join("%s,%.3f,0.03,1000\n" % (c, 0.45 + 0.002 * i) for i, c in enumerate(codes))
json.dump({"model": "code,mean,sd,electors\n" + rows, "national_sd": 0.03,
           "regions": "census9", "region_sd": 0.02, "df": 3, "sims": 0},
          open(sys.argv[1], "w"))' "$T/heavy.json"
fails "exact forecast over the cost bound, refused before running" 413 \
  POST /api/forecast "$T/heavy.json"
fails "forecast region_sd without regions" 400 POST /api/forecast \
  "$(j '{"model": "code,mean,sd\nPA,0.5,0.1\n", "region_sd": 0.02}')"
if python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["error"] == "region_sd needs regions"' \
    "$T/body" 2>/dev/null && "$TALLY" forecast tests/data/forecast_small.csv --region-sd 0.02 2>&1 |
    grep -q 'tally forecast: region_sd needs regions '; then
  ok "forecast: the API and the CLI give the same message"
else bad "forecast: the API and the CLI give the same message" "$(head -c 200 "$T/body")"; fi
fails "a POST with a query string" 400 POST '/api/whatif?year=2016' "$(j '{}')"
# Bytes that are not UTF-8 cannot become JSON text: 400 saying so, never
# 503 "out of memory" nor a what-if silently dropped (issue 10, item 17).
for q in 'result?year=%ff' 'result?year=2016&source=%ff' \
    'whatif?year=2016&without=%ff%fe' 'whatif?year=2016&set=%ff%fe:D' \
    'whatif?year=2016&set=WI:%c3' 'whatif?year=2016&%ff=1' \
    'whatif?year=2016&without=CA,%ed%a0%80' 'whatif?year=2016&without=%c0%af'; do
  fails "query not UTF-8: $q" 400 GET "/api/$q"
  grep -q 'not UTF-8 text' "$T/body" || bad "query not UTF-8: $q says so" "$(cat "$T/body")"
done
fails "a set code longer than any code" 400 GET \
  '/api/whatif?year=2016&set=AAAAAAAAAAAAAA%C3%A9:D'
fails "npv year past int" 400 POST /api/whatif \
  "$(j '{"year": 2016, "rule": "npv", "npv": 4294969312}')"
fails "npv year negative" 400 POST /api/whatif "$(j '{"year": 2016, "rule": "npv", "npv": -1}')"
same "npv year in range = tally whatif --npv-members" POST /api/whatif \
  "$(j '{"year": 2016, "rule": "npv", "npv": 2016}')" -- \
  whatif 2016 --rule npv --npv-members 2016 --json
# Two framings of one body (request smuggling): refused, not guessed.
raw() { # NAME WANT REQUEST (printf format): the status of a raw request
  python3 - "${URL##*:}" "$3" >"$T/raw" 2>&1 <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
d = b""
try:
    while b"\r\n\r\n" not in d or len(d) < 12:
        x = s.recv(65536)
        if not x:
            break
        d += x
    while True:  # the rest of the body, until the server closes
        x = s.recv(65536)
        if not x:
            break
        d += x
except OSError:
    pass
print(d.split(b"\r\n")[0].decode("latin-1"))
print(d.split(b"\r\n\r\n", 1)[-1].decode("latin-1"))
PY
  if head -n 1 "$T/raw" | grep -q "^HTTP/1.1 $2 "; then ok "$1 ($2)"
  else bad "$1" "$(head -c 300 "$T/raw")"; fi
}
raw "two Content-Length headers" 400 'POST /api/result HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 14\r\ncontent-length: 14\r\n\r\n{"year": 2016}'
grep -q 'more than one Content-Length' "$T/raw" || bad "two Content-Length headers say so" "$(cat "$T/raw")"
raw "two Content-Length headers that differ" 400 'POST /api/result HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 14\r\n\r\n{"year": 2016}'
raw "Content-Length and Transfer-Encoding" 400 'POST /api/result HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 14\r\nTransfer-Encoding: chunked\r\n\r\ne\r\n{"year": 2016}\r\n0\r\n\r\n'
raw "one Content-Length" 200 'POST /api/result HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 14\r\nConnection: close\r\n\r\n{"year": 2016}'
head -c 70000 /dev/zero | tr '\0' ' ' >"$T/big"
fails "oversized body (Content-Length)" 413 POST /api/whatif "$T/big"
if command -v curl >/dev/null 2>&1; then
  fails "oversized body (chunked)" 413 POST /api/whatif "$T/big" 'Transfer-Encoding: chunked'
fi
python3 -c 'print("[" * 30000 + "]" * 30000)' >"$T/deep"
fails "JSON nested 30000 deep" 400 POST /api/whatif "$T/deep"
fails "wrong method on an API route" 405 DELETE /api/result
if grep -qi '^allow: GET, HEAD, POST' "$T/headers"; then ok "405 names the methods allowed"
else bad "405 names the methods allowed" "$(cat "$T/headers")"; fi
fails "GET on a POST-only route" 405 GET /api/forecast
fails "PUT on the page" 405 PUT /index.html
fails "unknown path" 404 GET /api/nothing
fails "unknown file" 404 GET /secret.txt
for p in '/../../../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/api/../../etc/passwd' \
    '/index.html/../../etc/passwd' '//etc/passwd' '/..%2f..%2fetc%2fpasswd' \
    '/%2e%2e%5c%2e%2e%5cetc%5cpasswd' '/app.js%00.html'; do
  fails "path traversal $p" 404 GET "$p"
done
fails "a foreign Host (DNS rebinding)" 403 GET /api/years "" 'Host: attacker.example'
req GET /api/years "" 'Host: localhost:1'
if [ "$(cat "$T/code")" = 200 ]; then ok "Host localhost accepted"; else bad "Host localhost accepted"; fi

# ---- still alive after all that ----
req GET /api/years
if [ "$(cat "$T/code")" = 200 ] && kill -0 "$pid" 2>/dev/null; then ok "the server survived"
else bad "the server survived"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
