# One row per flipped unit, MEDSL 2016.
cmd: tally flip 2016 --csv
exit: 0
--- stdout
code,electors,margin,votes_to_move
MI,16,10704,5353
PA,20,44292,22147
WI,10,22748,11375
