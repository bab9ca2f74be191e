# 1789: every elector chosen without a popular vote (no Voter column values); 1864: the 25 states
# counted (the Confederate states not), a majority of the 233 electors who voted (the record).
cmd: tally power 1789 | sed -n '2p;$p'; tally power 1864 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["majority"], d["electors"], len(d["units"]))'
exit: 0
--- stdout
Game: majority 35 of 69 electors, 10 units
Voter: - for every unit: no popular vote (the legislatures chose the electors).
117 233 25
