cmd: mkfifo $T/p && { cat $T/p > $T/got & } && tally result 2016 --out $T/p && wait && test -p $T/p && head -n 1 $T/got && ls $T
exit: 0
--- stdout
2016 presidential election · source: MEDSL
got
p
