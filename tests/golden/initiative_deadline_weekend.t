# 15-0037: summary 2015-09-14; day 180 is Saturday 2016-03-12; the SoS failed-to-qualify
# page dates its failure 2016-03-25, the 9th working day after Monday 2016-03-14.
cmd: tally initiative deadline --summary-date 2015-09-14
exit: 0
--- stdout
Official summary date:  2015-09-14 (Monday)
Circulation deadline:   2016-03-14 (Monday) = summary date + 180 days (EC §9014(b))
                        the 180th day, 2016-03-12, is a Saturday: moved to the next business day (EC §9014(d))
No signatures filed:    the measure fails on 2016-03-25, the 9th working day after the deadline (SoS)
Election:               2016-11-08 (the first general election whose E-131 is on or after the deadline [assumed])
Qualify by:             2016-06-30 = election - 131 days (Cal. Const. art. II §8)
