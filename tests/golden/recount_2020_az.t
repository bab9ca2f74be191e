# Arizona 2020 (MEDSL): Biden by 10,457; the pre-2022 trigger was the lesser of 0.1 % and 200 votes.
cmd: tally recount 2020 --state AZ
exit: 0
--- stdout
Recount triggers in force in 2020 · source: MEDSL
Each state recounts its own contest; threshold = the largest margin (votes) that triggers the rule.

State Kind      Trigger                                Winner     Runner-up       Margin   Threshold  Met
AZ    automatic <= 0.1 % of top two and <= 200 votes   Biden      Trump           10,457         200  no

Rules and sources:
  AZ: margin <= the lesser of 0.1 % of the top two's votes and 200 votes (before SB 1008) [V] Axios Phoenix 2022-11-02, New Arizona law means more recounts; KTAR 5345835
