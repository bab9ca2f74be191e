# Issue 12: Nader's votes 45 % to Gore, 20 % to Bush, the rest abstaining: Gore wins Florida (FEC 2000: Bush 2,912,790, Gore 2,912,253, Nader 97,488; Gore +43,870, Bush +19,497) and the Presidency.
cmd: tally whatif 2000 --drop Nader=D:45,R:20
exit: 0
--- stdout
2000 presidential election · what if: drop Nader=D:45,R:20 · source: MEDSL
note: Maine has no district returns for 2000 in the data: its districts are settled by the electoral votes as cast
note: Nebraska has no district returns for 2000 in the data: its districts are settled by the electoral votes as cast
note: Ralph Nader dropped: of their 2,542,163 votes, 1,143,972 (45 %) go to Al Gore, 508,435 (20 %) to George W. Bush and 889,756 abstain (whole votes in each state and district, rounded half to even)

                                         Baseline                What-if
Popular vote
  Al Gore                              50,996,062             52,140,034
  George W. Bush                       50,456,169             50,964,604
  Ralph Nader                           2,542,163                      0
  Total                               105,386,829            104,497,073
  Lead                              Gore +539,893        Gore +1,175,430
Electors pledged
  Al Gore                          267 (266 cast)         292 (291 cast)
  George W. Bush                              271                    246
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                     Bush                   Gore

Baseline: George W. Bush wins, 271 electoral votes cast of 538 (majority 270)
What-if: Al Gore wins, 291 electoral votes cast of 538 (majority 270)

Changed: 1 state (electors or winner)
  FL  25 electors (Bush 25) -> 25 (Gore 25)
