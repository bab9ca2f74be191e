# IA 2020: MEDSL's county file has Trump +4,337 over the state return (an upstream error, shared data README); Biden equal.
cmd: tally result 2020 --counties --state IA
exit: 0
--- stdout-has
  IA  Joe Biden +0  Donald Trump +4337
99 counties
Source: MEDSL County Presidential Election Returns 2000-2020 (doi:10.7910/DVN/VOQCHQ)
