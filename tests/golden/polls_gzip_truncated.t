cmd: gzip -c tests/data/polls_538_wide_2020.csv > $T/w.gz && head -c $(( $(wc -c < $T/w.gz) - 8 )) $T/w.gz > $T/cut.csv.gz && tally polls $T/cut.csv.gz
exit: 1
--- stderr-has
cut.csv.gz: read error: the gzip stream is cut short (truncated file)
