#!/bin/sh
# suite_limits.sh -- tally serve's limits against a live server on loopback
# only (127.0.0.1 and 127.0.0.2), bounded in count and time (issue 10,
# items 15 and 16):
# - slowloris: 300 connections from one address that send a header line
#   every 0.2 s hold at most 32 slots (the per-address limit), a request
#   from another address answers meanwhile, and the slow ones are closed
#   once their request has not arrived whole within --timeout (2 s here),
#   although they never fall silent; then their own address is served;
# - heavy requests: with --threads 2 one forecast runs at a time, a second
#   one is answered 503 with Retry-After at once, and a cheap request
#   answers while the first computes; a forecast whose client has closed
#   is marked "(client gone)" in the log.
# Usage: sh tests/suite_limits.sh BUILD_DIR. Last line: "N passed, N failed".
B=${1:-build}
ROOT=$(pwd)
TALLY=${TALLY_BIN:-$ROOT/$B/tally}
T=$(mktemp -d)
pass=0
fail=0
pid=""
cleanup() {
  if [ -n "$pid" ]; then # SIGTERM waits for a running forecast: at most 3 s
    kill "$pid" 2>/dev/null
    i=0
    while [ $i -lt 30 ] && kill -0 "$pid" 2>/dev/null; do
      sleep 0.1
      i=$((i + 1))
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "$2" ] && echo "  $2"; }
# Tallies the "ok - " / "not ok - " lines a python check printed.
tally_lines() {
  cat "$1"
  pass=$((pass + $(grep -c '^ok - ' "$1")))
  fail=$((fail + $(grep -c '^not ok - ' "$1")))
  grep -q '^\(not \)\{0,1\}ok - ' "$1" || bad "$2" "$(tail -n 5 "$1")"
}

"$TALLY" serve --port 0 --timeout 2 --threads 2 --log >"$T/serve.out" \
  2>"$T/serve.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'listening on' "$T/serve.out" 2>/dev/null; do
  sleep 0.1
  i=$((i + 1))
done
PORT=$(sed -n 's/^tally serve: listening on http:\/\/127\.0\.0\.1:\([0-9]*\)\/$/\1/p' \
  "$T/serve.out")
if [ -z "$PORT" ]; then
  bad "server started" "$(cat "$T/serve.err")"
  echo "$pass passed, $fail failed"
  exit 1
fi
ok "server started on port $PORT (--timeout 2, --threads 2)"

# ---- slowloris: 300 slow connections from 127.0.0.1, at most 6 s ----
python3 - "$PORT" >"$T/slow" 2>&1 <<'PY'
import http.client, select, socket, sys, time

port, n_slow, per_address, timeout_s = int(sys.argv[1]), 300, 32, 2

def get(source, path="/api/years"):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=3,
                                   source_address=(source, 0))
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status
    except OSError as e:
        return repr(e)
    finally:
        c.close()

def check(cond, name, detail=""):
    print(("ok - " if cond else "not ok - ") + name)
    if not cond and detail:
        print("  " + detail)

t0 = time.monotonic()
slow = []
for _ in range(n_slow):
    s = socket.socket()
    s.settimeout(2)
    try:
        s.bind(("127.0.0.1", 0))
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET /api/years HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        s.setblocking(False)
        slow.append(s)
    except OSError:
        s.close()

def closed(s):
    """The server never answers these: readable means it closed."""
    r, _, _ = select.select([s], [], [], 0)
    if not r:
        return False
    try:
        return s.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True

def trickle():
    for s in list(slow):
        if closed(s):
            slow.remove(s)
            s.close()
            continue
        try:
            s.send(b"X-Slow: 1\r\n")
        except BlockingIOError:
            pass
        except OSError:
            slow.remove(s)
            s.close()

while time.monotonic() - t0 < 0.6:
    trickle()
    time.sleep(0.2)
other = get("127.0.0.2")
check(other == 200, "a request from 127.0.0.2 answers while 300 slow "
      "connections from 127.0.0.1 are open", "got %r" % (other,))
while time.monotonic() - t0 < 1.0:
    trickle()
    time.sleep(0.2)
trickle()
check(0 < len(slow) <= per_address, "at most %d slow connections held "
      "from one address" % per_address, "%d held" % len(slow))
while slow and time.monotonic() - t0 < timeout_s + 4:
    trickle()
    time.sleep(0.2)
check(not slow, "slow connections closed when their request had not "
      "arrived within %d s, though they kept sending" % timeout_s,
      "%d still open after %.1f s" % (len(slow), time.monotonic() - t0))
for s in slow:
    s.close()
own = get("127.0.0.1")
check(own == 200, "then 127.0.0.1 is served again", "got %r" % (own,))
PY
tally_lines "$T/slow" "the slowloris check ran"

# ---- heavy requests: one forecast at a time with --threads 2 ----
# An exact forecast with Student-t errors and regions: seconds of work,
# so the second one arrives while the first computes.
python3 -c '
import json, sys
json.dump({"model": open(sys.argv[1]).read(), "national_sd": 0.03,
           "region_sd": 0.02, "regions": "census4", "df": 3,
           "method": "exact", "sims": 1000}, open(sys.argv[2], "w"))' \
  tests/data/forecast_2024.csv "$T/heavy.json"
python3 - "$PORT" "$T/heavy.json" >"$T/heavy" 2>&1 <<'PY'
import http.client, json, socket, sys, time

port, body = int(sys.argv[1]), open(sys.argv[2], "rb").read()

def check(cond, name, detail=""):
    print(("ok - " if cond else "not ok - ") + name)
    if not cond and detail:
        print("  " + detail)

first = socket.create_connection(("127.0.0.1", port), timeout=5)
first.sendall(b"POST /api/forecast HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
              % len(body) + body)
time.sleep(0.3)
c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
try:
    c.request("POST", "/api/forecast", body,
              {"Content-Type": "application/json"})
    r = c.getresponse()
    status, retry, text = r.status, r.getheader("Retry-After"), r.read()
except OSError as e:
    status, retry, text = repr(e), None, b""
c.close()
try:
    err = json.loads(text)
except ValueError:
    err = {}
check(status == 503 and retry == "2" and err.get("status") == 503 and
      "at most 1 forecast" in err.get("error", ""),
      "a second forecast is answered 503 with Retry-After while one runs",
      "%r %r %r" % (status, retry, text[:200]))
c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
try:
    c.request("GET", "/api/result?year=2016")
    status = c.getresponse().status
except OSError as e:
    status = repr(e)
c.close()
check(status == 200, "a cheap request answers while a forecast runs",
      "got %r" % (status,))
first.close()  # the first client goes away before its answer
PY
tally_lines "$T/heavy" "the heavy-request check ran"
# The first forecast's client has gone: the log says so when it ends
# (at once when the library stops on it; else when it is done).
i=0
while [ $i -lt 600 ] && ! grep -q 'POST /api/forecast .*(client gone)' "$T/serve.err"; do
  sleep 0.1
  i=$((i + 1))
done
if grep -q 'POST /api/forecast .*(client gone)' "$T/serve.err"; then
  ok "a forecast whose client closed is known as gone"
else bad "a forecast whose client closed is known as gone" "$(tail -n 5 "$T/serve.err")"; fi

if kill -0 "$pid" 2>/dev/null; then ok "the server survived"
else bad "the server survived"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
