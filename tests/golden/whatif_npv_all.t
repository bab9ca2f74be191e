# Issue 3 acceptance: with every state in the NPV compact, Clinton (national popular-vote winner) gets all 538 electors.
cmd: tally whatif 2016 --rule npv --npv-members all
exit: 0
--- stdout
2016 presidential election · what if: rule npv (members: all) · source: MEDSL
note: rule: the National Popular Vote compact, members every state and DC (51, 538 electors); in force only when they hold a majority of the electors appointed

                                         Baseline                What-if
Popular vote
  Hillary Clinton                      65,853,581             65,853,581
  Donald Trump                         62,985,062             62,985,062
  Gary Johnson                          4,244,326              4,244,326
  Jill Stein                            1,393,155              1,393,155
  Others                                1,267,850              1,267,850
  Total                               136,610,443            136,610,443
  Lead                         Clinton +2,868,519     Clinton +2,868,519
Electors pledged
  Hillary Clinton                  232 (227 cast)         538 (533 cast)
  Donald Trump                     306 (304 cast)                      0
  Bernie Sanders                       0 (1 cast)             0 (1 cast)
  Colin Powell                         0 (3 cast)             0 (3 cast)
  Faith Spotted Eagle                  0 (1 cast)             0 (1 cast)
  John Kasich                          0 (1 cast)                      0
  Ron Paul                             0 (1 cast)                      0
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                    Trump                Clinton

Baseline: Donald Trump wins, 304 electoral votes cast of 538 (majority 270)
What-if: Hillary Clinton wins, 533 electoral votes cast of 538 (majority 270)
NPV compact in force: the members hold 538 electors (270 needed); all of them go to Hillary Clinton, the national popular-vote winner

Changed: 31 states (electors or winner)
  AK   3 electors (Trump 3) ->  3 (Clinton 3)
  AL   9 electors (Trump 9) ->  9 (Clinton 9)
  AR   6 electors (Trump 6) ->  6 (Clinton 6)
  AZ  11 electors (Trump 11) -> 11 (Clinton 11)
  FL  29 electors (Trump 29) -> 29 (Clinton 29)
  GA  16 electors (Trump 16) -> 16 (Clinton 16)
  IA   6 electors (Trump 6) ->  6 (Clinton 6)
  ID   4 electors (Trump 4) ->  4 (Clinton 4)
  IN  11 electors (Trump 11) -> 11 (Clinton 11)
  KS   6 electors (Trump 6) ->  6 (Clinton 6)
  KY   8 electors (Trump 8) ->  8 (Clinton 8)
  LA   8 electors (Trump 8) ->  8 (Clinton 8)
  ME   4 electors (Clinton 3, Trump 1) ->  4 (Clinton 4)
  MI  16 electors (Trump 16) -> 16 (Clinton 16)
  MO  10 electors (Trump 10) -> 10 (Clinton 10)
  MS   6 electors (Trump 6) ->  6 (Clinton 6)
  MT   3 electors (Trump 3) ->  3 (Clinton 3)
  NC  15 electors (Trump 15) -> 15 (Clinton 15)
  ND   3 electors (Trump 3) ->  3 (Clinton 3)
  NE   5 electors (Trump 5) ->  5 (Clinton 5)
  OH  18 electors (Trump 18) -> 18 (Clinton 18)
  OK   7 electors (Trump 7) ->  7 (Clinton 7)
  PA  20 electors (Trump 20) -> 20 (Clinton 20)
  SC   9 electors (Trump 9) ->  9 (Clinton 9)
  SD   3 electors (Trump 3) ->  3 (Clinton 3)
  TN  11 electors (Trump 11) -> 11 (Clinton 11)
  TX  38 electors (Trump 38) -> 38 (Clinton 38)
  UT   6 electors (Trump 6) ->  6 (Clinton 6)
  WI  10 electors (Trump 10) -> 10 (Clinton 10)
  WV   5 electors (Trump 5) ->  5 (Clinton 5)
  WY   3 electors (Trump 3) ->  3 (Clinton 3)
