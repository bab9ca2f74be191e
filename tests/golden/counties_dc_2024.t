# 2024 from the tonmcg county file (D, R, total only): DC's 8 wards folded into one; Harris 294,185 = the MEDSL state return.
cmd: tally result 2024 --counties --state DC
exit: 0
--- stdout
Counties, 2024
Source: tonmcg county results 2024 (scraped from news results, not authoritative; D, R and total only)
D = Kamala Harris, R = Donald Trump

FIPS   County                     St           D           R     Others       Total Margin          D %     R %
11001  District of Columbia       DC     294,185      21,076     10,608     325,869 D+273,109     90.28    6.47
1 county

County sums equal the state returns (MEDSL) in every state shown.
