# 16-0011A1: summary 2017-01-26, deadline 2017-07-25 (SoS).
cmd: tally initiative deadline --summary-date 2017-01-26 --json
exit: 0
json: yes
--- stdout
{
  "circulation_deadline": "2017-07-25",
  "qualify_by": "2018-06-28",
  "summary_date": "2017-01-26"
}
