# An outright Trump win needs one more elector than the tie set: NE-2 joins AZ, GA, WI.
# The minimum is checked against brute force in tests/unit/test_analysis.c. MEDSL 2020.
cmd: tally flip 2020
exit: 0
--- stdout
2020 presidential election · source: MEDSL
Fewest votes for Donald Trump to win: 270 of 538 electors (a majority)
Votes move from Biden's side; electors as pledged (faithless electors aside).

Unit    EV  Held by          Margin Voters to switch
AZ      11  Biden            10,457            5,229
GA      16  Biden            11,779            5,890
NE-2     1  Biden            22,091           11,046
WI      10  Biden            20,682           10,342
Total   38                   65,009           32,507

Voters who switch (the minimum; half the margin plus one in each unit): 32,507
Sum of the margins in the same units: 65,009
Electors after: Joe Biden 268, Donald Trump 270
