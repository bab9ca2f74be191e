cmd: gzip -c tests/data/polls_538_wide_2020.csv > $T/w.csv.gz && tally polls $T/w.csv.gz --csv > $T/a && tally polls tests/data/polls_538_wide_2020.csv --csv > $T/b && cmp $T/a $T/b && echo same
exit: 0
--- stdout
same
