cmd: tally polls tests/data/polls_538_2024.csv --csv
exit: 0
--- stdout-has
GA,0.4846,0.0225,3,3,2024-07-22,2024-07-28,polls
PA,0.4893,0.0301,0,0,,,uniform swing
