#!/bin/sh
# district_check.sh -- the district method computed apart from the library:
# awk over the committed tables (data/results.csv for each state's winner,
# data/district_results.csv for each district's), beside what `tally whatif
# YEAR --rule district --csv` gives. 2 electors to each state's plurality
# winner plus 1 to each district's; a state of one district and DC: 3 to
# the statewide winner. Prints per year "YEAR data D n R n | tally D n R n".
# Usage: sh tests/district_check.sh YEAR...   (from the repository root)
for y in "$@"; do
  data=$(awk -F, -v y="$y" '
    FNR == 1 { file++; next }
    file == 1 && $1 == y && $2 == "medsl" && $3 !~ /-/ {
      if ($5 == "Democratic") d[$3] += $6
      else if ($5 == "Republican") r[$3] += $6
      states[$3] = 1
    }
    file == 2 && $1 == y {
      split($2, p, "-"); n[p[1]]++
      if ($3 > $4) dd[p[1]]++; else if ($4 > $3) rd[p[1]]++
    }
    END {
      for (s in states) {
        w = (d[s] > r[s]) ? "D" : "R"
        if (s == "DC" || n[s] == 1) { ev[w] += 3; continue }
        ev[w] += 2; ev["D"] += dd[s]; ev["R"] += rd[s]
      }
      printf "D %d R %d", ev["D"], ev["R"]
    }' data/results.csv data/district_results.csv)
  got=$(tally whatif "$y" --rule district --csv | awk -F, '
    NR > 1 && $3 == "state" { ev[$7] += $9 }
    END { for (c in ev) if (ev[c] > 0) printf "%s %d\n", c, ev[c] }' |
    sort | awk -v y="$y" '
    { n = split($0, w, " "); v = w[n]; name = $0; sub(/ [0-9]+$/, "", name)
      if (name ~ /Obama|Clinton|Biden|Harris/) d = v; else r = v }
    END { printf "D %d R %d", d, r }')
  echo "$y data $data | tally $got"
done
