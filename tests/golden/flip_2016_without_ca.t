# The flip on a what-if: California leaves (483 electors, 242 a majority);
# Clinton then needs FL, MI and PA. MEDSL 2016.
cmd: tally flip 2016 --without CA
exit: 0
--- stdout
2016 presidential election · source: MEDSL
What-if: without CA
Fewest votes for Hillary Clinton to win: 242 of 483 electors (a majority)
Votes move from Trump's side; electors as pledged (faithless electors aside).

Unit    EV  Held by          Margin Voters to switch
FL      29  Trump           112,911           56,456
MI      16  Trump            10,704            5,353
PA      20  Trump            44,292           22,147
Total   65                  167,907           83,956

Voters who switch (the minimum; half the margin plus one in each unit): 83,956
Sum of the margins in the same units: 167,907
Electors after: Hillary Clinton 242, Donald Trump 241
