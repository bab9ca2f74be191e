#!/bin/sh
# suite_install.sh -- `make install PREFIX=...` puts tally, libtally.a/.so,
# tally.h, tally.pc and tally.1 in place, and the README's library example
# builds against the installed files with pkg-config and prints the winner.
# Usage: sh tests/suite_install.sh BUILD_DIR. Last line: N passed, N failed.
B=${1:-build}
case $B in
  */san) san=1; build=${B%/san}; sflags="-fsanitize=address,undefined" ;;
  *) san=0; build=$B; sflags="" ;;
esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
check() {
  if [ "$1" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2"; fi
}
make -s install BUILD="$build" SAN="$san" PREFIX="$T/p" >"$T/log" 2>&1
check $? "make install: $(tail -n 5 "$T/log")"
for f in bin/tally lib/libtally.a lib/libtally.so include/tally.h \
         lib/pkgconfig/tally.pc share/man/man1/tally.1; do
  [ -s "$T/p/$f" ]
  check $? "installed $f"
done
cat >"$T/ex.c" <<'C'
#include <stdio.h>
#include <tally.h>

int main(void)
{
  tly_election *e = NULL;
  tly_outcome *o = NULL;
  tly_error err;
  if (tly_election_builtin(2016, TLY_SOURCE_MEDSL, NULL, &e, &err) != TLY_OK ||
      tly_college(e, &o, &err) != TLY_OK)
    fprintf(stderr, "%s\n", err.msg);
  else
    printf("%s\n", tly_election_candidate(e, tly_outcome_winner(o))->name);
  tly_outcome_free(o);
  tly_election_free(e);
  return 0;
}
C
PKG_CONFIG_PATH="$T/p/lib/pkgconfig" cc $sflags -std=c11 -Wall -Werror \
  $(PKG_CONFIG_PATH="$T/p/lib/pkgconfig" pkg-config --cflags tally) \
  -o "$T/ex" "$T/ex.c" \
  $(PKG_CONFIG_PATH="$T/p/lib/pkgconfig" pkg-config --libs --static tally) \
  2>"$T/cc.log"
check $? "README example builds with pkg-config: $(head -c 400 "$T/cc.log")"
[ "$(LD_LIBRARY_PATH="$T/p/lib" "$T/ex" 2>&1)" = "Donald Trump" ]
check $? "README example prints the 2016 winner"
man -l "$T/p/share/man/man1/tally.1" >/dev/null 2>&1 || \
  grep -q '^.SH "tally result"' "$T/p/share/man/man1/tally.1"
check $? "man page has the result section"
"$T/p/bin/tally" --help | grep -q '^  result'
check $? "installed tally runs"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
