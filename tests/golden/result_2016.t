# Issue 2 acceptance: MEDSL national totals (fusion lines folded in),
# pledged 306-232, cast 304-227, the seven faithless electors.
cmd: tally result 2016
exit: 0
--- stdout-has
2016 presidential election · source: MEDSL
Hillary Clinton            Democratic         65,853,581  48.21 %      232   227
Donald Trump               Republican         62,985,062  46.11 %      306   304
Colin Powell                                           0   0.00 %        0     3
Bernie Sanders                                         0   0.00 %        0     1
John Kasich                                            0   0.00 %        0     1
Ron Paul                                               0   0.00 %        0     1
Faith Spotted Eagle                                    0   0.00 %        0     1
Electors: 538 appointed; a majority is 270
Winner: Donald Trump, 304 electoral votes cast (306 pledged)
Electors who voted otherwise than pledged (7):
  WA: 3 pledged to Hillary Clinton voted for Colin Powell
CA     55  Clinton           8,753,788    4,483,810    943,997    4,269,978    30.11
WI     10  Trump             1,382,536    1,405,284    188,330       22,748     0.76
MI     16  Trump             2,268,839    2,279,543    250,902       10,704     0.22
PA     20  Trump             2,926,441    2,970,733    218,228       44,292     0.72
ME-2    1  Trump
