# 1876: the fewest voters whose switch would have made Tilden President (state votes: UCSB via ../shared/data/president_state_1789_2020_clavesi.csv).
cmd: tally flip 1876
exit: 0
--- stdout
1876 presidential election · source: UCSB American Presidency Project
Fewest votes for Samuel Tilden to win: 185 of 369 electors (a majority)
Votes move from Hayes's side; electors as pledged (faithless electors aside).

Unit    EV  Held by          Margin Voters to switch
SC       7  Hayes               889              445
Total    7                      889              445

Voters who switch (the minimum; half the margin plus one in each unit): 445
Sum of the margins in the same units: 889
Electors after: Samuel Tilden 191, Rutherford B. Hayes 178
