#!/bin/sh
# setup.sh -- installs what tally needs on Debian 12, as root; otherwise
# stops with the exact command to run. `scripts/setup.sh` is enough to
# build; `scripts/setup.sh test` adds what the tests need (Chromium and
# playwright-core for the browser test, the de_DE.UTF-8 locale for the
# locale tests, numpy for the bench peer; cffi, pytest, pandas, numpy
# and venv for the Python package's tests; clang, lld, wasi-libc and
# jansson's Debian source for `make web`); `scripts/setup.sh fuzz` Debian's
# clang and its libFuzzer (make fuzz).
set -e
pkgs="gcc make libjansson-dev libmicrohttpd-dev zlib1g-dev"
if [ "$1" = test ] || [ "$1" = bench ]; then
  pkgs="$pkgs libcriterion-dev pkg-config python3 chromium nodejs npm locales"
  pkgs="$pkgs python3-cffi python3-pytest python3-pandas python3-numpy python3-venv python3-setuptools"
  pkgs="$pkgs clang lld wasi-libc libclang-rt-14-dev-wasm32 dpkg-dev"
fi
if [ "$1" = bench ]; then
  pkgs="$pkgs python3-numpy hyperfine wrk"
fi
if [ "$1" = fuzz ]; then
  pkgs="$pkgs clang libclang-rt-14-dev"
fi
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  # nodejs/npm may come from outside Debian (a machine image's own Node):
  # accept any working node and npm on PATH.
  m2=""
  for p in $missing; do
    case $p in
      nodejs) command -v node >/dev/null 2>&1 || m2="$m2 $p" ;;
      npm) command -v npm >/dev/null 2>&1 || m2="$m2 $p" ;;
      python3) command -v python3 >/dev/null 2>&1 || m2="$m2 $p" ;;
      *) m2="$m2 $p" ;;
    esac
  done
  missing=$m2
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing$missing" >&2
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
  else
    echo "setup: missing Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
  fi
fi
if [ "$1" = test ] && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  # A comma-decimal locale for the locale tests (tests/run.sh also makes
  # one in the build directory when it can).
  if [ "$(id -u)" = 0 ]; then
    localedef -i de_DE -f UTF-8 de_DE.UTF-8 || true
  fi
fi
if [ "$1" = test ] && [ ! -f /usr/local/src/tally-wasm/jansson-2.14/src/jansson.h ]; then
  # jansson's source for `make web` (no wasm build of it in Debian).
  if [ "$(id -u)" = 0 ]; then
    scripts/jansson-src.sh >/dev/null
  else
    echo "setup: run as root: scripts/jansson-src.sh" >&2
    exit 1
  fi
fi
if [ "$1" = test ] && [ -f tests/web/package.json ]; then
  if [ ! -d tests/web/node_modules/playwright-core ] || [ ! -d tests/web/node_modules/axe-core ]; then
    (cd tests/web && npm ci --no-audit --no-fund --silent)
  fi
fi
exit 0
