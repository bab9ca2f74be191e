# Issue 12: DC admitted as a state is drawn from its one county shape
# (11001) and labelled in its callout.
cmd: tally map 2020 --admit DC --reapportion --geo --out "$T/m.svg" && python3 tests/map_check.py "$T/m.svg"
exit: 0
--- stdout
states: 50 (grey: none)
DC: 1 shape; District of Columbia: 3 electors to Joe Biden (D), by 298,737 votes (86.75 points)
box DC District of Columbia: 3 electors to Joe Biden (D), by 298,737 votes (86.75 points)
