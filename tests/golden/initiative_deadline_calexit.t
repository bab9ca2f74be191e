# 16-0011A1 (Calexit): summary 2017-01-26, circulation deadline 2017-07-25 (SoS
# cleared-for-circulation page); E-131 of 2018-11-06 is 2018-06-28 (process-facts.md §1.2).
cmd: tally initiative deadline --summary-date 2017-01-26
exit: 0
--- stdout
Official summary date:  2017-01-26 (Thursday)
Circulation deadline:   2017-07-25 (Tuesday) = summary date + 180 days (EC §9014(b))
No signatures filed:    the measure fails on 2017-08-07, the 9th working day after the deadline (SoS)
Election:               2018-11-06 (the first general election whose E-131 is on or after the deadline [assumed])
Qualify by:             2018-06-28 = election - 131 days (Cal. Const. art. II §8)
