# --help explains how margins are signed.
cmd: tally tipping --help
exit: 0
--- stdout-has
usage: tally tipping [YEAR | FILE] [options]
points, labelled by the party of the candidate ahead: D+0.63 means the
