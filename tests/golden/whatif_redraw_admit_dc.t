# Issue 12: DC admitted as a state (the 23rd Amendment's electors end), the
# House reapportioned among 51 states: DC 1 seat, Minnesota loses one.
cmd: tally whatif 2020 --admit DC --reapportion
exit: 0
--- stdout-has
note: DC admitted as a state: the 23rd Amendment's electors end; its population is its 2010 census count (601723; no overseas population is allocated to DC), its votes its own return
  DC   District of Columbia   DC             1      601,723         0      601,723     1        3  Biden 3
  MN  10 electors (Biden 10) ->  9 (Biden 9)
What-if: Joe Biden wins, 305 electoral votes cast of 537 (majority 269)
