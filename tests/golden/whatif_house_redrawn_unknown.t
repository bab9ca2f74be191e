# Issue 12: a state a redraw changed (California, which keeps its code
# after Cal 3) has an unknown House delegation like the new SCA, unless
# given (NCA=D); it keeps its senators, the new states' four are unknown.
cmd: tally whatif 2016 --split cal3 --drop Johnson --delegation NCA=D --rule proportional
exit: 0
--- stdout-has
House of the 115th Congress (delegations as it convened in 2017): one vote per state, 27 of 52 needed
  Hillary Clinton 17, Donald Trump 32, Colin Powell 0
  no vote: 2 delegations unknown (CA, SCA): give --delegation ST=R|D|split
  delegations as given: NCA=D
Senate of the 115th Congress (52 R, 46 D, 2 other, 4 unknown as it convened): Vice President between the two highest, 53 of 104 needed
