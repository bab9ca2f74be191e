# Issue 12: the Greater Idaho movement's 13 whole Oregon counties join Idaho;
# the House reapportioned on the 2010 census: Idaho 3 seats, Minnesota 7.
cmd: tally whatif 2020 --move greater-idaho --reapportion
exit: 0
--- stdout-has
2020 presidential election · what if: move greater-idaho · reapportioned · source: MEDSL
  ID   Idaho                  ID+OR         57    1,783,664     6,906    1,790,570     3        5  Trump 5
  OR   Oregon                 OR            23    3,614,992    16,543    3,631,535     5        7  Biden 7
  MN       5,314,879       8 -> 7        10 -> 9  *
What-if: Joe Biden wins, 305 electoral votes cast of 538 (majority 270)
