cmd: tally result tests/data/precinct_2016_excerpt.csv.gz --year 2016 --counties --state ME --csv
exit: 0
--- stdout
year,fips,name,state,Hillary Clinton,Donald Trump,Gary Johnson,Jill Stein,Others,total,margin_dem_minus_rep,dem_pct,rep_pct,source
2016,23000,(no county),ME,3249,714,220,112,17,4312,2535,75.35,16.56,"precinct_2016_excerpt.csv.gz (MEDSL precinct file: the TOTAL rows where present, else the sum of the mode rows)"
2016,23005,Cumberland County,ME,3184,1755,283,55,28,5305,1429,60.02,33.08,"precinct_2016_excerpt.csv.gz (MEDSL precinct file: the TOTAL rows where present, else the sum of the mode rows)"
--- stderr
tally: note: ME county sum differs from the state return (MEDSL): D -351302, R -333124
