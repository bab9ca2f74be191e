# Issue 3 acceptance: proportional (Hamilton) 2016 gives no one 270; the House chooses among the top three by electoral votes cast. Issue 12: the House of the 115th Congress (32 R delegations, 17 D, ME tied) chooses Trump among Trump, Clinton and Johnson; the Senate Pence.
cmd: tally whatif 2016 --rule proportional-hamilton
exit: 0
--- stdout
2016 presidential election · what if: rule proportional-hamilton · source: MEDSL
note: rule: proportional, whole electors by largest remainders (Hamilton) on each state's votes; the unnamed "Others" get none

                                         Baseline                What-if
Popular vote
  Hillary Clinton                      65,853,581             65,853,581
  Donald Trump                         62,985,062             62,985,062
  Gary Johnson                          4,244,326              4,244,326
  Jill Stein                            1,393,155              1,393,155
  Others                                1,267,850              1,267,850
  Evan McMullin                           498,179                498,179
  Total                               136,610,443            136,610,443
  Lead                         Clinton +2,868,519     Clinton +2,868,519
Electors pledged
  Hillary Clinton                  232 (227 cast)         262 (257 cast)
  Donald Trump                     306 (304 cast)         262 (260 cast)
  Gary Johnson                                  0                     12
  Jill Stein                                    0                      1
  Evan McMullin                                 0                      1
  Bernie Sanders                       0 (1 cast)             0 (1 cast)
  Colin Powell                         0 (3 cast)             0 (3 cast)
  Faith Spotted Eagle                  0 (1 cast)             0 (1 cast)
  John Kasich                          0 (1 cast)             0 (1 cast)
  Ron Paul                             0 (1 cast)             0 (1 cast)
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                    Trump        none: the House

Baseline: Donald Trump wins, 304 electoral votes cast of 538 (majority 270)
What-if: no majority (270 of 538 needed): contingent election in the House (one vote per state delegation) among Donald Trump (260), Hillary Clinton (257) and Gary Johnson (12)
House of the 115th Congress (delegations as it convened in 2017): one vote per state, 26 of 50 needed
  Donald Trump 32, Hillary Clinton 17, Gary Johnson 0
  no vote: 1 tied or split (ME)
  The House elects Donald Trump President
Senate of the 115th Congress (52 R, 46 D, 2 other as it convened): Vice President between the two highest, 51 of 100 needed
  Mike Pence (Trump's running mate) 52, Tim Kaine (Clinton's running mate) 46
  The Senate elects Mike Pence Vice President
  (each delegation votes for its majority party's nominee, each senator for their party's running mate; the members as actually seated, whatever the what-if changed; source: data/congress.csv, data/running_mates.csv)

Changed: 50 states (electors or winner)
  AK   3 electors (Trump 3) ->  3 (Clinton 1, Trump 2)
  AL   9 electors (Trump 9) ->  9 (Clinton 3, Trump 6)
  AR   6 electors (Trump 6) ->  6 (Clinton 2, Trump 4)
  AZ  11 electors (Trump 11) -> 11 (Clinton 5, Trump 5, Johnson 1)
  CA  55 electors (Clinton 55) -> 55 (Clinton 34, Trump 18, Johnson 2, Stein 1)
  CO   9 electors (Clinton 9) ->  9 (Clinton 4, Trump 4, Johnson 1)
  CT   7 electors (Clinton 7) ->  7 (Clinton 4, Trump 3)
  DE   3 electors (Clinton 3) ->  3 (Clinton 2, Trump 1)
  FL  29 electors (Trump 29) -> 29 (Clinton 14, Trump 14, Johnson 1)
  GA  16 electors (Trump 16) -> 16 (Clinton 7, Trump 8, Johnson 1)
  HI   4 electors (Clinton 4) ->  4 (Clinton 3, Trump 1)
  IA   6 electors (Trump 6) ->  6 (Clinton 3, Trump 3)
  ID   4 electors (Trump 4) ->  4 (Clinton 1, Trump 3)
  IL  20 electors (Clinton 20) -> 20 (Clinton 11, Trump 8, Johnson 1)
  IN  11 electors (Trump 11) -> 11 (Clinton 4, Trump 6, Johnson 1)
  KS   6 electors (Trump 6) ->  6 (Clinton 2, Trump 4)
  KY   8 electors (Trump 8) ->  8 (Clinton 3, Trump 5)
  LA   8 electors (Trump 8) ->  8 (Clinton 3, Trump 5)
  MA  11 electors (Clinton 11) -> 11 (Clinton 7, Trump 4)
  MD  10 electors (Clinton 10) -> 10 (Clinton 6, Trump 4)
  ME   4 electors (Clinton 3, Trump 1) ->  4 (Clinton 2, Trump 2)
  MI  16 electors (Trump 16) -> 16 (Clinton 8, Trump 8)
  MN  10 electors (Clinton 10) -> 10 (Clinton 5, Trump 5)
  MO  10 electors (Trump 10) -> 10 (Clinton 4, Trump 6)
  MS   6 electors (Trump 6) ->  6 (Clinton 2, Trump 4)
  MT   3 electors (Trump 3) ->  3 (Clinton 1, Trump 2)
  NC  15 electors (Trump 15) -> 15 (Clinton 7, Trump 8)
  ND   3 electors (Trump 3) ->  3 (Clinton 1, Trump 2)
  NE   5 electors (Trump 5) ->  5 (Clinton 2, Trump 3)
  NH   4 electors (Clinton 4) ->  4 (Clinton 2, Trump 2)
  NJ  14 electors (Clinton 14) -> 14 (Clinton 8, Trump 6)
  NM   5 electors (Clinton 5) ->  5 (Clinton 2, Trump 2, Johnson 1)
  NV   6 electors (Clinton 6) ->  6 (Clinton 3, Trump 3)
  NY  29 electors (Clinton 29) -> 29 (Clinton 17, Trump 11, Johnson 1)
  OH  18 electors (Trump 18) -> 18 (Clinton 8, Trump 10)
  OK   7 electors (Trump 7) ->  7 (Clinton 2, Trump 5)
  OR   7 electors (Clinton 7) ->  7 (Clinton 4, Trump 3)
  PA  20 electors (Trump 20) -> 20 (Clinton 10, Trump 10)
  RI   4 electors (Clinton 4) ->  4 (Clinton 2, Trump 2)
  SC   9 electors (Trump 9) ->  9 (Clinton 4, Trump 5)
  SD   3 electors (Trump 3) ->  3 (Clinton 1, Trump 2)
  TN  11 electors (Trump 11) -> 11 (Clinton 4, Trump 7)
  TX  38 electors (Trump 38) -> 38 (Clinton 17, Trump 20, Johnson 1)
  UT   6 electors (Trump 6) ->  6 (Clinton 2, Trump 3, McMullin 1)
  VA  13 electors (Clinton 13) -> 13 (Clinton 7, Trump 6)
  VT   3 electors (Clinton 3) ->  3 (Clinton 2, Trump 1)
  WA  12 electors (Clinton 12) -> 12 (Clinton 6, Trump 5, Johnson 1)
  WI  10 electors (Trump 10) -> 10 (Clinton 5, Trump 5)
  WV   5 electors (Trump 5) ->  5 (Clinton 1, Trump 4)
  WY   3 electors (Trump 3) ->  3 (Clinton 1, Trump 2)
