# `result --tie` goes through the what-if specification, as the API's tie
# does: the decision is noted in the JSON (issue 10, item 18).
cmd: tally result 2016 --tie WI=Clinton --json | grep -F 'as by lot'
exit: 0
--- stdout
    "a tie in WI goes to Hillary Clinton (as by lot)"
