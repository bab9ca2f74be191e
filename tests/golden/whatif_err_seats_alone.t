# A House size without reapportioning: one message, the API's too.
cmd: tally flip 2016 --seats 500
exit: 2
--- stdout
--- stderr
tally flip: seats applies only with reapportion (see 'tally flip --help')
