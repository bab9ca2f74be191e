cmd: printf 'year,state_po,candidate,party_detailed,party_simplified,candidatevotes\n2012,VT,A,X,OTHER,1\n2016,VT,A,X,OTHER,1\n' > "$T/m.csv" && tally result "$T/m.csv"
exit: 1
--- stderr-has
: the file holds 2 elections (2012-2016); choose one with --year
