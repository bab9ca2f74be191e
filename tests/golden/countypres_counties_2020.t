cmd: tally result tests/data/countypres_excerpt.csv --year 2020 --counties --csv
exit: 0
--- stdout
year,fips,name,state,JOSEPH R BIDEN JR,DONALD J TRUMP,JO JORGENSEN,Green line (unnamed),Others,total,margin_dem_minus_rep,dem_pct,rep_pct,source
2020,01001,Autauga County,AL,7503,19838,0,0,429,27770,-12335,27.02,71.44,"countypres_excerpt.csv (MEDSL county file: the TOTAL rows where present, else the sum of the mode rows)"
2020,13001,Appling County,GA,1779,6526,36,0,0,8341,-4747,21.33,78.24,"countypres_excerpt.csv (MEDSL county file: the TOTAL rows where present, else the sum of the mode rows)"
2020,29095,Jackson County,MO,199842,126535,4723,1376,587,333063,73307,60.00,37.99,"countypres_excerpt.csv (MEDSL county file: the TOTAL rows where present, else the sum of the mode rows)"
--- stderr
tally: note: AL county sum differs from the state return (MEDSL): D -842121, R -1421332
tally: note: GA county sum differs from the state return (MEDSL): D -2471854, R -2455328
tally: note: MO county sum differs from the state return (MEDSL): D -1053172, R -1592201
