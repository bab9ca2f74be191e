cmd: tally apportion 1970 --method hamilton --seats 300 --csv
exit: 0
--- stdout-has
census,method,code,population,seats,electors,official_seats,change
1970,hamilton,CA,20098863,29,31,43,-14
1970,hamilton,DC,,0,3,0,0
