# JSON contract of issue 4, MEDSL 2016.
cmd: tally flip 2016 --json
exit: 0
json: yes
--- stdout
{
  "electors_after": {
    "Donald Trump": 260,
    "Hillary Clinton": 278
  },
  "from": "Donald Trump",
  "majority": 270,
  "margin_sum": 77744,
  "source": "MEDSL",
  "target": "win",
  "to": "Hillary Clinton",
  "units": [
    {
      "code": "MI",
      "electors": 16,
      "margin": 10704,
      "votes_to_move": 5353
    },
    {
      "code": "PA",
      "electors": 20,
      "margin": 44292,
      "votes_to_move": 22147
    },
    {
      "code": "WI",
      "electors": 10,
      "margin": 22748,
      "votes_to_move": 11375
    }
  ],
  "voters": 38875,
  "year": 2016
}
