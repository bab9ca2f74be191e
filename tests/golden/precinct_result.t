cmd: tally result tests/data/precinct_2016_excerpt.csv --year 2016 --state MI
exit: 0
--- stdout
2016 · Michigan (MI) · source: precinct_2016_excerpt.csv

MI: 16 electors
  Candidate                    Party                         Votes    Share
  Hillary Clinton              Democratic                      260  34.99 %
  Donald Trump                 Republican                      419  56.39 %
  Gary Johnson                 Libertarian                      33   4.44 %
  Jill Stein                   Green                            10   1.35 %
  Evan Mcmullin                Other Party                       3   0.40 %
  Darrell Castle               Constitution                      2   0.27 %
  Michael Maturen              Independent                      16   2.15 %
  Total                                                        743
  Winner: Donald Trump by 159 votes (21.40 points)
--- stderr
