# Issue 10: the recount's "Not listed" states are in alphabetical order.
cmd: tally recount 2016 | grep '^Not listed'
exit: 0
--- stdout
Not listed for 2016 (its sources attest the rule only for other years): AK, AL, AZ, CO, CT, DC, DE, GA, HI, KY, MT, ND, NE, NM, OR, SC, SD, TX, UT, VA, VT, WA
