# Issue 11: flip under the district method: districts and at-large pairs
# are units of their own (2024: 19 districts, Wisconsin's at-large pair
# and Alaska's 3 give Harris 270).
cmd: tally flip 2024 --rule district
exit: 0
--- stdout-has
What-if: rule district
VA-2     1  Trump             1,028              515
WI       2  Trump            29,397           14,699
Total   24                  229,026          114,528
Electors after: Donald Trump 268, Kamala Harris 270
