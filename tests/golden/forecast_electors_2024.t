cmd: tally forecast tests/data/forecast_2024_noev.csv --electors 2024 --national-sd 0.03 --sims 0 --json
exit: 0
json: yes
--- stdout-has
  "electors": 538,
  "majority": 270,
      "code": "ME-2",
