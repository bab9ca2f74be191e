# tally --help lists every finished subcommand (the man page is made from it).
cmd: tally --help
exit: 0
--- stdout
usage: tally SUBCOMMAND [options]
       tally SUBCOMMAND --help  (or tally help SUBCOMMAND)
       tally --version

The U.S. presidential election system, computed exactly from official data.

Subcommands:
  result      how the votes became electors and a President
  years       list the built-in elections
  history     every election 1789-2024: President, popular-vote leader, rule
  whatif      what if states left, the House changed, or the rules or votes did
  apportion   apportion the House among the states
  flip        fewest votes that would have changed the result
  tipping     the tipping-point state, its margin and tilt
  power       Banzhaf and Shapley-Shubik power of each state
  forecast    win probabilities from state estimates and correlated errors
  polls       state polling averages, error model and backtests (538 polls)
  map         draw the College as an SVG tile-grid map
  serve       the local page and its JSON API over HTTP
  initiative  a California initiative's signatures, sample and deadlines
  amend       Article V: two-thirds of both Houses, three-fourths of the states
  recount     which states' margins met their recount triggers
  audit       BRAVO risk-limiting audit: expected sample and stopping rule

Files: a results FILE (and initiative's --counties FILE) may be '-' for
standard input; an input file larger than 256 MiB is refused. --out FILE
replaces a regular file atomically, keeping its mode; it writes a symbolic
link's target, and a device or a FIFO in place; it may not name an input.

Exit status: 0 success, 1 bad input, 2 usage error (some subcommands document more).
