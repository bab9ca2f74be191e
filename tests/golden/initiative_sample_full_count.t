# 16,026 projected of 16,000 required = 100.16 %: inside the 95-110 % band (EC §9030).
cmd: tally initiative sample --required 16000 --county A,24034,722,516,2 --county B,300,300,200,0 --county D,1000,500,400,1 --json
exit: 0
json: yes
--- stdout
{
  "counties": [
    {
      "duplicates": 2,
      "name": "A",
      "projected_valid": 15028,
      "raw": 24034,
      "sample": 722,
      "valid": 516
    },
    {
      "duplicates": 0,
      "name": "B",
      "projected_valid": 200,
      "raw": 300,
      "sample": 300,
      "valid": 200
    },
    {
      "duplicates": 1,
      "name": "D",
      "projected_valid": 798,
      "raw": 1000,
      "sample": 500,
      "valid": 400
    }
  ],
  "decision": "full_count",
  "percent_of_required": 100.16,
  "projected_valid": 16026,
  "required": 16000
}
