# Issue 11: `tally whatif 2024 --rule district` prints the College under the
# district method in all 50 states and DC (Trump 292, Harris 246), naming
# the source of the district results; ME's districts, which the state
# results lack for 2024, come from them.
cmd: tally whatif 2024 --rule district
exit: 0
--- stdout
2024 presidential election · what if: rule district · source: MEDSL; districts: The Downballot, presidential results by congressional district
note: Maine has no district returns for 2024 in the data: its districts are settled by the electoral votes as cast
note: districts of the 44 states of more than one seat: The Downballot, presidential results by congressional district; D and R votes only, others in the total
note: NE: the district returns of the state results
note: ME-1, ME-2: in this what-if their votes come from the district results (the state results have none)
note: rule: the district method: 2 electors to the statewide winner and 1 to each congressional district's, in every state (DC and the states of one seat whole)

                                         Baseline                What-if
Popular vote
  Donald Trump                         77,302,580             77,302,580
  Kamala Harris                        75,017,613             75,017,613
  Jill Stein                              861,161                861,161
  Total                               155,212,715            155,212,715
  Lead                           Trump +2,284,967       Trump +2,284,967
Electors pledged
  Donald Trump                                312                    292
  Kamala Harris                               226                    246
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                    Trump                  Trump

Baseline: Donald Trump wins, 312 electoral votes cast of 538 (majority 270)
What-if: Donald Trump wins, 292 electoral votes cast of 538 (majority 270)

Changed: 30 states (electors or winner)
  AL   9 electors (Trump 9) ->  9 (Trump 7, Harris 2)
  AZ  11 electors (Trump 11) -> 11 (Trump 8, Harris 3)
  CA  54 electors (Harris 54) -> 54 (Trump 11, Harris 43)
  CO  10 electors (Harris 10) -> 10 (Trump 4, Harris 6)
  FL  30 electors (Trump 30) -> 30 (Trump 22, Harris 8)
  GA  16 electors (Trump 16) -> 16 (Trump 11, Harris 5)
  IL  19 electors (Harris 19) -> 19 (Trump 3, Harris 16)
  IN  11 electors (Trump 11) -> 11 (Trump 9, Harris 2)
  KS   6 electors (Trump 6) ->  6 (Trump 5, Harris 1)
  KY   8 electors (Trump 8) ->  8 (Trump 7, Harris 1)
  LA   8 electors (Trump 8) ->  8 (Trump 6, Harris 2)
  MD  10 electors (Harris 10) -> 10 (Trump 1, Harris 9)
  MI  15 electors (Trump 15) -> 15 (Trump 10, Harris 5)
  MN  10 electors (Harris 10) -> 10 (Trump 4, Harris 6)
  MO  10 electors (Trump 10) -> 10 (Trump 8, Harris 2)
  MS   6 electors (Trump 6) ->  6 (Trump 5, Harris 1)
  NC  16 electors (Trump 16) -> 16 (Trump 13, Harris 3)
  NJ  14 electors (Harris 14) -> 14 (Trump 4, Harris 10)
  NM   5 electors (Harris 5) ->  5 (Trump 1, Harris 4)
  NV   6 electors (Trump 6) ->  6 (Trump 4, Harris 2)
  NY  28 electors (Harris 28) -> 28 (Trump 7, Harris 21)
  OH  17 electors (Trump 17) -> 17 (Trump 13, Harris 4)
  OR   8 electors (Harris 8) ->  8 (Trump 1, Harris 7)
  PA  19 electors (Trump 19) -> 19 (Trump 11, Harris 8)
  SC   9 electors (Trump 9) ->  9 (Trump 8, Harris 1)
  TN  11 electors (Trump 11) -> 11 (Trump 10, Harris 1)
  TX  40 electors (Trump 40) -> 40 (Trump 29, Harris 11)
  VA  13 electors (Harris 13) -> 13 (Trump 5, Harris 8)
  WA  12 electors (Harris 12) -> 12 (Trump 3, Harris 9)
  WI  10 electors (Trump 10) -> 10 (Trump 8, Harris 2)
