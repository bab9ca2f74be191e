# Acceptance (issue 4): Maine's 2nd district is a unit of its own. Count
# Maine whole (winner-take-all everywhere) and Trump loses ME-2's elector:
# the tipping point then wrongly moves to Pennsylvania. MEDSL 2016.
cmd: tally tipping 2016 --rule wta
exit: 0
--- stdout-has
Tipping point: PA (Pennsylvania), R+0.72; it carries Donald Trump to 289 electors (a majority is 270)
