# Acceptance (issue 4): AZ, GA, WI, 42,918 in margins, 269-269. Counts: MEDSL 2020
# (AZ SoS, GA SoS after the hand recount, WI after the Milwaukee/Dane recount).
cmd: tally flip 2020 --target tie
exit: 0
--- stdout
2020 presidential election · source: MEDSL
Fewest votes for a tie: Donald Trump gets 269 of 538 electors, no one a majority
Votes move from Biden's side; electors as pledged (faithless electors aside).

Unit    EV  Held by          Margin Voters to switch
AZ      11  Biden            10,457            5,229
GA      16  Biden            11,779            5,890
WI      10  Biden            20,682           10,342
Total   37                   42,918           21,461

Voters who switch (the minimum; half the margin plus one in each unit): 21,461
Sum of the margins in the same units: 42,918
Electors after: Joe Biden 269, Donald Trump 269
