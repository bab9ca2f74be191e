cmd: tally polls tests/data/polls_538_2016.csv
exit: 0
--- stdout-has
WI      53.42%   2.25      3          3  2016-10-18  2016-10-31  polls
Polls: tests/data/polls_538_2016.csv (538 president_general_polls_2016 (older layout)), cycle 2016, as of 2016-10-31
Recommended national sd (shared by all units): 0.0133 (1.33 points; the sd of a Student-t with df 9)
