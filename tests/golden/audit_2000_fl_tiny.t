# Florida 2000: Bush by 537 of 5,963,110 (MEDSL = certified): far too close for ballot polling.
cmd: tally audit 2000 --state FL
exit: 0
--- stdout-has
Reported: George W. Bush 2,912,790, Al Gore 2,912,253, margin 537, of 5,963,110 votes for the office
The margin is too small for a ballot-polling audit: the expected sample (721,710,560.4 ballots) reaches the 5,963,110 ballots cast. A full hand count is suggested
