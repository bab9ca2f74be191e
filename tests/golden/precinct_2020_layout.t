cmd: tally result tests/data/precinct_2020_layout.csv --counties --csv 2>/dev/null
exit: 0
--- stdout
year,fips,name,state,JOSEPH R BIDEN,DONALD J TRUMP,HOWIE HAWKINS,Others,total,margin_dem_minus_rep,dem_pct,rep_pct,source
2020,05001,Arkansas County,AR,19,33,1,0,53,-14,35.85,62.26,"precinct_2020_layout.csv (MEDSL precinct file: the TOTAL rows where present, else the sum of the mode rows)"
--- stderr
