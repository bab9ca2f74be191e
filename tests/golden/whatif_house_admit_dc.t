# Issue 12: DC admitted as a state votes in the House (26 of 51 states
# needed), its delegation unknown unless given, and its two senators
# unknown: 52 of 102 needed, so the 117th Senate's 51 Republicans no longer
# elect Pence.
cmd: tally whatif 2020 --admit DC --set AZ=Trump --set GA=Trump --set WI=Trump
exit: 0
--- stdout-has
House of the 117th Congress (delegations as it convened in 2021): one vote per state, 26 of 51 needed
  no vote: 1 delegation unknown (DC): give --delegation ST=R|D|split
  The House elects Donald Trump President
Senate of the 117th Congress (51 R, 46 D, 2 other, 1 vacant, 2 unknown as it convened): Vice President between the two highest, 52 of 102 needed
  No one has 52 senators: the Senate votes again
