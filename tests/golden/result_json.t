cmd: tally result 2016 --json
exit: 0
json: yes
--- stdout-has
  "electors": 538,
  "majority": 270,
  "winner": "Donald Trump",
      "ev_cast": 227,
      "ev_pledged": 232,
      "name": "Hillary Clinton",
      "share": 48.21,
      "votes": 65853581
      "code": "ME-2",
        "Hillary Clinton": 8753788,
