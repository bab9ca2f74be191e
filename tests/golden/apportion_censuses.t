cmd: for y in 1970 1980 1990 2000 2010 2020; do tally apportion $y | tail -n 1; done
exit: 0
--- stdout
Every state's seats equal the Census Bureau's 1970 apportionment.
Every state's seats equal the Census Bureau's 1980 apportionment.
Every state's seats equal the Census Bureau's 1990 apportionment.
Every state's seats equal the Census Bureau's 2000 apportionment.
Every state's seats equal the Census Bureau's 2010 apportionment.
Every state's seats equal the Census Bureau's 2020 apportionment.
