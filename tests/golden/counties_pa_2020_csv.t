# Issue 11 done-when: 67 PA counties whose Biden and Trump sums equal the MEDSL county file's (3,458,229 / 3,377,674, summed from county_president_2000_2020_medsl.csv.gz), source named on each row.
# Green and Others are empty, not 0: MEDSL's 2020 county file has no Green or other rows for PA.
cmd: tally result 2020 --counties --state PA --csv | awk -F, 'NR == 1 || NR == 2 { print } NR > 1 { n++; d += $5; r += $6 } END { print n, d, r }'
exit: 0
--- stdout
year,fips,name,state,Joe Biden,Donald Trump,Jo Jorgensen,Green (unnamed),Others,total,margin_dem_minus_rep,dem_pct,rep_pct,source
2020,42001,Adams County,PA,18207,37523,810,,,56540,-19316,32.20,66.37,MEDSL County Presidential Election Returns 2000-2020 (doi:10.7910/DVN/VOQCHQ)
67 3458229 3377674
