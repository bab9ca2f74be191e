# Issue 3 acceptance: 2020 with a 2-point swing toward Trump: AZ, GA, PA, WI change; Trump 289 - Biden 249.
cmd: tally whatif 2020 --swing -2
exit: 0
--- stdout
2020 presidential election · what if: swing -2 · source: MEDSL
note: uniform swing of 2 points in the two-party margin toward the Republican (X = -2): in each unit round-half-even(X/200 x (D + R)) votes move from Joe Biden to Donald Trump (never more than there are); 1,554,849 votes moved over the states and DC

                                         Baseline                What-if
Popular vote
  Joe Biden                            81,268,908             79,714,059
  Donald Trump                         74,216,146             75,770,995
  Jo Jorgensen                          1,865,723              1,865,723
  Total                               158,406,295            158,406,295
  Lead                           Biden +7,052,762       Biden +3,943,064
Electors pledged
  Joe Biden                                   306                    249
  Donald Trump                                232                    289
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                    Biden                  Trump

Baseline: Joe Biden wins, 306 electoral votes cast of 538 (majority 270)
What-if: Donald Trump wins, 289 electoral votes cast of 538 (majority 270)

Changed: 4 states (electors or winner)
  AZ  11 electors (Biden 11) -> 11 (Trump 11)
  GA  16 electors (Biden 16) -> 16 (Trump 16)
  PA  20 electors (Biden 20) -> 20 (Trump 20)
  WI  10 electors (Biden 10) -> 10 (Trump 10)
