cmd: printf x > $T/target && ln -s target $T/link && tally result 2016 --out $T/link && test -L $T/link && readlink $T/link && head -n 1 $T/target
exit: 0
--- stdout
target
2016 presidential election · source: MEDSL
