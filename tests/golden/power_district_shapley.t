# Issue 11: the Shapley-Shubik index stays exact only up to 64 units: the
# College by district (480 units) is refused with one clear line.
cmd: tally power 2024 --rule district --units districts --index shapley
exit: 1
--- stdout
--- stderr
tally: the Shapley-Shubik index takes at most 64 units, and this game has 480; the Banzhaf index takes up to 1000
