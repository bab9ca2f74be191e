# A tie is reported, then decided by --tie as state law would by lot.
cmd: printf 'year,unit,candidate,party,votes,electors\n2032,VT,Ann,A,5,3\n2032,VT,Bob,B,5,3\n2032,NH,Bob,B,1,2\n' > "$T/t.csv" && tally result "$T/t.csv" | grep -E 'Undecided|^VT|^No majority' && tally result "$T/t.csv" --tie VT=Ann | grep -E '^Winner|^VT'
exit: 0
--- stdout
Undecided: 3 electors of tied states (decide with --tie ST=CANDIDATE)
No majority: contingent election in the House (one vote per state delegation) among Bob (2)
VT      3  TIE                       5            5          0            0     0.00
Winner: Ann, 3 electoral votes cast (3 pledged)
VT      3  Ann                       5            5          0            0     0.00
