# Issue 11: 2016 districts are rebuilt from rounded shares: the output says so.
cmd: tally whatif 2016 --rule district
exit: 0
--- stdout-has
note: districts of the 43 states of more than one seat: The Downballot, presidential results by congressional district (approximate: rebuilt from rounded shares); D and R votes only, others in the total
note: ME, NE: the district returns of the state results
  Donald Trump                     306 (304 cast)         290 (288 cast)
