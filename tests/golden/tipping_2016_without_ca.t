# Without California Trump leads the rest nationally by 1,401,292 (MEDSL
# 2016: 62,985,062 - 4,483,810 vs 65,853,581 - 8,753,788), R+1.14; the
# tipping point moves to Florida.
cmd: tally tipping 2016 --without CA
exit: 0
--- stdout-has
What-if: without CA
Tipping point: FL (Florida), R+1.20; it carries Donald Trump to 260 electors (a majority is 242)
National margin: R+1.14 (popular vote, Trump vs. Clinton)
