cmd: tally amend --house-yeas 300 --house-nays 145 --senate-yeas 67 --senate-nays 33 --ratified 38
exit: 1
--- stdout
--- stderr
tally: house: 300 yeas + 145 nays exceed its 435 members
