cmd: umask 027 && tally result 2016 --out $T/new && stat -c %a $T/new
exit: 0
--- stdout
640
