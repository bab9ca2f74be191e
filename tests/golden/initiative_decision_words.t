# Issue 10: the table's decision is in words ("full count"), not the JSON's
# machine name "full_count" (16,026 projected of 16,000 required, EC §9030).
cmd: tally initiative sample --required 16000 --county A,24034,722,516,2 --county B,300,300,200,0 --county D,1000,500,400,1 | grep '^Decision'
exit: 0
--- stdout
Decision: full count: within 95 % to 110 % of required; every signature is to be examined (EC §9031)
