# Issue 12: 2000 with Nader dropped and MI, NM forced to Bush: Bush 269, Gore 268; the 107th House elects Bush; the Senate, 50-50 at convening, chooses no Vice President.
cmd: tally whatif 2000 --drop Nader=D:45,R:20 --set MI=Bush --set NM=Bush
exit: 0
--- stdout
2000 presidential election · what if: drop Nader=D:45,R:20 · set MI=Bush · set NM=Bush · source: MEDSL
note: Maine has no district returns for 2000 in the data: its districts are settled by the electoral votes as cast
note: Nebraska has no district returns for 2000 in the data: its districts are settled by the electoral votes as cast
note: Ralph Nader dropped: of their 2,542,163 votes, 1,143,972 (45 %) go to Al Gore, 508,435 (20 %) to George W. Bush and 889,756 abstain (whole votes in each state and district, rounded half to even)
note: MI's electors set to George W. Bush
note: NM's electors set to George W. Bush

                                         Baseline                What-if
Popular vote
  Al Gore                              50,996,062             52,140,034
  George W. Bush                       50,456,169             50,964,604
  Ralph Nader                           2,542,163                      0
  Total                               105,386,829            104,497,073
  Lead                              Gore +539,893        Gore +1,175,430
Electors pledged
  Al Gore                          267 (266 cast)         269 (268 cast)
  George W. Bush                              271                    269
  Appointed                                   538                    538
  Majority                                    270                    270
  Winner                                     Bush        none: the House

Baseline: George W. Bush wins, 271 electoral votes cast of 538 (majority 270)
What-if: no majority (270 of 538 needed): contingent election in the House (one vote per state delegation) among George W. Bush (269) and Al Gore (268)
House of the 107th Congress (delegations as it convened in 2001): one vote per state, 26 of 50 needed
  George W. Bush 28, Al Gore 17
  no vote: 5 tied or split (CT, IL, MD, NV, VT)
  The House elects George W. Bush President
Senate of the 107th Congress (50 R, 50 D, 0 other as it convened): Vice President between the two highest, 51 of 100 needed
  Dick Cheney (Bush's running mate) 50, Joe Lieberman (Gore's running mate) 50
  No one has 51 senators: the Senate votes again
  (each delegation votes for its majority party's nominee, each senator for their party's running mate; the members as actually seated, whatever the what-if changed; source: data/congress.csv, data/running_mates.csv)

Changed: 3 states (electors or winner)
  FL  25 electors (Bush 25) -> 25 (Gore 25)
  MI  18 electors (Gore 18) -> 18 (Bush 18)
  NM   5 electors (Gore 5) ->  5 (Bush 5)
