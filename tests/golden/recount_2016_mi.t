# Michigan certified Trump by 10,704 (process-facts.md §4.3); trigger 2,000 votes.
cmd: tally recount 2016 --state MI
exit: 0
--- stdout
Recount triggers in force in 2016 · source: MEDSL
Each state recounts its own contest; threshold = the largest margin (votes) that triggers the rule.

State Kind      Trigger                                Winner     Runner-up       Margin   Threshold  Met
MI    automatic <= 2,000 votes                         Trump      Clinton         10,704       2,000  no

Rules and sources:
  MI: margin <= 2,000 votes between the top two [V] verifiedvoting.org/recountlaw/michigan; Politico 2016
