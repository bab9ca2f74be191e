cmd: tally years --json
exit: 0
json: yes
--- stdout-has
  {"census": 2010, "sources": ["medsl", "fec"], "year": 2016},
