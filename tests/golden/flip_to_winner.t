# Flipping toward the winner is refused with one line, exit 1.
cmd: tally flip 2016 --to Trump
exit: 1
--- stderr
tally: Donald Trump already wins
