# Cal. Code Regs. tit. 2 §20540 worked example: R 24,034, n 722, s 516, d 2 -> r 71.47 %,
# V 17,178, A 33.2881, C 2,150, projected valid 15,028; 722 is 3 % of 24,034 rounded up.
cmd: tally initiative sample --required 585407 --county Example,24034,722,516,2
exit: 0
--- stdout
Random-sample verification (EC §9030; Cal. Code Regs. tit. 2 §§20530-20532)
Signatures required: 585,407

County                   Raw    Min n   Sample    Valid   Dup  Rate %           V          A         C   Projected
Example               24,034      722      722      516     2   71.47      17,178    33.2881     2,150      15,028
Statewide             24,034                                                                                15,028

Projected valid: 15,028 = 2.57 % of required
Decision: fails at the raw count: 24,034 signatures filed, below 100 % of the 585,407 required (EC §9030(c))
Rule: projected valid > 110 % (> 643,947.70) qualifies; < 95 % (< 556,136.65) fails; from 95 % to 110 %, both included [assumed], a full count
