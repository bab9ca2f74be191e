# Florida 2000: Bush by 537 of 5,963,110; the 0.5 % machine-recount trigger (29,815) was met.
cmd: tally recount 2000 --state FL --json
exit: 0
json: yes
--- stdout
{
  "recounts": [
    {
      "base": "total",
      "kind": "automatic",
      "label": "machine recount",
      "margin": 537,
      "mark": "V",
      "met": true,
      "rule": "margin <= 0.5 % of the votes cast for the office",
      "runner_up": "Al Gore",
      "runner_up_votes": 2912253,
      "source": "Fla. Stat. §102.141 quoted at willrabbe.com; Politico 2016; the 2000 recount",
      "state": "FL",
      "threshold": 29815,
      "total_votes": 5963110,
      "winner": "George W. Bush",
      "winner_votes": 2912790
    }
  ],
  "source": "MEDSL",
  "year": 2000
}
