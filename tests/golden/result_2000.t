# 2000: Bush 271 - Gore 266 cast; one DC elector abstained.
cmd: tally result 2000
exit: 0
--- stdout-has
Al Gore                    Democratic         50,996,062  48.39 %      267   266
  DC: 1 pledged to Al Gore abstained
Winner: George W. Bush, 271 electoral votes cast (271 pledged)
