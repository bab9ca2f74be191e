# WI 2016 certified after the recount (WEC): Trump 1,405,284, Clinton 1,382,536,
# margin 22,748 (process-facts.md §4.3); total votes for the office per MEDSL.
cmd: tally audit 2016 --state WI --risk 0.10
exit: 0
--- stdout-has
BRAVO ballot-polling audit · Wisconsin 2016 · source: MEDSL
Reported: Donald Trump 1,405,284, Hillary Clinton 1,382,536, margin 22,748, of 2,976,150 votes for the office
Expected sample (ASN): 73,967.3 ballots
Stopping rule: after n ballots for Donald Trump or Hillary Clinton, stop and confirm when at least k_min(n) are for Donald Trump
