# Acceptance (issue 4): WI, MI, PA; margins 22,748 + 10,704 + 44,292 = 77,744;
# 38,875 voters; Clinton 278 after. Counts: MEDSL 2016 (WI after its recount, WEC;
# MI Board of State Canvassers; PA Department of State).
cmd: tally flip 2016
exit: 0
--- stdout
2016 presidential election · source: MEDSL
Fewest votes for Hillary Clinton to win: 270 of 538 electors (a majority)
Votes move from Trump's side; electors as pledged (faithless electors aside).

Unit    EV  Held by          Margin Voters to switch
MI      16  Trump            10,704            5,353
PA      20  Trump            44,292           22,147
WI      10  Trump            22,748           11,375
Total   46                   77,744           38,875

Voters who switch (the minimum; half the margin plus one in each unit): 38,875
Sum of the margins in the same units: 77,744
Electors after: Hillary Clinton 278, Donald Trump 260
