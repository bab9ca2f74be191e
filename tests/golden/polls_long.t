cmd: tally polls tests/data/polls_538_long_2020.csv
exit: 0
--- stdout
Polls: tests/data/polls_538_long_2020.csv (538 president_polls (2020/2024 layout, one row per answer)), cycle 2020, as of 2020-10-19
Source: FiveThirtyEight poll data, CC BY 4.0; 6 questions asking both nominees read, 0 without both left out

Unit    Dem 2p     SD  Polls  Pollsters  First       Last        Method
AK      44.27%   3.23      0          0  -           -           uniform swing (no polls)
AL      38.28%   3.23      0          0  -           -           uniform swing (no polls)
AR      38.37%   3.23      0          0  -           -           uniform swing (no polls)
AZ      50.77%   3.23      0          0  -           -           uniform swing (no polls)
CA      68.78%   3.23      0          0  -           -           uniform swing (no polls)
CO      55.34%   3.23      0          0  -           -           uniform swing (no polls)
CT      59.80%   3.23      0          0  -           -           uniform swing (no polls)
DC      98.35%   3.23      0          0  -           -           uniform swing (no polls)
DE      58.66%   3.23      0          0  -           -           uniform swing (no polls)
FL      52.04%   3.23      0          0  -           -           uniform swing (no polls)
GA      50.00%   3.23      0          0  -           -           uniform swing (no polls)
HI      70.10%   3.23      0          0  -           -           uniform swing (no polls)
IA      47.59%   3.23      0          0  -           -           uniform swing (no polls)
ID      34.35%   3.23      0          0  -           -           uniform swing (no polls)
IL      61.68%   3.23      0          0  -           -           uniform swing (no polls)
IN      42.54%   3.23      0          0  -           -           uniform swing (no polls)
KS      41.55%   3.23      0          0  -           -           uniform swing (no polls)
KY      36.99%   3.23      0          0  -           -           uniform swing (no polls)
LA      42.48%   3.23      0          0  -           -           uniform swing (no polls)
MA      67.31%   3.23      0          0  -           -           uniform swing (no polls)
MD      66.67%   3.23      0          0  -           -           uniform swing (no polls)
ME      54.25%   3.23      0          0  -           -           uniform swing (no polls)
ME-1    60.44%   3.23      0          0  -           -           uniform swing (no polls)
ME-2    48.76%   2.30      2          2  2020-09-25  2020-10-06  polls
MI      52.54%   3.23      0          0  -           -           uniform swing (no polls)
MN      53.49%   3.23      0          0  -           -           uniform swing (no polls)
MO      42.84%   3.23      0          0  -           -           uniform swing (no polls)
MS      43.57%   3.23      0          0  -           -           uniform swing (no polls)
MT      41.55%   3.23      0          0  -           -           uniform swing (no polls)
NC      50.75%   3.23      0          0  -           -           uniform swing (no polls)
ND      32.85%   3.23      0          0  -           -           uniform swing (no polls)
NE      39.11%   3.23      0          0  -           -           uniform swing (no polls)
NE-1    41.35%   3.23      0          0  -           -           uniform swing (no polls)
NE-2    51.44%   3.23      0          0  -           -           uniform swing (no polls)
NE-3    23.73%   3.23      0          0  -           -           uniform swing (no polls)
NH      52.85%   3.23      0          0  -           -           uniform swing (no polls)
NJ      59.94%   3.23      0          0  -           -           uniform swing (no polls)
NM      57.31%   3.23      0          0  -           -           uniform swing (no polls)
NV      53.95%   3.23      0          0  -           -           uniform swing (no polls)
NY      64.43%   3.23      0          0  -           -           uniform swing (no polls)
OH      48.39%   3.23      0          0  -           -           uniform swing (no polls)
OK      33.35%   3.23      0          0  -           -           uniform swing (no polls)
OR      58.81%   3.23      0          0  -           -           uniform swing (no polls)
PA      52.28%   2.30      3          3  2020-10-16  2020-10-19  polls
RI      60.97%   3.23      0          0  -           -           uniform swing (no polls)
SC      45.20%   3.23      0          0  -           -           uniform swing (no polls)
SD      36.68%   3.23      0          0  -           -           uniform swing (no polls)
TN      39.03%   3.23      0          0  -           -           uniform swing (no polls)
TX      47.94%   3.23      0          0  -           -           uniform swing (no polls)
UT      40.27%   3.23      0          0  -           -           uniform swing (no polls)
VA      55.48%   3.23      0          0  -           -           uniform swing (no polls)
VT      67.84%   3.23      0          0  -           -           uniform swing (no polls)
WA      61.44%   3.23      0          0  -           -           uniform swing (no polls)
WI      52.25%   3.23      0          0  -           -           uniform swing (no polls)
WV      30.50%   3.23      0          0  -           -           uniform swing (no polls)
WY      26.95%   3.23      0          0  -           -           uniform swing (no polls)

Recommended national sd (shared by all units): 0.0140 (1.40 points; the sd of a Student-t with df 11)

Method:
  Source: FiveThirtyEight poll data (CC BY 4.0), 538 president_polls
    (2020/2024 layout, one row per answer).
  Polls: those ending in the 21 days 2020-09-29 to 2020-10-19; one value per
    poll: its question of the most preferred population (lv,rv,v,a), of
    several the lowest question id; the other candidates dropped: the
    Democrat's two-party share dem / (dem + rep).
  Dedupe: each pollster's latest poll in a unit (latest end date, then the
    highest poll id).
  Average: equal weights.
  No polls: 2016's two-party share (MEDSL) moved by the national swing +2.66
    points (no national polls: the polled states' mean swing from 2016,
    weighted by their 2016 two-party vote).
  Error: own sd 2.30 points (presidential state averages' error about their
    cycle's bias, raw-polls 2000-2016, 231 state averages); national: one
    cycle-wide bias shared by all units, Student-t with df 11 and scale 1.26
    points (root mean square about 0 of the mean error of all statewide races,
    president by state, Senate and governor, in each of the 11 even years
    1998-2018, 792 races), sd 1.40 points; uniform-swing units sd 3.23 points
    (state swing about the national swing, MEDSL 2000-2016). Probabilities and
    intervals: normal with sd = sqrt(own^2 + national sd^2) (for 2016 and 2020
    within 0.07 points of the t-plus-normal sum's quantiles up to 99.5 %;
    tally forecast --national-sd, normal errors).
  Own sd by polls (in the JSON and the backtest, not used): sqrt(0.46^2 +
    3.28^2 w + s), w the sum over a unit's pollsters of their share of its
    polls squared, s its average's sampling variance (p (1 - p) / n2 per poll,
    n2 = sample size x (dem + rep) / 100, / polls^2; 0 polls without a sample
    size counted at raw-polls' mean 3.94 points^2), fitted on the same
    raw-polls averages.
  Other share (in the JSON and the backtest, not used: raw-polls' earlier
    cycles do not support it): a poll's share for neither nominee, 100 - dem -
    rep (undecided and third parties).
