# Issue 10: NE-2 (and ME-1, ME-2) have no 2008 returns, so no margin: they
# are left out of the order and listed after it, their electors counted for
# Obama. The tipping point is Colorado, D+8.95 (MEDSL 2008), not Iowa.
cmd: tally tipping 2008 | sed -n '1,4p;/tipping point$/p;/^Not in the order/,$p'
exit: 0
--- stdout
2008 presidential election · source: MEDSL
Tipping point: CO (Colorado), D+8.95; it carries Barack Obama to 276 electors (a majority is 270)
National margin: D+7.27 (popular vote, Obama vs. McCain)
Tilt of the College: D+1.68 (tipping point minus nation)
 24  CO       9    D+8.95         276  <- tipping point
Not in the order, without a margin (their electors count for Obama):
     ME-1     1  no returns (the electors as cast decide it)
     ME-2     1  no returns (the electors as cast decide it)
     NE-2     1  no returns (the electors as cast decide it)
