# A rule other than the law needs a popular vote in every state.
cmd: tally whatif 1824 --rule npv --npv-members all
exit: 1
--- stderr
tally: 1824: 6 states had no popular vote (DE, GA, LA, NY, SC, VT): a rule other than the law needs one in every state
