# Huntington-Hill on the 1940, 1950 and 1960 populations reproduces every state's seats
# of record (census_seats_1790_2020.csv); Hamilton on 1880's differs in two states; 1850
# as CSV (California 2 seats of record).
cmd: for c in 1940 1950 1960; do tally apportion $c --method hh | grep '^Change'; done; tally apportion 1880 --method hamilton | grep -E '^(Change|MS|NY)'; tally apportion 1850 --csv | grep -E '^census|,CA,'
exit: 0
--- stdout
Change: against the seats as apportioned after the 1940 census; 0 states differ.
Change: against the seats as apportioned after the 1950 census; 0 states differ.
Change: against the seats as apportioned after the 1960 census; 0 states differ.
MS Mississippi               1,131,597      7      8      +1
NY New York                  5,082,871     34     33      -1
Change: against the seats as apportioned after the 1880 census; 2 states differ.
census,method,code,population,seats_of_record
1850,hamilton,CA,92597,2
