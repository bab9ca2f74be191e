cmd: tally forecast tests/data/forecast_2024.csv --corr data/corr_economist_2020.csv --corr-repair --sims 100000
exit: 0
--- stdout-has
correlated by data/corr_economist_2020.csv (repaired: nearest correlation matrix, Higham 2002; moved 2.1370 in Frobenius norm)
Method: Monte Carlo, 100,000 simulations, seed 1
