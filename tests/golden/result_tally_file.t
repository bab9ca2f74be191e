# tally's own layout; electors from the built-in 2010-census apportionment.
cmd: tally result tests/data/tally_layout.csv --json
exit: 0
json: yes
--- stdout-has
  "electors": 46,
  "majority": 24,
  "winner": "Donald Trump",
