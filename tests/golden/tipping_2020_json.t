# Acceptance (issue 4): Wisconsin D+0.63 against a national D+4.45 (MEDSL 2020).
# The tilt is computed exactly: 0.6271 - 4.4544 = -3.827 points, -3.83 rounded.
cmd: tally tipping 2020 --json
exit: 0
json: yes
--- stdout
{
  "margin_pct": 0.63,
  "national_margin_pct": 4.45,
  "no_margin": [],
  "order": [
    {
      "code": "DC",
      "cumulative": 3,
      "electors": 3,
      "margin_pct": 86.75
    },
    {
      "code": "VT",
      "cumulative": 6,
      "electors": 3,
      "margin_pct": 35.41
    },
    {
      "code": "MA",
      "cumulative": 17,
      "electors": 11,
      "margin_pct": 33.46
    },
    {
      "code": "MD",
      "cumulative": 27,
      "electors": 10,
      "margin_pct": 33.21
    },
    {
      "code": "HI",
      "cumulative": 31,
      "electors": 4,
      "margin_pct": 29.46
    },
    {
      "code": "CA",
      "cumulative": 86,
      "electors": 55,
      "margin_pct": 29.16
    },
    {
      "code": "NY",
      "cumulative": 115,
      "electors": 29,
      "margin_pct": 23.11
    },
    {
      "code": "ME-1",
      "cumulative": 116,
      "electors": 1,
      "margin_pct": 22.72
    },
    {
      "code": "RI",
      "cumulative": 120,
      "electors": 4,
      "margin_pct": 20.81
    },
    {
      "code": "CT",
      "cumulative": 127,
      "electors": 7,
      "margin_pct": 20.07
    },
    {
      "code": "WA",
      "cumulative": 139,
      "electors": 12,
      "margin_pct": 19.2
    },
    {
      "code": "DE",
      "cumulative": 142,
      "electors": 3,
      "margin_pct": 18.97
    },
    {
      "code": "IL",
      "cumulative": 162,
      "electors": 20,
      "margin_pct": 16.99
    },
    {
      "code": "OR",
      "cumulative": 169,
      "electors": 7,
      "margin_pct": 16.09
    },
    {
      "code": "NJ",
      "cumulative": 183,
      "electors": 14,
      "margin_pct": 15.94
    },
    {
      "code": "CO",
      "cumulative": 192,
      "electors": 9,
      "margin_pct": 13.41
    },
    {
      "code": "NM",
      "cumulative": 197,
      "electors": 5,
      "margin_pct": 10.79
    },
    {
      "code": "VA",
      "cumulative": 210,
      "electors": 13,
      "margin_pct": 10.11
    },
    {
      "code": "ME",
      "cumulative": 212,
      "electors": 2,
      "margin_pct": 9.07
    },
    {
      "code": "NH",
      "cumulative": 216,
      "electors": 4,
      "margin_pct": 7.35
    },
    {
      "code": "MN",
      "cumulative": 226,
      "electors": 10,
      "margin_pct": 7.11
    },
    {
      "code": "NE-2",
      "cumulative": 227,
      "electors": 1,
      "margin_pct": 6.54
    },
    {
      "code": "MI",
      "cumulative": 243,
      "electors": 16,
      "margin_pct": 2.78
    },
    {
      "code": "NV",
      "cumulative": 249,
      "electors": 6,
      "margin_pct": 2.39
    },
    {
      "code": "PA",
      "cumulative": 269,
      "electors": 20,
      "margin_pct": 1.16
    },
    {
      "code": "WI",
      "cumulative": 279,
      "electors": 10,
      "margin_pct": 0.63
    },
    {
      "code": "AZ",
      "cumulative": 290,
      "electors": 11,
      "margin_pct": 0.31
    },
    {
      "code": "GA",
      "cumulative": 306,
      "electors": 16,
      "margin_pct": 0.24
    }
  ],
  "runner_up": "Donald Trump",
  "runner_up_party": "Republican",
  "source": "MEDSL",
  "tilt_pct": -3.83,
  "unit": "WI",
  "winner": "Joe Biden",
  "winner_party": "Democratic",
  "year": 2020
}
