# Issue 12: Perot's votes shared equally (38 % each): Clinton still wins every state he won.
cmd: tally whatif 1992 --drop Perot=D:38,R:38
exit: 0
--- stdout
1992 presidential election · what if: drop Perot=D:38,R:38 · source: MEDSL
note: Maine has no district returns for 1992 in the data: its districts are settled by the electoral votes as cast
note: Nebraska has no district returns for 1992 in the data: its districts are settled by the electoral votes as cast
note: Ross Perot dropped: of their 19,722,042 votes, 7,494,379 (38 %) go to Bill Clinton, 7,494,375 (38 %) to George H. W. Bush and 4,733,288 abstain (whole votes in each state and district, rounded half to even)

                                         Baseline                What-if
Popular vote
  Bill Clinton                         44,954,303             52,448,682
  George H. W. Bush                    39,103,872             46,598,247
  Ross Perot                           19,722,042                      0
  Total                               104,445,127             99,711,839
  Lead                         Clinton +5,850,431     Clinton +5,850,435
Electors pledged
  Bill Clinton                                370                    370
  George H. W. Bush                           168                    168
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                  Clinton                Clinton

Baseline: Bill Clinton wins, 370 electoral votes cast of 538 (majority 270)
What-if: Bill Clinton wins, 370 electoral votes cast of 538 (majority 270)

Changed: 0 states (electors or winner)
