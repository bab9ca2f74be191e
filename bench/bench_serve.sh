#!/bin/sh
# bench_serve.sh -- load check of `tally serve` on loopback, bounded in time
# (5 s a case): requests per second and latency for GET /api/result, for a
# what-if (POST /api/whatif: California leaves, House reapportioned) and,
# as the server's own ceiling, for a static file of the page served from
# memory. Uses wrk when installed (scripts/setup.sh bench), else a small
# keep-alive client in node (or when TALLY_BENCH_CLIENT=node). Fails when
# any request errs or is not 200.
# Usage: sh bench/bench_serve.sh BUILD_DIR [SECONDS]
B=${1:-build}
SECS=${2:-5}
T=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$B/tally" serve --port 0 --host 127.0.0.1 >"$T/out" 2>"$T/err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'listening on' "$T/out" 2>/dev/null; do
  sleep 0.1
  i=$((i + 1))
done
URL=$(sed -n 's/^tally serve: listening on \(http:[^ ]*\)\/$/\1/p' "$T/out")
[ -n "$URL" ] || { echo "bench_serve: the server did not start" >&2; exit 1; }
BODY='{"year": 2016, "without": ["CA"], "reapportion": true}'
CONNS=16
status=0

if command -v wrk >/dev/null 2>&1 && [ "${TALLY_BENCH_CLIENT:-}" != node ]; then
  cat >"$T/post.lua" <<EOF
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
EOF
  run() { # NAME PATH [LUA]
    wrk -t2 -c$CONNS -d${SECS}s --timeout 5s --latency ${3:+-s "$3"} "$URL$2" >"$T/wrk" 2>&1
    python3 - "$1" "$T/wrk" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
n = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
p50 = re.search(r"50%\s+(\S+)", text).group(1)
p99 = re.search(r"99%\s+(\S+)", text).group(1)
print(f"{name:44s} {rps:10.0f} req/s  {n:8d} requests  p50 {p50:>8s}  p99 {p99:>8s}  errors {errors}")
sys.exit(1 if errors else 0)
PY
  }
  tool="wrk, 2 threads, $CONNS connections"
else
  run() { # NAME PATH [POST]
    node - "$1" "$URL$2" "$SECS" "$CONNS" "${3:+$BODY}" <<'JS'
const http = require('http');
const [name, url, secs, conns, body] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: +conns });
const end = Date.now() + 1000 * secs;
let n = 0, errors = 0; const lat = [];
function one() {
  if (Date.now() >= end) return Promise.resolve();
  const t0 = process.hrtime.bigint();
  return new Promise((res) => {
    const r = http.request(url, { agent, method: body ? 'POST' : 'GET',
      headers: body ? { 'Content-Type': 'application/json' } : {} }, (rs) => {
      rs.on('data', () => {});
      rs.on('end', () => { n++; if (rs.statusCode !== 200) errors++;
        lat.push(Number(process.hrtime.bigint() - t0) / 1e6); res(); });
    });
    r.on('error', () => { errors++; res(); });
    if (body) r.write(body);
    r.end();
  }).then(one);
}
const t = Date.now();
Promise.all(Array.from({ length: +conns }, one)).then(() => {
  lat.sort((a, b) => a - b);
  const q = (p) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(2) + 'ms' : '-';
  const rps = n / ((Date.now() - t) / 1000);
  console.log(`${name.padEnd(44)} ${rps.toFixed(0).padStart(10)} req/s  ${String(n).padStart(8)} requests  p50 ${q(.5).padStart(8)}  p99 ${q(.99).padStart(8)}  errors ${errors}`);
  process.exit(errors ? 1 : 0);
});
JS
  }
  tool="node keep-alive client, $CONNS connections"
fi

echo "tally serve on loopback, ${SECS} s a case ($tool; $(nproc) CPUs)"
run "GET /api/result?year=2016" "/api/result?year=2016" || status=1
run "POST /api/whatif (CA leaves, reapportioned)" "/api/whatif" "$T/post.lua" || status=1
run "GET /app.js (static, from memory)" "/app.js" || status=1
kill -0 "$pid" 2>/dev/null || { echo "bench_serve: the server died" >&2; status=1; }
exit $status
