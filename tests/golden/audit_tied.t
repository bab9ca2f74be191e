cmd: tally audit --shares 0.5,0.5
exit: 1
--- stdout
--- stderr
tally: shares tied: no ballot-polling audit can confirm a winner; a full hand count is needed
