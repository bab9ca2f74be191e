# Issue 10: in a file of the MEDSL layout, Nevada's "NONE OF THE ABOVE" row
# (MEDSL 2016, verbatim) is the ballot line "None of these candidates",
# counted in the total (1,125,385 certified), not dropped.
cmd: tally result tests/data/medsl_2016_nv.csv --state NV
exit: 0
--- stdout-has
  Hillary Clinton              Democratic                  539,260  47.92 %
  None of these candidates                                  28,863   2.56 %
  Total                                                  1,125,385
