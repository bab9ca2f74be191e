# A file with CR-only line endings (as some exports have) reads the same.
cmd: tally result tests/data/cr_only.csv --csv
exit: 0
--- stdout
year,source,level,code,electors,winner,candidate,party,votes
2016,cr_only.csv,state,CA,55,Ann,Ann,A,10
2016,cr_only.csv,state,TX,38,Bob,Bob,B,5
