# MEDSL 2016 = certified returns: MI Trump by 10,704 against its 2,000-vote trigger (not met);
# PA 44,292 against 0.5 % (30,577); WI 22,748 after its recount (process-facts.md §4).
cmd: tally recount 2016
exit: 0
--- stdout
Recount triggers in force in 2016 · source: MEDSL
Each state recounts its own contest; threshold = the largest margin (votes) that triggers the rule.

State Kind      Trigger                                Winner     Runner-up       Margin   Threshold  Met
FL    automatic <= 0.5 % of total                      Trump      Clinton        112,911      47,100  no
FL    automatic <= 0.25 % of total                     Trump      Clinton        112,911      23,550  no
MI    automatic <= 2,000 votes                         Trump      Clinton         10,704       2,000  no
OH    automatic < 0.25 % of total                      Trump      Clinton        446,841      13,741  no
PA    automatic <= 0.5 % of total                      Trump      Clinton         44,292      30,577  no
NC    requested <= 0.5 % of total and <= 10,000 votes  Trump      Clinton        173,315      10,000  no
NV    requested any margin                             Clinton    Trump           27,202         any  yes
WI    requested any margin                             Trump      Clinton         22,748         any  yes
WI    requested <= 0.25 % of total                     Trump      Clinton         22,748       7,440  no

Rules and sources:
  FL (machine recount): margin <= 0.5 % of the votes cast for the office [V] Fla. Stat. §102.141 quoted at willrabbe.com; Politico 2016; the 2000 recount
  FL (manual review of over/undervotes): margin <= 0.25 % of the votes cast for the office, after the machine recount [V] Politico 2016, Recount rules in battleground states
  MI: margin <= 2,000 votes between the top two [V] verifiedvoting.org/recountlaw/michigan; Politico 2016
  OH: margin < 0.25 % of the total vote (statewide office) [V] NCSL, Recount rules: the how-tos in battleground states (2012); willrabbe.com
  PA: margin <= 0.5 % of the votes for all candidates for the office [V] Politico 2016, Recount rules in battleground states; swingwatch recount.md (25 P.S.)
  NC (on request): on request if margin <= 0.5 % or 10,000 votes, whichever is less [V] Politico 2016; swingwatch recount.md
  NV (on request): any defeated candidate may demand one, whatever the margin, and pays for it [V] Politico 2016
  WI (on request): any candidate may petition, whatever the margin [V] Governing (TNS), Walker signs recount bill, 2017; Milwaukee Journal Sentinel 2018-11-07
  WI (free on request): the petitioner pays nothing if margin <= 0.25 % [V] Governing (TNS) 2017; Seehafer News 2017-12-04

Not listed for 2016 (its sources attest the rule only for other years): AK, AL, AZ, CO, CT, DC, DE, GA, HI, KY, MT, ND, NE, NM, OR, SC, SD, TX, UT, VA, VT, WA
