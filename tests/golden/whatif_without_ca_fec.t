# Issue 3 acceptance: without CA (FEC certified), Trump leads the rest by 1,401,292; Trump 306 - Clinton 177 of 483, majority 242.
cmd: tally whatif 2016 --without CA --source fec
exit: 0
--- stdout
2016 presidential election · what if: without CA · source: FEC
note: FEC certified state totals list the two major nominees; all other candidates are "Others"; district returns are OpenElections-derived
note: without California (CA): its 55 electors and 14,181,604 votes leave the count

                                         Baseline                What-if
Popular vote
  Hillary Clinton                      65,853,514             57,099,722
  Donald Trump                         62,984,828             58,501,014
  Others                                7,830,934              6,886,936
  Total                               136,669,276            122,487,672
  Lead                         Clinton +2,868,686       Trump +1,401,292
Electors pledged
  Hillary Clinton                  232 (227 cast)         177 (172 cast)
  Donald Trump                     306 (304 cast)         306 (304 cast)
  Bernie Sanders                       0 (1 cast)             0 (1 cast)
  Colin Powell                         0 (3 cast)             0 (3 cast)
  Faith Spotted Eagle                  0 (1 cast)             0 (1 cast)
  John Kasich                          0 (1 cast)             0 (1 cast)
  Ron Paul                             0 (1 cast)             0 (1 cast)
  Appointed                                   538                    483
  Majority                                    270                    242
  Winner                                    Trump                  Trump

Baseline: Donald Trump wins, 304 electoral votes cast of 538 (majority 270)
What-if: Donald Trump wins, 304 electoral votes cast of 483 (majority 242)

Changed: 1 state (electors or winner)
  CA  55 electors (Clinton 55): left
