# SoS: 365,880 signatures for initiative statutes, 2015-2018 cycles (5 % of 7,317,581).
cmd: tally initiative requirement --governor-votes 7,317,581 --kind statute
exit: 0
--- stdout
Initiative statute (Cal. Const. art. II §8(b)): 5 % of 7,317,581 votes for Governor
Signatures required: 365,880 (5 % is 365,879.05, rounded up)
