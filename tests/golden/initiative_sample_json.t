# Cal. Code Regs. tit. 2 §20540: projected valid 15,028.
cmd: tally initiative sample --required 585407 --county Example,24034,722,516,2 --json
exit: 0
json: yes
--- stdout
{
  "counties": [
    {
      "duplicates": 2,
      "name": "Example",
      "projected_valid": 15028,
      "raw": 24034,
      "sample": 722,
      "valid": 516
    }
  ],
  "decision": "fails",
  "percent_of_required": 2.57,
  "projected_valid": 15028,
  "required": 585407
}
