# Issue 12: --csv lists the states a redraw made (electors before 0), so
# summing the state rows' "after" gives the what-if's College (542).
cmd: tally whatif 2016 --split cal3 --reapportion --csv | awk -F, '$3 == "state" { a += $9 } $4 == "NCA" { print } END { print a }'
exit: 0
--- stdout
2016,MEDSL,state,NCA,0,20,Hillary Clinton,0,20
542
