# As amend_no_quorum, as JSON; exit 3 all the same.
cmd: tally amend --house-yeas 150 --house-nays 66 --senate-yeas 67 --senate-nays 33 --ratified 38 --json
exit: 3
json: yes
--- stdout
{
  "failed_step": "house",
  "house": {
    "members": 435,
    "nays": 66,
    "needed": 144,
    "passes": false,
    "present": 216,
    "quorum": 218,
    "quorum_met": false,
    "short_by": 2,
    "yeas": 150
  },
  "passes": false,
  "senate": {
    "members": 100,
    "nays": 33,
    "needed": 67,
    "passes": true,
    "present": 100,
    "quorum": 51,
    "quorum_met": true,
    "short_by": 0,
    "yeas": 67
  },
  "states": {
    "needed": 38,
    "passes": true,
    "ratified": 38,
    "short_by": 0,
    "states": 50
  }
}
