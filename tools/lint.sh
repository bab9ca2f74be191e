#!/bin/sh
# lint.sh -- banned calls (after curl's checksrc): in src/, cli/ and server/
# no atoi atol strtol sscanf sprintf strcpy strcat strtok gets rand; in src/
# also no malloc free printf fprintf exit abort (the one abort lives in
# TLY_ASSERT in src/internal.h).
status=0
common='\b(atoi|atol|strtol|sscanf|sprintf|strcpy|strcat|strtok|gets|rand)[[:space:]]*\('
libonly='(^|[^_[:alnum:]])(malloc|free|printf|fprintf|exit|abort)[[:space:]]*\('
for f in src/*.c src/*.h cli/*.c cli/*.h server/*.c server/*.h; do
  [ -f "$f" ] || continue
  if grep -nE "$common" "$f" | grep -v 'lint-ok'; then
    echo "lint: $f: banned call" >&2
    status=1
  fi
done
for f in src/*.c src/*.h; do
  [ -f "$f" ] || continue
  [ "$f" = src/internal.h ] && continue
  [ "$f" = src/mem.c ] && continue # the libc allocator lives here
  if grep -nE "$libonly" "$f" | grep -v 'lint-ok'; then
    echo "lint: $f: banned call in the library" >&2
    status=1
  fi
done
exit $status
