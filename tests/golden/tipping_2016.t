# Acceptance (issue 4): Wisconsin, R+0.76; ME-2 is a unit of its own (without it the
# cumulative count reaches 270 only at PA). MEDSL 2016; national D+2.10 (2,868,519 of 136,610,443, Nevada's None of these candidates included).
cmd: tally tipping 2016
exit: 0
--- stdout
2016 presidential election · source: MEDSL
Tipping point: WI (Wisconsin), R+0.76; it carries Donald Trump to 270 electors (a majority is 270)
National margin: D+2.10 (popular vote, Trump vs. Clinton)
Tilt of the College: R+2.86 (tipping point minus nation)

Trump's units, largest margin first:
  #  Unit    EV    Margin  Cumulative
  1  NE-3     1   R+54.18           1
  2  WY       3   R+46.30           4
  3  WV       5   R+42.15           9
  4  OK       7   R+36.39          16
  5  ND       3   R+35.73          19
  6  ID       4   R+31.77          23
  7  KY       8   R+29.84          31
  8  SD       3   R+29.79          34
  9  AL       9   R+27.73          43
 10  AR       6   R+26.92          49
 11  TN      11   R+26.01          60
 12  NE       2   R+25.05          62
 13  NE-1     1   R+20.72          63
 14  KS       6   R+20.60          69
 15  MT       3   R+20.53          72
 16  LA       8   R+19.64          80
 17  IN      11   R+19.17          91
 18  MO      10   R+18.64         101
 19  UT       6   R+18.08         107
 20  MS       6   R+17.83         113
 21  AK       3   R+14.73         116
 22  SC       9   R+14.27         125
 23  ME-2     1   R+10.54         126
 24  IA       6    R+9.41         132
 25  TX      38    R+9.00         170
 26  OH      18    R+8.13         188
 27  GA      16    R+5.13         204
 28  NC      15    R+3.66         219
 29  AZ      11    R+3.55         230
 30  NE-2     1    R+2.24         231
 31  FL      29    R+1.20         260
 32  WI      10    R+0.76         270  <- tipping point
 33  PA      20    R+0.72         290
 34  MI      16    R+0.22         306
