# Issue 10: Nevada's "None of these candidates" is a ballot line counted in
# the certified total (NRS 293.269): 1,125,385 votes, Clinton 47.92 %
# (Nevada Secretary of State; FEC "Federal Elections 2016"). It wins nothing.
cmd: tally result 2016 --state NV
exit: 0
--- stdout-has
  Hillary Clinton              Democratic                  539,260  47.92 %
  None of these candidates                                  28,863   2.56 %
  Total                                                  1,125,385
  Winner: Hillary Clinton by 27,202 votes (2.42 points)
