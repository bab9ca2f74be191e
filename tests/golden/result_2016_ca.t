# California 2016 (MEDSL = California SOS certified): 61.73 %, 55 electors.
cmd: tally result 2016 --state CA
exit: 0
--- stdout
2016 · California (CA) · source: MEDSL

CA: 55 electors
  Candidate                    Party                         Votes    Share
  Hillary Clinton              Democratic                8,753,788  61.73 %
  Donald Trump                 Republican                4,483,810  31.62 %
  Gary Johnson                 Libertarian                 478,500   3.37 %
  Jill Stein                   Green                       278,657   1.96 %
  Others                                                   120,739   0.85 %
  Gloria La Riva               Peace & Freedom              66,101   0.47 %
  Total                                                 14,181,595
  Winner: Hillary Clinton by 4,269,978 votes (30.11 points)
