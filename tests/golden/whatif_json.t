# The JSON form: {baseline, whatif, changes}; California leaves (its 55 electors), 483 appointed, majority 242.
cmd: tally whatif 2016 --without CA --json
exit: 0
json: yes
--- stdout-has
  "changes": [
      "code": "CA",
      "left": true
      "after": null,
        "electors": 55,
    "electors": 483,
    "majority": 242,
    "rule": "law",
