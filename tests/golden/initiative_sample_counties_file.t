# §20540 county plus two made-up counties (one examined in full); sum 16,026 > 110 % of 14,000.
cmd: printf "name,raw,sample,valid,duplicates\nExample,24034,722,516,2\n\"Alpine, CA\",300,300,200,0\nD,1000,500,400,1\n" >$T/c.csv && tally initiative sample --required 14000 --counties $T/c.csv
exit: 0
--- stdout
Random-sample verification (EC §9030; Cal. Code Regs. tit. 2 §§20530-20532)
Signatures required: 14,000

County                   Raw    Min n   Sample    Valid   Dup  Rate %           V          A         C   Projected
Example               24,034      722      722      516     2   71.47      17,178    33.2881     2,150      15,028
Alpine, CA               300      300      300      200     0   66.67         200     1.0000         0         200  (all examined: a count)
D                      1,000      500      500      400     1   80.00         800     2.0000         2         798
Statewide             25,334                                                                                16,026

Projected valid: 16,026 = 114.47 % of required
Decision: qualifies: more than 110 % of required
Rule: projected valid > 110 % (> 15,400.00) qualifies; < 95 % (< 13,300.00) fails; from 95 % to 110 %, both included [assumed], a full count
