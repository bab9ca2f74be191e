# 2016 and 2020 district counts are rebuilt from rounded shares: every output says so.
cmd: tally result 2020 --districts --state AZ --csv
exit: 0
--- stdout-has
approximate: rebuilt from rounded shares
--- stderr-has
tally: note: AZ district sum differs from the state return (MEDSL): D -52, R +52
