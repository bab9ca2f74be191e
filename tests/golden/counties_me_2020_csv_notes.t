# ME 2020: the county file lacks Maine's UOCAVA ballots, Biden -4,599, Trump -838 against the MEDSL state return (shared data README).
cmd: tally result 2020 --counties --state ME --csv > /dev/null
exit: 0
--- stderr
tally: note: ME county sum differs from the state return (MEDSL): D -4599, R -838
