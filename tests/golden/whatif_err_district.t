# --rule district needs district returns: only ME and NE have them in 2016.
cmd: tally whatif 2016 --rule district
exit: 2
--- stdout
--- stderr
tally whatif: the district method needs district returns, which exist here only for ME, NE; 41 states with more than one seat have none: AL AR AZ CA CO CT FL GA HI IA ID IL IN KS KY LA MA MD MI MN MO MS NC NH NJ NM NV NY OH OK OR PA RI SC TN TX UT VA WA WI WV (see 'tally whatif --help')
