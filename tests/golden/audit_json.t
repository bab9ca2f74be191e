cmd: tally audit --shares 0.55,0.45 --risk 0.10 --trials 200 --json
exit: 0
json: yes
--- stdout-has
"asn": 469.262786652,
"practical": true,
"risk": 0.1,
"s_winner": 0.55,
"seed": 20121108,
"trials": 200
"n": 100
"k": 64,
"p50": 
