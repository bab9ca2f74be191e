cmd: tally apportion 2020 --json --priority
exit: 0
json: yes
--- stdout-has
"census": 2020,
"method": "huntington-hill",
"seats": 435,
"short_by": 89
"code": "MN",
"tied": false
