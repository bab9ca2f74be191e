# process-facts.md §5: p_w = .55, p_l = .45, a = .10 -> ASN about 469 (Stark,
# ballotPollTools); k_min(100) = 64 (r2b2 so_bravo affine form).
cmd: tally audit --shares 0.55,0.45 --risk 0.10
exit: 0
--- stdout-has
Expected sample (ASN): 469.3 ballots
           100             64
Stopping sample, 1,000 simulated audits (seed 20121108):
0 of 1,000 escalated to a full hand count
