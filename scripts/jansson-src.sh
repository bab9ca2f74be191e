#!/bin/sh
# jansson-src.sh -- puts Debian's jansson source package (the version of
# the installed libjansson-dev) unpacked in DIR (default
# /usr/local/src/tally-wasm), for `make web`, which compiles it to
# WebAssembly: Debian ships no wasm build of jansson. apt-get source runs
# with a private configuration (a deb-src entry, lists and cache in a
# temporary directory), so the system's apt setup is left untouched.
# Usage: scripts/jansson-src.sh [DIR]. Prints the source directory.
set -e
dir=${1:-/usr/local/src/tally-wasm}
ver=$(dpkg-query -W -f='${Version}' libjansson-dev)
up=${ver%-*}
if [ -f "$dir/jansson-$up/src/jansson.h" ]; then
  echo "$dir/jansson-$up"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/lists/partial" "$T/parts" "$T/cache/archives/partial" "$T/src"
cat > "$T/parts/tally-src.sources" <<EOS
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOS
o="-o Dir::Etc::sourceparts=$T/parts -o Dir::Etc::sourcelist=/dev/null"
o="$o -o Dir::State::Lists=$T/lists -o Dir::Cache=$T/cache"
o="$o -o APT::Sandbox::User=root"
apt-get $o update -q >/dev/null
(cd "$T/src" && apt-get $o source -q --download-only "jansson=$ver" >/dev/null)
mkdir -p "$dir"
rm -rf "$dir/jansson-$up"
# apt-get checked the files against the archive's signed index;
# dpkg-source (which has no Debian keyring of its own and says so)
# checks their sums and applies Debian's patches.
dpkg-source -x "$T/src/jansson_$ver.dsc" "$dir/jansson-$up" >/dev/null
echo "$dir/jansson-$up"
