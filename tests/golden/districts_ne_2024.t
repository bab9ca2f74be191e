# NE-2 2024 Harris 163,541, Trump 148,905 (president_cd_me_ne.csv, from MEDSL NE precinct returns).
cmd: tally result 2024 --districts --state NE
exit: 0
--- stdout
Congressional districts, 2024
Source: The Downballot, presidential results by congressional district
D = Kamala Harris, R = Donald Trump

Code   District                   St           D           R     Others       Total Margin          D %     R %
NE-1   NE-1                       NE     136,153     177,666      4,485     318,304 R+41,513      42.77   55.82
NE-2   NE-2                       NE     163,541     148,905      4,244     316,690 D+14,636      51.64   47.02
NE-3   NE-3                       NE      70,301     238,245      3,619     312,165 R+167,944     22.52   76.32
3 districts

District sums equal the state returns (MEDSL) in every state shown.
