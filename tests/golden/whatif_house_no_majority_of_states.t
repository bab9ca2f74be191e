# Issue 12: TX and FL delegations given as split: Trump 25 of the 26 states needed; the House votes again and Pence, chosen by the Senate, acts as President (20th Amendment).
cmd: tally whatif 2020 --set AZ=Trump --set GA=Trump --set WI=Trump --delegation TX=split --delegation FL=split
exit: 0
--- stdout
2020 presidential election · what if: set AZ=Trump · set GA=Trump · set WI=Trump · delegation TX=split · delegation FL=split · source: MEDSL
note: AZ's electors set to Donald Trump
note: GA's electors set to Donald Trump
note: WI's electors set to Donald Trump

                                         Baseline                What-if
Popular vote
  Joe Biden                            81,268,908             81,268,908
  Donald Trump                         74,216,146             74,216,146
  Jo Jorgensen                          1,865,723              1,865,723
  Total                               158,406,295            158,406,295
  Lead                           Biden +7,052,762       Biden +7,052,762
Electors pledged
  Joe Biden                                   306                    269
  Donald Trump                                232                    269
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                    Biden        none: the House

Baseline: Joe Biden wins, 306 electoral votes cast of 538 (majority 270)
What-if: no majority (270 of 538 needed): contingent election in the House (one vote per state delegation) among Joe Biden (269) and Donald Trump (269)
House of the 117th Congress (delegations as it convened in 2021): one vote per state, 26 of 50 needed
  Joe Biden 20, Donald Trump 25
  no vote: 5 tied or split (FL, MI, MN, PA, TX)
  delegations as given: FL=split, TX=split
  No one has 26 states: the House votes again until one does; meanwhile the Vice President-elect, Mike Pence, acts as President (20th Amendment, section 3)
Senate of the 117th Congress (51 R, 46 D, 2 other, 1 vacant as it convened): Vice President between the two highest, 51 of 100 needed
  Kamala Harris (Biden's running mate) 46, Mike Pence (Trump's running mate) 51
  The Senate elects Mike Pence Vice President
  (each delegation votes for its majority party's nominee, each senator for their party's running mate; the members as actually seated, whatever the what-if changed; source: data/congress.csv, data/running_mates.csv)

Changed: 3 states (electors or winner)
  AZ  11 electors (Biden 11) -> 11 (Trump 11)
  GA  16 electors (Biden 16) -> 16 (Trump 16)
  WI  10 electors (Biden 10) -> 10 (Trump 10)
