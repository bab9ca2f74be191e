# SoS cleared-for-circulation page: 585,407 for 16-0011A1 on the 2014 governor vote 7,317,581.
cmd: tally initiative requirement --governor-votes 7317581 --kind amendment
exit: 0
--- stdout
Initiative constitutional amendment (Cal. Const. art. II §8(b)): 8 % of 7,317,581 votes for Governor
Signatures required: 585,407 (8 % is 585,406.48, rounded up)
