cmd: umask 022 && printf x > $T/f && chmod 640 $T/f && tally result 2016 --out $T/f && stat -c %a $T/f && head -n 1 $T/f
exit: 0
--- stdout
640
2016 presidential election · source: MEDSL
