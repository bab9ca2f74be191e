#!/bin/sh
# suite_fuzz.sh -- replays the committed fuzzing corpora (fuzz/corpus/NAME/)
# through the harnesses fuzz/fuzz_NAME.c built with the ordinary compiler
# and fuzz/replay.c ($B/replay/fuzz_NAME, made by `make test`), with the
# allocations failing in turn (FZ_EACH_FAILURE: every one, or about 150
# evenly spaced when there are more): one test per file, passed
# when the harness's checks hold (no crash, no leak, TLY_ENOMEM when an
# allocation fails). Usage: sh tests/suite_fuzz.sh BUILD_DIR. Last line:
# "N passed, N failed".
B=${1:-build}
pass=0
fail=0
for dir in fuzz/corpus/*/; do
  name=$(basename "$dir")
  bin=$B/replay/fuzz_$name
  if [ ! -x "$bin" ]; then
    fail=$((fail + 1))
    echo "not ok - $name: no $bin (run make test)"
    continue
  fi
  for f in "$dir"*; do
    [ -f "$f" ] || continue
    if FZ_EACH_FAILURE=150 "$bin" "$f" >/dev/null 2>"${TMPDIR:-/tmp}/fuzz.$$"; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "not ok - $name: $f"
      head -n 20 "${TMPDIR:-/tmp}/fuzz.$$"
    fi
  done
done
rm -f "${TMPDIR:-/tmp}/fuzz.$$"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
