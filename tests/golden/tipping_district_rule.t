# Issue 11: tipping under the district method: the units are every state's
# at-large pair and districts; 2024's tipping point is a district.
cmd: tally tipping 2024 --rule district
exit: 0
--- stdout-has
What-if: rule district
Tipping point: AZ-1, R+3.11; it carries Donald Trump to 270 electors (a majority is 270)
