# Issue 12: --delegation takes DC once it is admitted as a state.
cmd: tally whatif 2020 --admit DC --delegation DC=D --set AZ=Trump --set GA=Trump --set WI=Trump
exit: 0
--- stdout-has
  Joe Biden 21, Donald Trump 27
  delegations as given: DC=D
