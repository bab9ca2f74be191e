# Issue 10: flip, tipping and power --help print one what-if heading, not two.
cmd: for c in flip tipping power; do tally $c --help | grep -c 'What-if'; done
exit: 0
--- stdout
1
1
1
