cmd: awk 'BEGIN { print "year,unit,candidate,party,votes"; for (i = 1; i <= 60000; i++) printf "2016,PA,Cand %d,P,%d\n", i, i; print "2016,NY,Cand 1,P,5" }' > $T/many.csv && tally result $T/many.csv | grep -E '^(Total|Cand 60000) '
exit: 0
--- stdout-has
Cand 60000                 P                      60,000
Total                                      1,800,030,005
