# Issue 12: the 2018 Cal 3 initiative's three states by county, the House
# reapportioned on the 2010 census (populations: counties' residents + the
# overseas share; checked independently in tests/unit/test_redraw.c).
cmd: tally whatif 2016 --split cal3 --reapportion
exit: 0
--- stdout-has
2016 presidential election · what if: split cal3 · reapportioned · source: MEDSL
note: redrawn by county: the votes of CA, NCA, SCA are their counties' returns (MEDSL County Presidential Election Returns 2000-2020 (doi:10.7910/DVN/VOQCHQ)), which replace the state returns (county sums against the state returns: CA equal)
note: assumed: a redrawn state's apportionment population is its counties' 2010 census resident population plus its parent states' overseas population shared in proportion to resident population (largest remainders, whole people)
  CA   California             CA             6   11,805,781    27,898   11,833,679    17       19  Clinton 19
  NCA  Northern California    CA            40   12,394,396    29,288   12,423,684    18       20  Clinton 20
  SCA  Southern California    CA            12   13,053,779    30,847   13,084,626    18       20  Clinton 20
  TX      25,268,418     36 -> 36       38 -> 38
What-if: Donald Trump wins, 304 electoral votes cast of 542 (majority 272)
  NCA joined: 20 electors (Clinton 20)
