# A model read from standard input is named "<stdin>", as the library names
# it in results and messages (it was shown as "-").
cmd: tally forecast - --sims 0 < tests/data/forecast_2024.csv | head -n 1
exit: 0
--- stdout
Forecast: <stdin>, 56 units, 538 electors, majority 270
