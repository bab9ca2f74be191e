# SoS: 585,407 (8 % of 7,317,581, rounded up).
cmd: tally initiative requirement --governor-votes 7317581 --kind amendment --json
exit: 0
json: yes
--- stdout
{
  "governor_votes": 7317581,
  "percent": 8,
  "required": 585407
}
