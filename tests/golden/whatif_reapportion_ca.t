# Issue 3 acceptance: the 2010 census's 435 seats among the 49 states left without CA (Huntington-Hill; the unit test checks the seats against its own computation).
cmd: tally whatif 2016 --without CA --reapportion
exit: 0
--- stdout
2016 presidential election · what if: without CA · reapportioned · source: MEDSL
note: without California (CA): its 55 electors and 14,181,595 votes leave the count
note: House of 435 seats reapportioned by huntington-hill on the 2010 census among the 49 states of this what-if: every state's electors are its seats + 2, DC's what it would have as a state, at most the least populous state's

                                         Baseline                What-if
Popular vote
  Hillary Clinton                      65,853,581             57,099,793
  Donald Trump                         62,985,062             58,501,252
  Gary Johnson                          4,244,326              3,765,826
  Jill Stein                            1,393,155              1,114,498
  Others                                1,267,850              1,147,111
  Total                               136,610,443            122,428,848
  Lead                         Clinton +2,868,519       Trump +1,401,459
Electors pledged
  Hillary Clinton                  232 (227 cast)         196 (191 cast)
  Donald Trump                     306 (304 cast)         340 (338 cast)
  Bernie Sanders                       0 (1 cast)             0 (1 cast)
  Colin Powell                         0 (3 cast)             0 (3 cast)
  Faith Spotted Eagle                  0 (1 cast)             0 (1 cast)
  John Kasich                          0 (1 cast)             0 (1 cast)
  Ron Paul                             0 (1 cast)             0 (1 cast)
  Appointed                                   538                    536
  Majority                                    270                    269
  Winner                                    Trump                  Trump

Baseline: Donald Trump wins, 304 electoral votes cast of 538 (majority 270)
What-if: Donald Trump wins, 338 electoral votes cast of 536 (majority 269)

Reapportionment (2010 census)
  State   Population        Seats       Electors
  AK         721,523       1 -> 1         3 -> 3
  AL       4,802,982       7 -> 8        9 -> 10  *
  AR       2,926,229       4 -> 5         6 -> 7  *
  AZ       6,412,700      9 -> 10       11 -> 12  *
  CO       5,044,930       7 -> 8        9 -> 10  *
  CT       3,581,628       5 -> 6         7 -> 8  *
  DC               -            -         3 -> 3
  DE         900,877       1 -> 2         3 -> 4  *
  FL      18,900,773     27 -> 30       29 -> 32  *
  GA       9,727,566     14 -> 16       16 -> 18  *
  HI       1,366,862       2 -> 2         4 -> 4
  IA       3,053,787       4 -> 5         6 -> 7  *
  ID       1,573,499       2 -> 3         4 -> 5  *
  IL      12,864,380     18 -> 21       20 -> 23  *
  IN       6,501,582      9 -> 10       11 -> 12  *
  KS       2,863,813       4 -> 5         6 -> 7  *
  KY       4,350,606       6 -> 7         8 -> 9  *
  LA       4,553,962       6 -> 7         8 -> 9  *
  MA       6,559,644      9 -> 10       11 -> 12  *
  MD       5,789,929       8 -> 9       10 -> 11  *
  ME       1,333,074       2 -> 2         4 -> 4
  MI       9,911,626     14 -> 16       16 -> 18  *
  MN       5,314,879       8 -> 9       10 -> 11  *
  MO       6,011,478      8 -> 10       10 -> 12  *
  MS       2,978,240       4 -> 5         6 -> 7  *
  MT         994,416       1 -> 2         3 -> 4  *
  NC       9,565,781     13 -> 15       15 -> 17  *
  ND         675,905       1 -> 1         3 -> 3
  NE       1,831,825       3 -> 3         5 -> 5
  NH       1,321,445       2 -> 2         4 -> 4
  NJ       8,807,501     12 -> 14       14 -> 16  *
  NM       2,067,273       3 -> 3         5 -> 5
  NV       2,709,432       4 -> 4         6 -> 6
  NY      19,421,055     27 -> 31       29 -> 33  *
  OH      11,568,495     16 -> 19       18 -> 21  *
  OK       3,764,882       5 -> 6         7 -> 8  *
  OR       3,848,606       5 -> 6         7 -> 8  *
  PA      12,734,905     18 -> 20       20 -> 22  *
  RI       1,055,247       2 -> 2         4 -> 4
  SC       4,645,975       7 -> 7         9 -> 9
  SD         819,761       1 -> 1         3 -> 3
  TN       6,375,431      9 -> 10       11 -> 12  *
  TX      25,268,418     36 -> 40       38 -> 42  *
  UT       2,770,765       4 -> 4         6 -> 6
  VA       8,037,736     11 -> 13       13 -> 15  *
  VT         630,337       1 -> 1         3 -> 3
  WA       6,753,369     10 -> 11       12 -> 13  *
  WI       5,698,230       8 -> 9       10 -> 11  *
  WV       1,859,815       3 -> 3         5 -> 5
  WY         568,300       1 -> 1         3 -> 3
  Total                       435

Changed: 35 states (electors or winner)
  AL   9 electors (Trump 9) -> 10 (Trump 10)
  AR   6 electors (Trump 6) ->  7 (Trump 7)
  AZ  11 electors (Trump 11) -> 12 (Trump 12)
  CA  55 electors (Clinton 55): left
  CO   9 electors (Clinton 9) -> 10 (Clinton 10)
  CT   7 electors (Clinton 7) ->  8 (Clinton 8)
  DE   3 electors (Clinton 3) ->  4 (Clinton 4)
  FL  29 electors (Trump 29) -> 32 (Trump 32)
  GA  16 electors (Trump 16) -> 18 (Trump 18)
  IA   6 electors (Trump 6) ->  7 (Trump 7)
  ID   4 electors (Trump 4) ->  5 (Trump 5)
  IL  20 electors (Clinton 20) -> 23 (Clinton 23)
  IN  11 electors (Trump 11) -> 12 (Trump 12)
  KS   6 electors (Trump 6) ->  7 (Trump 7)
  KY   8 electors (Trump 8) ->  9 (Trump 9)
  LA   8 electors (Trump 8) ->  9 (Trump 9)
  MA  11 electors (Clinton 11) -> 12 (Clinton 12)
  MD  10 electors (Clinton 10) -> 11 (Clinton 11)
  MI  16 electors (Trump 16) -> 18 (Trump 18)
  MN  10 electors (Clinton 10) -> 11 (Clinton 11)
  MO  10 electors (Trump 10) -> 12 (Trump 12)
  MS   6 electors (Trump 6) ->  7 (Trump 7)
  MT   3 electors (Trump 3) ->  4 (Trump 4)
  NC  15 electors (Trump 15) -> 17 (Trump 17)
  NJ  14 electors (Clinton 14) -> 16 (Clinton 16)
  NY  29 electors (Clinton 29) -> 33 (Clinton 33)
  OH  18 electors (Trump 18) -> 21 (Trump 21)
  OK   7 electors (Trump 7) ->  8 (Trump 8)
  OR   7 electors (Clinton 7) ->  8 (Clinton 8)
  PA  20 electors (Trump 20) -> 22 (Trump 22)
  TN  11 electors (Trump 11) -> 12 (Trump 12)
  TX  38 electors (Trump 38) -> 42 (Trump 42)
  VA  13 electors (Clinton 13) -> 15 (Clinton 15)
  WA  12 electors (Clinton 12) -> 13 (Clinton 13)
  WI  10 electors (Trump 10) -> 11 (Trump 11)
