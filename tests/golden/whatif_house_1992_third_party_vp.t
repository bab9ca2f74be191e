# Issue 12: a third-party ticket among the Senate's two: Perot second in
# electors (the largest states set to him), the 103rd Congress (its ordinal
# spelled right) chooses between Al Gore and Perot's running mate James
# Stockdale (data/running_mates.csv); the 57 Democratic senators vote Gore,
# the Republicans' ticket is not among the two.
cmd: tally whatif 1992 --set CA=Perot --set TX=Perot --set NY=Perot --set FL=Perot --set PA=Perot --set IL=Perot
exit: 0
--- stdout-has
What-if: no majority (270 of 538 needed): contingent election in the House (one vote per state delegation) among Bill Clinton (238), Ross Perot (189) and George H. W. Bush (111)
House of the 103rd Congress (delegations as it convened in 1993): one vote per state, 26 of 50 needed
Senate of the 103rd Congress (43 R, 57 D, 0 other as it convened): Vice President between the two highest, 51 of 100 needed
  Al Gore (Clinton's running mate) 57, James Stockdale (Perot's running mate) 0
  The Senate elects Al Gore Vice President
