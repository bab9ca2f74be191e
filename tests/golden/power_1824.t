# Voting power in 1824 (electors and popular votes of ../shared/data/president_state_1789_2020_clavesi.csv,
# 24 states, 6 of them chose electors by their legislatures: no voter power, said in the table).
cmd: tally power 1824
exit: 0
--- stdout
Banzhaf index (normalized) · electors of the 1824 election · source: UCSB American Presidency Project
Game: majority 131 of 261 electors, 24 units

Unit    EV      Index Per elector   Voter     Votes cast
NY      36   0.150767       1.093       -              -
PA      28   0.109811       1.024   1.624         47,073
VA      24   0.092750       1.009   2.401         15,371
OH      16   0.060317       0.984   0.865         50,024
MA      15   0.056438       0.982   0.883         42,056
NC      15   0.056438       0.982   0.953         36,109
KY      14   0.052635       0.981   1.106         23,338
MD      11   0.041108       0.975   0.724         33,214
SC      11   0.041108       0.975       -              -
TN      11   0.041108       0.975   0.916         20,725
GA       9   0.033532       0.972       -              -
ME       9   0.033532       0.972   0.958         12,625
CT       8   0.029783       0.972   0.926         10,647
NH       8   0.029783       0.972   0.954         10,032
NJ       8   0.029783       0.972   0.679         19,837
VT       7   0.026036       0.971       -              -
AL       5   0.018560       0.969   0.511         13,603
IN       5   0.018560       0.969   0.473         15,838
LA       5   0.018560       0.969       -              -
RI       4   0.014850       0.969   0.984          2,344
DE       3   0.011136       0.969       -              -
IL       3   0.011136       0.969   0.523          4,671
MO       3   0.011136       0.969   0.610          3,432
MS       3   0.011136       0.969   0.511          4,894
Total  261   1.000000

Voter: - for the 6 units without a popular vote (the legislature chose
the electors); the average voter is over the units that voted.
