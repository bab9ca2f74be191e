#!/bin/sh
# run.sh -- tally's test runner: the Criterion unit tests, the golden CLI
# cases (tests/golden/*.t) and every extra suite tests/suite_*.sh (API,
# browser). Ends with one line "N passed, N failed" summing them all.
# Usage: sh tests/run.sh BUILD_DIR   (build or build/san)
B=${1:-build}
ROOT=$(pwd)
TALLY_BIN=$ROOT/$B/tally
export TALLY_BIN TALLY_BUILD="$ROOT/$B"
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# ---- a comma-decimal locale for tests/unit/test_locale.c ----
# de_DE.UTF-8 from the system (scripts/setup.sh test makes it), else made
# with localedef into the build directory (no root needed) and found
# through LOCPATH, for the unit tests only. Without either, the locale
# tests are skipped, and this says so.
unit_env=""
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if [ ! -d "$ROOT/$B/locale/de_DE.UTF-8" ] && command -v localedef >/dev/null 2>&1; then
    mkdir -p "$ROOT/$B/locale"
    localedef -i de_DE -f UTF-8 "$ROOT/$B/locale/de_DE.UTF-8" >/dev/null 2>&1
  fi
  if [ -d "$ROOT/$B/locale/de_DE.UTF-8" ]; then
    unit_env="LOCPATH=$ROOT/$B/locale"
  else
    echo "note: no de_DE.UTF-8 locale and localedef could not make one: the locale tests are skipped (scripts/setup.sh test)"
  fi
fi

# ---- unit tests (Criterion) ----
# Criterion cannot start under ThreadSanitizer ("Could not initialize
# inheritable arena", Snaipe/Criterion#274): a TSan build (build/tsan) runs
# the CLI and API suites, whose forecasts run on several threads.
case "$B" in
  */tsan|tsan) echo "unit: skipped under ThreadSanitizer (Criterion#274)" ;;
esac
if [ -x "$B/unit_tests" ] && [ "${B##*/}" != tsan ]; then
  env $unit_env "$B/unit_tests" --jobs 2 >"$T/unit.log" 2>&1
  ucode=$?
  cat "$T/unit.log" | grep -E '^\[(FAIL|----|====)\]|Assertion|ERROR|Sanitizer|runtime error' | head -n 200
  syn=$(grep 'Synthesis' "$T/unit.log" | tail -n 1)
  up=$(echo "$syn" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
  uf=$(echo "$syn" | sed -n 's/.*Failing: \([0-9]*\).*/\1/p')
  uc=$(echo "$syn" | sed -n 's/.*Crashing: \([0-9]*\).*/\1/p')
  up=${up:-0}; uf=${uf:-0}; uc=${uc:-0}
  if [ -z "$syn" ] || { [ "$ucode" -ne 0 ] && [ $((uf + uc)) -eq 0 ]; }; then
    echo "unit tests: runner failed (exit $ucode)"; tail -n 30 "$T/unit.log"; uf=$((uf + 1))
  fi
  echo "unit: $up passed, $((uf + uc)) failed"
  pass=$((pass + up)); fail=$((fail + uf + uc))
fi

# ---- golden CLI cases ----
# A case file has header lines `cmd: ...` (run by sh from the repo root with
# `tally` on PATH and $T a scratch directory) and `exit: N`, optionally
# `json: yes` (stdout must parse as JSON), then sections:
#   --- stdout       stdout must equal the section exactly
#   --- stdout-has   every line of the section must occur in stdout
#   --- stderr       stderr must equal the section exactly
#   --- stderr-has   every line must occur in stderr
# Without a stderr section, stderr must be empty.
mkdir -p "$T/bin"
ln -s "$TALLY_BIN" "$T/bin/tally"
gp=0
gf=0
for t in tests/golden/*.t; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .t)
  cmd=$(sed -n 's/^cmd: //p' "$t" | head -n 1)
  want_exit=$(sed -n 's/^exit: //p' "$t" | head -n 1)
  want_json=$(sed -n 's/^json: //p' "$t" | head -n 1)
  for s in stdout stdout-has stderr stderr-has; do
    awk -v sec="--- $s" '
      /^--- / { on = ($0 == sec); next }
      on { print }' "$t" >"$T/want.$s"
    if grep -q -x -e "--- $s" "$t"; then echo y >"$T/has.$s"; else rm -f "$T/has.$s"; fi
  done
  mkdir -p "$T/scratch"
  (cd "$ROOT" && PATH="$T/bin:$PATH" T="$T/scratch" sh -c "$cmd" \
      >"$T/out" 2>"$T/err" </dev/null)
  code=$?
  ok=1
  why=""
  if [ "$code" != "${want_exit:-0}" ]; then ok=0; why="exit $code, want ${want_exit:-0}"; fi
  if [ -f "$T/has.stdout" ] && ! cmp -s "$T/out" "$T/want.stdout"; then
    ok=0; why="$why; stdout differs"; diff "$T/want.stdout" "$T/out" | head -n 20 >"$T/diff"
  fi
  if [ -f "$T/has.stdout-has" ]; then
    while IFS= read -r line; do
      [ -z "$line" ] && continue
      if ! grep -qF -e "$line" "$T/out"; then ok=0; why="$why; stdout lacks: $line"; fi
    done <"$T/want.stdout-has"
  fi
  if [ -f "$T/has.stderr" ]; then
    if ! cmp -s "$T/err" "$T/want.stderr"; then ok=0; why="$why; stderr differs: $(head -c 300 "$T/err")"; fi
  elif [ -f "$T/has.stderr-has" ]; then
    while IFS= read -r line; do
      [ -z "$line" ] && continue
      if ! grep -qF -e "$line" "$T/err"; then ok=0; why="$why; stderr lacks: $line"; fi
    done <"$T/want.stderr-has"
  elif [ -s "$T/err" ]; then
    ok=0; why="$why; unexpected stderr: $(head -c 300 "$T/err")"
  fi
  if [ "$want_json" = yes ] && ! python3 -c 'import json,sys; json.load(sys.stdin)' <"$T/out" 2>/dev/null; then
    ok=0; why="$why; stdout is not JSON"
  fi
  if [ $ok = 1 ]; then
    gp=$((gp + 1))
  else
    gf=$((gf + 1))
    echo "FAIL golden/$name: $why"
    [ -f "$T/diff" ] && cat "$T/diff" && rm -f "$T/diff"
  fi
  rm -rf "$T/scratch"
done
echo "golden: $gp passed, $gf failed"
pass=$((pass + gp)); fail=$((fail + gf))

# ---- extra suites: each prints "N passed, N failed" as its last line ----
for s in tests/suite_*.sh; do
  [ -f "$s" ] || continue
  sh "$s" "$B" >"$T/suite.log" 2>&1
  scode=$?
  last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$T/suite.log" | tail -n 1)
  sp=$(echo "$last" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  sf=$(echo "$last" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  sp=${sp:-0}; sf=${sf:-0}
  if [ -z "$last" ] || { [ "$scode" -ne 0 ] && [ "$sf" -eq 0 ]; }; then sf=$((sf + 1)); fi
  if [ "$sf" -ne 0 ]; then tail -n 40 "$T/suite.log"; fi
  echo "$(basename "$s" .sh): $sp passed, $sf failed"
  pass=$((pass + sp)); fail=$((fail + sf))
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
