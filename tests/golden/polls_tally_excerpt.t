cmd: tally polls tests/data/polls_tally_2016.csv --as-of 2016-10-31
exit: 0
--- stdout
Polls: tests/data/polls_tally_2016.csv (tally's poll table), cycle 2016, as of 2016-10-31
Source: FiveThirtyEight poll data, CC BY 4.0; 23 questions asking both nominees read, 0 without both left out

Unit    Dem 2p     SD  Polls  Pollsters  First       Last        Method
AK      43.24%   3.06      0          0  -           -           uniform swing (no polls)
AL      39.34%   3.06      0          0  -           -           uniform swing (no polls)
AR      38.40%   3.06      0          0  -           -           uniform swing (no polls)
AZ      45.94%   3.06      0          0  -           -           uniform swing (no polls)
CA      62.43%   3.06      0          0  -           -           uniform swing (no polls)
CO      53.30%   3.06      0          0  -           -           uniform swing (no polls)
CT      59.33%   3.06      0          0  -           -           uniform swing (no polls)
DC      93.14%   3.06      0          0  -           -           uniform swing (no polls)
DE      60.00%   3.06      0          0  -           -           uniform swing (no polls)
FL      51.00%   3.06      0          0  -           -           uniform swing (no polls)
GA      46.60%   3.06      0          0  -           -           uniform swing (no polls)
HI      72.26%   3.06      0          0  -           -           uniform swing (no polls)
IA      53.52%   3.06      0          0  -           -           uniform swing (no polls)
ID      34.13%   3.06      0          0  -           -           uniform swing (no polls)
IL      59.13%   3.06      0          0  -           -           uniform swing (no polls)
IN      45.36%   3.06      0          0  -           -           uniform swing (no polls)
KS      39.44%   3.06      0          0  -           -           uniform swing (no polls)
KY      39.01%   3.06      0          0  -           -           uniform swing (no polls)
LA      41.81%   3.06      0          0  -           -           uniform swing (no polls)
MA      62.34%   3.06      0          0  -           -           uniform swing (no polls)
MD      63.88%   3.06      0          0  -           -           uniform swing (no polls)
ME      58.42%   3.06      0          0  -           -           uniform swing (no polls)
ME-1    61.44%   3.06      0          0  -           -           uniform swing (no polls)
ME-2    54.92%   3.06      0          0  -           -           uniform swing (no polls)
MI      55.36%   3.06      0          0  -           -           uniform swing (no polls)
MN      54.50%   3.06      0          0  -           -           uniform swing (no polls)
MO      45.78%   3.06      0          0  -           -           uniform swing (no polls)
MS      44.75%   3.06      0          0  -           -           uniform swing (no polls)
MT      43.52%   3.06      0          0  -           -           uniform swing (no polls)
NC      49.52%   3.06      0          0  -           -           uniform swing (no polls)
ND      40.44%   3.06      0          0  -           -           uniform swing (no polls)
NE      39.43%   3.06      0          0  -           -           uniform swing (no polls)
NH      54.84%   2.25      2          2  2016-10-20  2016-10-30  polls
NJ      59.51%   3.06      0          0  -           -           uniform swing (no polls)
NM      55.85%   3.06      0          0  -           -           uniform swing (no polls)
NV      48.91%   2.25      2          2  2016-10-20  2016-10-30  polls
NY      64.83%   3.06      0          0  -           -           uniform swing (no polls)
OH      52.07%   3.06      0          0  -           -           uniform swing (no polls)
OK      33.78%   3.06      0          0  -           -           uniform swing (no polls)
OR      56.83%   3.06      0          0  -           -           uniform swing (no polls)
PA      53.29%   3.06      0          0  -           -           uniform swing (no polls)
RI      64.57%   3.06      0          0  -           -           uniform swing (no polls)
SC      45.25%   3.06      0          0  -           -           uniform swing (no polls)
SD      41.34%   3.06      0          0  -           -           uniform swing (no polls)
TN      40.20%   3.06      0          0  -           -           uniform swing (no polls)
TX      42.55%   3.06      0          0  -           -           uniform swing (no polls)
UT      25.93%   3.06      0          0  -           -           uniform swing (no polls)
VA      52.52%   3.06      0          0  -           -           uniform swing (no polls)
VT      68.80%   3.06      0          0  -           -           uniform swing (no polls)
WA      58.18%   3.06      0          0  -           -           uniform swing (no polls)
WI      54.02%   3.06      0          0  -           -           uniform swing (no polls)
WV      36.88%   3.06      0          0  -           -           uniform swing (no polls)
WY      29.40%   3.06      0          0  -           -           uniform swing (no polls)

Recommended national sd (shared by all units): 0.0133 (1.33 points; the sd of a Student-t with df 9)

Method:
  Source: FiveThirtyEight poll data (CC BY 4.0), tally's poll table.
  Polls: those ending in the 21 days 2016-10-11 to 2016-10-31; one value per
    poll: its question of the most preferred population (lv,rv,v,a), of
    several the lowest question id; the other candidates dropped: the
    Democrat's two-party share dem / (dem + rep).
  Dedupe: each pollster's latest poll in a unit (latest end date, then the
    highest poll id).
  Average: equal weights.
  No polls: 2012's two-party share (MEDSL) moved by the national swing +0.56
    points (the average of 18 national polls minus 2012's national two-party
    share).
  Error: own sd 2.25 points (presidential state averages' error about their
    cycle's bias, raw-polls 2000-2012, 180 state averages); national: one
    cycle-wide bias shared by all units, Student-t with df 9 and scale 1.18
    points (root mean square about 0 of the mean error of all statewide races,
    president by state, Senate and governor, in each of the 9 even years
    1998-2014, 641 races), sd 1.33 points; uniform-swing units sd 3.06 points
    (state swing about the national swing, MEDSL 2000-2012). Probabilities and
    intervals: normal with sd = sqrt(own^2 + national sd^2) (for 2016 and 2020
    within 0.07 points of the t-plus-normal sum's quantiles up to 99.5 %;
    tally forecast --national-sd, normal errors).
  Own sd by polls (in the JSON and the backtest, not used): sqrt(0.00^2 +
    3.54^2 w + s), w the sum over a unit's pollsters of their share of its
    polls squared, s its average's sampling variance (p (1 - p) / n2 per poll,
    n2 = sample size x (dem + rep) / 100, / polls^2; 0 polls without a sample
    size counted at raw-polls' mean 3.97 points^2), fitted on the same
    raw-polls averages.
  Other share (in the JSON and the backtest, not used: raw-polls' earlier
    cycles do not support it): a poll's share for neither nominee, 100 - dem -
    rep (undecided and third parties).
