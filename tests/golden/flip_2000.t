# Florida, 537 votes (MEDSL 2000 = Florida's certified margin): 269 voters switching.
cmd: tally flip 2000
exit: 0
--- stdout
2000 presidential election · source: MEDSL
Fewest votes for Al Gore to win: 270 of 538 electors (a majority)
Votes move from Bush's side; electors as pledged (faithless electors aside).

Unit    EV  Held by          Margin Voters to switch
FL      25  Bush                537              269
Total   25                      537              269

Voters who switch (the minimum; half the margin plus one in each unit): 269
Sum of the margins in the same units: 537
Electors after: Al Gore 292, George W. Bush 246
