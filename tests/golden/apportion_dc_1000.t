# Issue 10, the 23rd Amendment: with 1,000 seats on the 2010 census DC
# (601,723 residents, Census Bureau) would have 2 seats as a state, as
# Wyoming (568,300) has: DC has 4 electors, no more than Wyoming's 4.
cmd: tally apportion 2010 --seats 1000
exit: 0
--- stdout-has
WY Wyoming                     568,300      2         4         1      +1
DC District of Columbia              -      -         4
Electors = seats + 2; DC 4 (23rd Amendment: as a state, but no more than
