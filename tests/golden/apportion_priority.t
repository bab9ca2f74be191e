cmd: tally apportion 2020 --priority
exit: 0
--- stdout-has
Priority list, 2020 census, huntington-hill method, 435 seats
Seats 1-50: one to each state.

 Seat  State State seat     Priority value
   51  CA             2     27,984,993.252
   52  TX             2     20,635,702.256
  435  MN             8        762,997.705

Last seat: 435, MN's 8th seat, priority 762,997.705
Next in line:
  NY  27th seat, priority 762,994.353: 89 people short
  OH  16th seat, priority 762,257.861: 11,462 people short
  TX  39th seat, priority 758,071.464: 189,645 people short
  FL  29th seat, priority 756,977.099: 171,561 people short
  AZ  10th seat, priority 754,616.742: 79,509 people short
