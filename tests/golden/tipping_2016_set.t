# Units set by a what-if are certain: first in the order, with no margin (not
# left out like units without returns, issue 10); the page's scenario.
cmd: tally tipping 2016 --set WI=Clinton --set MI=Clinton --set PA=Clinton | sed -n '3,5p;8,11p'
exit: 0
--- stdout
Tipping point: MN (Minnesota), D+1.52; it carries Hillary Clinton to 274 electors (a majority is 270)
National margin: D+2.10 (popular vote, Clinton vs. Trump)
Tilt of the College: R+0.58 (tipping point minus nation)
  #  Unit    EV    Margin  Cumulative
  1  MI      16       set          16
  2  PA      20       set          36
  3  WI      10       set          46
