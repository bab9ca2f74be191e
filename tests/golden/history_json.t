cmd: tally history --from 1824 --to 1824 --json
exit: 0
json: yes
--- stdout
{
  "elections": [
    {
      "by_house": true,
      "electors": 261,
      "majority": 131,
      "president": "John Quincy Adams",
      "president_ev": 84,
      "pv_leader": "Andrew Jackson",
      "pv_leader_lost": true,
      "pv_leader_votes": 151271,
      "pv_margin": 38149,
      "rule": "12th Amendment",
      "runner_up": "Andrew Jackson",
      "runner_up_ev": 99,
      "source": "UCSB American Presidency Project",
      "states": 24,
      "states_voted": 18,
      "total_votes": 365833,
      "year": 1824
    }
  ],
  "notes": []
}
