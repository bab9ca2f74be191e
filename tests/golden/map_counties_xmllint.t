# Both geographic maps pass xmllint's well-formedness check (libxml2).
cmd: tally map 2024 --counties --out "$T/c.svg" && tally map 2016 --geo --out "$T/g.svg" && if command -v xmllint >/dev/null; then xmllint --noout "$T/c.svg" "$T/g.svg" && echo ok; else python3 -c 'import sys, xml.dom.minidom as M; [M.parse(f) for f in sys.argv[1:]]; print("ok")' "$T/c.svg" "$T/g.svg"; fi
exit: 0
--- stdout
ok
