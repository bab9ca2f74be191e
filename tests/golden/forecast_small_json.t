cmd: tally forecast tests/data/forecast_small.csv --json --sims 0
exit: 0
json: yes
--- stdout-has
  "method": "exact",
  "majority": 11,
    "D": 0.841344746069,
    "R": 0.158655253931
  "p_no_majority": 0.0,
  "p_popular_winner_loses": null,
  "simulations": 0,
