# Issue 3 acceptance: 2020 with a 2-point swing toward Biden: NC changes; Biden 321 - Trump 217.
cmd: tally whatif 2020 --swing +2
exit: 0
--- stdout
2020 presidential election · what if: swing +2 · source: MEDSL
note: uniform swing of 2 points in the two-party margin toward the Democrat (X = +2): in each unit round-half-even(X/200 x (D + R)) votes move from Donald Trump to Joe Biden (never more than there are); 1,554,849 votes moved over the states and DC

                                         Baseline                What-if
Popular vote
  Joe Biden                            81,268,908             82,823,757
  Donald Trump                         74,216,146             72,661,297
  Jo Jorgensen                          1,865,723              1,865,723
  Total                               158,406,295            158,406,295
  Lead                           Biden +7,052,762      Biden +10,162,460
Electors pledged
  Joe Biden                                   306                    321
  Donald Trump                                232                    217
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                    Biden                  Biden

Baseline: Joe Biden wins, 306 electoral votes cast of 538 (majority 270)
What-if: Joe Biden wins, 321 electoral votes cast of 538 (majority 270)

Changed: 1 state (electors or winner)
  NC  15 electors (Trump 15) -> 15 (Biden 15)
