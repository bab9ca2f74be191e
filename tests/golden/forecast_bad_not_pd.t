cmd: tally forecast tests/data/forecast_2024.csv --corr data/corr_economist_2020.csv --method mc
exit: 1
--- stderr
tally: data/corr_economist_2020.csv: correlation matrix is not positive definite (smallest eigenvalue -1.267); corr_repair uses the nearest correlation matrix (Higham 2002)
